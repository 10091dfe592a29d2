import { loadNameLexicon, type NameLexicon } from './name-lexicon.js';
import { findNames, type Person } from './redaction-names.js';
import { findPatternSpans, PATTERN_KINDS, type PatternKind } from './redaction-patterns.js';

export type { Person } from './redaction-names.js';

/** What redaction removes, one kind per detector (names of known parties and unknown people alike are `name`). */
export const REDACTION_KINDS = ['name', ...PATTERN_KINDS] as const;
export type RedactionKind = 'name' | PatternKind;

/** One thing removed: what it was, where, and what stands there now. */
export type Removal = { kind: RedactionKind; text: string; start: number; end: number; replacement: string };
export type Redacted = { text: string; removed: Removal[] };

/** Who a text is about: the case's parties, and everyone else it could name (staff directory, customer list). */
export type RedactionInput = { parties?: readonly Person[]; directory?: readonly Person[] };

const PLACEHOLDER: Record<PatternKind, string> = {
  email: '[email]',
  case_ref: '[case]',
  iban: '[IBAN]',
  card: '[card number]',
  address: '[address]',
  order: '[order number]',
  account: '[account number]',
  date: '[date]',
  phone: '[phone]',
};

const NOUN: Record<string, string> = { employee: 'an employee', witness: 'a witness', customer: 'a customer', supervisor: 'an employee' };

/**
 * A redaction of several texts that belong together (the title, summary and statements of one
 * story): the same person gets the same label in all of them. Labels read as prose: "the customer"
 * when the story has one, otherwise "a customer (A)"; "an employee (A)", "a witness (B)", "a person
 * (C)" for names the records do not know; letters in order of first appearance.
 */
export function createRedaction(input: RedactionInput = {}, lexicon: NameLexicon = loadNameLexicon()) {
  const parties = input.parties ?? [];
  const people: Person[] = [...parties, ...(input.directory ?? [])];
  const customers = parties.filter((p) => p.role === 'customer').length;
  const labels = new Map<string, string>();
  let letters = 0;
  const labelOf = (key: string, role: string): string => {
    let label = labels.get(key);
    if (!label) {
      if (role === 'customer' && customers <= 1 && ![...labels.values()].includes('the customer')) label = 'the customer';
      else label = `${NOUN[role] ?? 'a person'} (${String.fromCharCode(65 + (letters++ % 26))})`;
      labels.set(key, label);
    }
    return label;
  };

  return {
    /** Redacts one text of the story. */
    redact(text: string): Redacted {
      const patterns = findPatternSpans(text);
      const inPattern = (start: number, end: number) => patterns.some((s) => start < s.end && end > s.start);
      const names = findNames(text, people, lexicon, inPattern);
      const spans = [
        ...patterns.map((s) => ({ kind: s.kind as RedactionKind, start: s.start, end: s.end, replacement: PLACEHOLDER[s.kind] })),
        ...names.map((n) => ({ kind: 'name' as const, start: n.start, end: n.end, replacement: labelOf(n.personKey, n.role) })),
      ].sort((a, b) => a.start - b.start);
      let out = '';
      let at = 0;
      const removed: Removal[] = [];
      for (const s of spans) {
        if (s.start < at) continue;
        const before = out + text.slice(at, s.start);
        const startsSentence = /(?:^|[.!?:]\s+|\n\s*)["“‘']?$/.test(before);
        const replacement = startsSentence ? s.replacement.charAt(0).toUpperCase() + s.replacement.slice(1) : s.replacement;
        out = before + replacement;
        removed.push({ kind: s.kind, text: text.slice(s.start, s.end), start: s.start, end: s.end, replacement });
        at = s.end;
      }
      return { text: out + text.slice(at), removed };
    },
  };
}

/** Redacts one text on its own. */
export function redact(text: string, input: RedactionInput = {}, lexicon?: NameLexicon): Redacted {
  return createRedaction(input, lexicon).redact(text);
}
