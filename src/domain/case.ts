/** Vocabulary of a case, shared by store, services, HTTP contracts and the CLI. */
export const CHANNELS = ['in_person', 'phone', 'email', 'chat', 'social', 'other', 'web_form'] as const;
export const CUSTOMER_STATES = ['calm', 'frustrated', 'angry', 'hostile'] as const;
export const IMPACT_KINDS = ['refund', 'credit', 'lost_sale', 'damage'] as const;
export const RISK_FLAGS = ['threatened_review', 'public_post', 'legal_threat', 'media'] as const;
export const PARTY_ROLES = ['primary', 'witness', 'handler'] as const;
export const STATEMENT_PARTIES = ['customer', 'employee', 'witness'] as const;
export const SEVERITIES = [1, 2, 3, 4] as const;

export type Channel = (typeof CHANNELS)[number];
export type CustomerState = (typeof CUSTOMER_STATES)[number];
export type ImpactKind = (typeof IMPACT_KINDS)[number];
export type RiskFlag = (typeof RISK_FLAGS)[number];
export type PartyRole = (typeof PARTY_ROLES)[number];
export type StatementParty = (typeof STATEMENT_PARTIES)[number];
/** 1 is the most serious (a hostile scene, legal threat or large loss), 4 the least. */
export type Severity = (typeof SEVERITIES)[number];

export type FinancialImpact = { amount: number; currency: string; kind: ImpactKind };

/** `C-YYYY-NNNNNN`: the human reference of a case (the year it was reported, its number that year). */
export const CASE_REF_PATTERN = /^C-(\d{4})-(\d{6,})$/;

/** Formats the human reference `C-YYYY-NNNNNN` of the n-th case of a year. */
export function formatCaseRef(year: number, seq: number): string {
  return `C-${year}-${String(seq).padStart(6, '0')}`;
}

export function isCaseRef(value: string): boolean {
  return CASE_REF_PATTERN.test(value);
}

/** Clocks differ a little between a phone and the server; more than this ahead is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether an incident said to have happened at `occurredAt` lies in the future, as seen at `now`. */
export function isInTheFuture(occurredAt: string, now: Date): boolean {
  return Date.parse(occurredAt) > now.getTime() + CLOCK_SKEW_MS;
}

/**
 * What a search box entry names when it is a case number: a whole reference ("C-2026-000229", any
 * letter case) or the number alone ("229", "#229", which matches that number in any year).
 */
export function caseRefIn(text: string): { ref: string } | { number: number } | null {
  const q = text.trim();
  if (CASE_REF_PATTERN.test(q.toUpperCase())) return { ref: q.toUpperCase() };
  const bare = /^#?(\d{1,9})$/.exec(q);
  return bare ? { number: Number(bare[1]) } : null;
}

/** The LIKE pattern of the references that carry this number (any year). */
export const caseRefLikeNumber = (n: number): string => `C-____-${String(n).padStart(6, '0')}`;
