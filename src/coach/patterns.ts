import type { Finding, Span } from '../domain/coach.js';
import { NEGATORS } from './lexicon.js';

/**
 * Turns the readable lexicon sources into regular expressions, once, at load time: a space
 * matches any whitespace, an apostrophe matches the typographic one too, and each list becomes a
 * single alternation so a text is scanned once per kind rather than once per phrase.
 */
export function compilePhrases(sources: readonly string[], flags = 'gi'): RegExp {
  const body = sources.map((s) => `(?:${readable(s)})`).join('|');
  return new RegExp(String.raw`(?<![\w'’])(?:${body})(?![\w'’])`, flags);
}

function readable(source: string): string {
  return source.replace(/'/g, "['’]").replace(/ /g, String.raw`\s+`);
}

/** Escapes a glossary term (user text) so it matches literally, with flexible spaces. */
export function escapeTerm(term: string): string {
  return term
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, String.raw`\s+`);
}

const NEGATOR_WORD = new RegExp(`^(?:${NEGATORS})$`, 'i');
const CLAUSE_BREAK = /[.!?;:,\n—–]|\bbut\b|\bhowever\b|\bthough\b/gi;
const WORD = /[\w'’*]+/g;
/** Phrases that look negated but intensify instead: "I can't tell you how sorry I am", "I can't stress enough". */
const NOT_REALLY_NEGATION =
  /(?:can(?:no|['’])?t|could(?:n['’]t| not)) (?:tell you how|say how|express how|stress (?:enough )?how|begin to)\b/i;

/** True when one of the three words before `start`, within the same clause, negates what follows. */
export function isNegated(text: string, start: number): boolean {
  let from = Math.max(0, start - 48);
  const window = text.slice(from, start);
  CLAUSE_BREAK.lastIndex = 0;
  let cut = 0;
  for (let m = CLAUSE_BREAK.exec(window); m; m = CLAUSE_BREAK.exec(window)) cut = m.index + m[0].length;
  from += cut;
  const clause = text.slice(from, start);
  if (NOT_REALLY_NEGATION.test(clause)) return false;
  const words = clause.match(WORD);
  if (!words) return false;
  for (let i = Math.max(0, words.length - 3); i < words.length; i++) if (NEGATOR_WORD.test(words[i] as string)) return true;
  return false;
}

/** Every match of `re` in `text` as a span, skipping negated ones unless told not to. */
export function matchSpans(re: RegExp, text: string, checkNegation = true): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = start + m[0].length;
    // Keep spans tight: the words, not the whitespace or punctuation a pattern had to swallow.
    while (end > start && /[\s,.]/.test(text[end - 1] as string)) end--;
    while (start < end && /\s/.test(text[start] as string)) start++;
    if (checkNegation && isNegated(text, start)) continue;
    spans.push([start, end]);
  }
  return spans;
}

/** Appends findings of one kind, leaving out spans that overlap one already found for that kind. */
export function addFindings<K extends string>(into: Finding<K>[], kind: K, spans: readonly Span[]): void {
  for (const span of spans) {
    if (into.some((f) => f.kind === kind && overlaps(f.span, span))) continue;
    into.push({ kind, span });
  }
}

export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Sorts findings by where they start, so output reads in text order. */
export function byPosition<T extends { span: Span }>(a: T, b: T): number {
  return a.span[0] - b.span[0] || a.span[1] - b.span[1];
}
