/**
 * Saved replies (macros): wording a team uses often, with variables filled from the case when it is
 * inserted — `{{customer.firstName}}`, with a fallback after a bar: `{{customer.firstName|there}}`.
 * An unknown variable is refused when the reply is saved, so a typo never reaches a customer.
 */

export const TEMPLATE_VARIABLES = [
  'customer.firstName',
  'customer.name',
  'case.reference',
  'case.title',
  'handler.firstName',
  'handler.name',
  'sender.firstName',
  'sender.name',
  'workspace.name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** What each variable stands for, for the editor's help text. */
export const VARIABLE_MEANING: Record<TemplateVariable, string> = {
  'customer.firstName': 'the customer’s first name',
  'customer.name': 'the customer’s full name',
  'case.reference': 'the case’s reference (C-2026-000123)',
  'case.title': 'the case’s title',
  'handler.firstName': 'the first name of the case’s handler',
  'handler.name': 'the full name of the case’s handler',
  'sender.firstName': 'the first name of the person sending the reply',
  'sender.name': 'the full name of the person sending the reply',
  'workspace.name': 'the business’s name',
};

export const MAX_REPLY_BODY = 5000;
export const MAX_FALLBACK = 60;

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/** The problems of a template: unknown variables and over-long fallbacks, each said once. */
export function templateProblems(body: string): string[] {
  const problems = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name))
      problems.add(`{{${name}}} is not a variable; use one of ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`);
    if ((m[2] ?? '').length > MAX_FALLBACK) problems.add(`the fallback of {{${name}}} is longer than ${MAX_FALLBACK} characters`);
  }
  return [...problems];
}

export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

/**
 * Fills a template: each variable with its value, else its fallback, else nothing — and names the
 * variables that were left empty, so the composer can say what to fill in by hand.
 */
export function renderTemplate(body: string, values: TemplateValues): { text: string; unfilled: TemplateVariable[] } {
  const unfilled = new Set<TemplateVariable>();
  const text = body.replace(PLACEHOLDER, (_whole, rawName: string, fallback: string | undefined) => {
    const name = rawName as TemplateVariable;
    const value = values[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback.trim();
    unfilled.add(name);
    return '';
  });
  return { text, unfilled: [...unfilled] };
}

/** A person's first name from their full name ("Dana Whitfield" → "Dana"); null when there is none. */
export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
