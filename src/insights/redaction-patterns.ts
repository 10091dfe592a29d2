/**
 * Detectors for what identifies a person other than their name: each finds spans of one kind in a
 * text. They run in a fixed order and a later one skips what an earlier one claimed, so a card number
 * is not also a phone number and an email address is not also a name.
 */
export const PATTERN_KINDS = ['email', 'case_ref', 'iban', 'card', 'address', 'order', 'account', 'date', 'phone'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];
export type Span = { kind: PatternKind; start: number; end: number };

/** Luhn's check: every card number passes it, and nine in ten mistyped or other numbers fail. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** ISO 13616 check: the IBAN rearranged, letters as numbers, is 1 modulo 97. */
export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const TIME = '(?:,?\\s+(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d]))?';
export const STREET_WORDS =
  'street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place pl square sq terrace close crescent cres parkway pkwy highway hwy row gardens gdns walk grove mews circle cir trail quay wharf hill'.split(
    ' ',
  );
/** Street words as written in addresses: "Street", "St", "STREET" (not "the way" or "a close call"). */
const STREET = `(?:${STREET_WORDS.flatMap((w) => [w[0]?.toUpperCase() + w.slice(1), w.toUpperCase()]).join('|')})`;
const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}';

type Detector = { kind: PatternKind; pattern: RegExp; accept?: (match: RegExpExecArray) => boolean; group?: number };

const digitsOf = (s: string) => s.replace(/\D/g, '');

const DETECTORS: Detector[] = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  { kind: 'case_ref', pattern: /\bC-\d{4}-\d{6,}\b/g },
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/gi, accept: (m) => ibanValid(m[0]) },
  { kind: 'card', pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g, accept: (m) => luhnValid(digitsOf(m[0])) },
  {
    kind: 'address',
    pattern: new RegExp(
      `(?:\\b(?:Flat|Apt\\.?|Apartment|Unit|Suite)\\s+\\w+,?\\s+)?\\b\\d{1,5}[a-zA-Z]?(?:-\\d{1,5})?,?\\s+(?:[\\p{Lu}][\\p{L}'’-]*\\s+){0,3}${STREET}\\b\\.?(?:,\\s*(?:[\\p{Lu}][\\p{L}-]+)(?:\\s[\\p{Lu}][\\p{L}-]+\\b(?!\\d))?)?(?:,?\\s+(?:${UK_POSTCODE}|[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?))?`,
      'gu',
    ),
  },
  { kind: 'address', pattern: /\b[\p{Lu}][\p{Ll}]+(?:straße|strasse|str\.|weg|gasse|platz|allee)\s+\d{1,4}[a-z]?\b/gu },
  { kind: 'address', pattern: new RegExp(`\\b${UK_POSTCODE}\\b`, 'g') },
  {
    kind: 'account',
    pattern:
      /\b(?:account|acct|membership|member|loyalty(?:\s+card)?|customer|client)\s*(?:no\.?|number|num|id)?\s*(?:is\s+|was\s+|:\s*)?(#?(?:[A-Z]{1,4}-?)?\d(?:[\dA-Z-]| (?=\d)){2,})/gi,
    group: 1,
    accept: (m) => digitsOf(m[1] ?? '').length >= 4,
  },
  {
    kind: 'order',
    pattern:
      /\b(?:order|invoice|receipt|ticket|booking|reservation|tracking|reference|ref|transaction|parcel|return|rma|purchase)\s*(?:no\.?|number|num|id|code)?\s*(?:is\s+|was\s+|:\s*)?(#?(?:[A-Z]{1,4}-?)?\d(?:[\dA-Z-]| (?=\d)){2,})/gi,
    group: 1,
    accept: (m) => digitsOf(m[1] ?? '').length >= 3,
  },
  { kind: 'order', pattern: /\b(?:ORD|INV|RMA|TKT|BK|REF|PO)[-_]?\d[\d-]{3,}\b/gi },
  { kind: 'order', pattern: /(?<![\w&])#\d{4,}\b/g },
  {
    kind: 'date',
    pattern: new RegExp(
      `\\b(?:${WEEKDAY},?\\s+)?(?:\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?:the\\s+)?${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+\\d{4})?|${MONTH}\\.?\\s+(?:the\\s+)?${ORDINAL}(?:,?\\s+\\d{4})?)${TIME}(?![\\p{L}\\d])`,
      'giu',
    ),
  },
  { kind: 'date', pattern: new RegExp(`\\b${WEEKDAY},?\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b${TIME}`, 'gi') },
  {
    kind: 'phone',
    pattern: /(?<![\w+])(?:\+|00)?\(?\d[\d ().-]{5,18}\d(?![\w])/g,
    accept: (m) => {
      const s = m[0];
      const n = digitsOf(s).length;
      if (n < 7 || n > 15) return false;
      if (/^(?:\+|00)/.test(s)) return true;
      if (/^\d{1,2}[:.]\d{2}$/.test(s)) return false;
      // Groups of four are card, account and IBAN digits, not a phone number.
      if (/^\d{4}(?:[ -]\d{4}){2,}/.test(s)) return false;
      const separated = /[ ().-]/.test(s);
      if (separated && n >= 9) return true;
      if (/^0\d{9,10}$/.test(s)) return true;
      return /^\d{3}[-. ]\d{4}$/.test(s);
    },
  },
  // A long number left over is someone's account, loyalty or other number until proven otherwise.
  { kind: 'account', pattern: /(?<![\w.,])\d(?:[ -]?\d){7,}(?![\w])/g },
];

const overlaps = (spans: readonly Span[], start: number, end: number) => spans.some((s) => start < s.end && end > s.start);

/** Every pattern span of a text, none overlapping, in order of position. */
export function findPatternSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const d of DETECTORS) {
    d.pattern.lastIndex = 0;
    for (let m = d.pattern.exec(text); m !== null; m = d.pattern.exec(text)) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      if (d.accept && !d.accept(m)) continue;
      const inner = d.group !== undefined ? m[d.group] : undefined;
      const start = inner !== undefined ? m.index + m[0].lastIndexOf(inner) : m.index;
      const raw = inner ?? m[0];
      const trimmed = raw.replace(/[\s.,;:]+$/u, '');
      const end = start + trimmed.length;
      if (!overlaps(spans, start, end)) spans.push({ kind: d.kind, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
