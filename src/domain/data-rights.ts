import { AppError } from './errors.js';

/** How long an abuse flag applies: long enough to protect staff, not a mark on someone for life. */
export const ABUSE_FLAG_MONTHS = 12;

/** When a flag raised at `flaggedAt` stops applying. */
export function abuseFlagExpiry(flaggedAt: Date): string {
  return addMonths(flaggedAt, ABUSE_FLAG_MONTHS).toISOString();
}

/** Whether a customer's abuse flag applies at `now` (an expired flag is kept for the record, not acted on). */
export const isFlagActive = (flaggedAt: string | null, expiresAt: string | null, now: Date): boolean =>
  flaggedAt !== null && (expiresAt === null || expiresAt > now.toISOString());

export const DATA_REQUEST_KINDS = ['access', 'erasure'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export const DATA_SUBJECT_KINDS = ['customer', 'employee'] as const;
export type DataSubjectKind = (typeof DATA_SUBJECT_KINDS)[number];

/**
 * The laws a request is answered under, and how long each gives: the GDPR one month from receipt
 * (Art. 12(3)), the CCPA 45 days (Cal. Civ. Code § 1798.130(a)(2)).
 */
export const DATA_REGIMES = ['gdpr', 'ccpa'] as const;
export type DataRegime = (typeof DATA_REGIMES)[number];

/** The legal deadline of a request received at `receivedAt`. */
export function requestDeadline(regime: DataRegime, receivedAt: Date): string {
  if (regime === 'ccpa') return new Date(receivedAt.getTime() + 45 * 86_400_000).toISOString();
  return addMonths(receivedAt, 1).toISOString();
}

/** Calendar months later, kept to the last day of a shorter month (31 January + 1 month = 28/29 February). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export const HOLD_SCOPES = ['case', 'customer', 'employee'] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

/** Why erasing is not allowed right now: a legal hold by its matter, or an open review. */
export type Hold = { kind: 'legal_hold'; holdId: string; matter: string } | { kind: 'review'; reviewId: string; caseRef: string };

/** Refuses an erasure (or a retention run) while anything holds the record, naming each hold. */
export function refuseWhileHeld(what: string, holds: readonly Hold[]): void {
  if (holds.length === 0) return;
  const named = holds.map((h) =>
    h.kind === 'legal_hold' ? `the legal hold "${h.matter}"` : `an open review that counts case ${h.caseRef}`,
  );
  throw new AppError(
    'conflict',
    `${what} cannot be erased while ${[...new Set(named)].join(' and ')} ${holds.length === 1 ? 'holds' : 'hold'} it; ${
      holds.some((h) => h.kind === 'review') ? 'wait for the review to be decided' : 'release the hold'
    }${holds.some((h) => h.kind === 'review') && holds.some((h) => h.kind === 'legal_hold') ? ' and release the hold' : ''} first`,
  );
}

/** What stands in for an erased mention of a person in free text. */
export const ERASED_MENTION = '[erased]';

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const escapeRegExp = (s: string) => s.replace(ESCAPE, '\\$&');

/** Identifiers of a person: their name and every address and number they were known by. */
export type Identifiers = { names: readonly string[]; emails: readonly string[]; phones: readonly string[] };

/**
 * Builds the scrubber of one person's mentions in free text: the whole name and each part of it of
 * three letters or more (as a word, capitalised as in the name, since a name part is also often a
 * word: "Rose", "Best"), each email address, and each phone number however its digits are spaced.
 * Erasure errs towards removing too much: a stray word lost matters less than a name kept.
 */
export function mentionScrubber(ids: Identifiers): (text: string) => string {
  const parts: string[] = [];
  const words = new Set<string>();
  for (const name of ids.names) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    parts.push(`(?<![\\p{L}\\p{N}])${escapeRegExp(trimmed).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`);
    for (const w of trimmed.split(/[\s,.'’-]+/u)) if ([...w].length >= 3) words.add(w);
  }
  const caseless = [
    ...parts,
    ...ids.emails.filter((e) => e.trim()).map((e) => escapeRegExp(e.trim())),
    // The number as stored and as said without its country code (the last nine digits).
    ...ids.phones
      .map((p) => p.replace(/\D/g, ''))
      .filter((digits) => digits.length >= 6)
      .flatMap((digits) => (digits.length > 9 ? [digits, digits.slice(-9)] : [digits]))
      .map((digits) => `\\+?${[...digits].join('[\\s().-]*')}`),
  ];
  const patterns: RegExp[] = [];
  if (caseless.length > 0) patterns.push(new RegExp(caseless.join('|'), 'giu'));
  if (words.size > 0) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...words].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
  return (text) => patterns.reduce((t, p) => t.replace(p, ERASED_MENTION), text);
}

/** Ids, hashes and commitments are left alone: they name no one, and the chain checks some of them. */
const OPAQUE = /^[0-9a-f-]{20,}$/i;

/** Applies a text scrubber to every string inside a JSON value, keys aside. */
export function scrubValue(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return OPAQUE.test(value) ? value : scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubValue(v, scrub)]));
  return value;
}

/** scrubValue over a JSON string; returns null when nothing changed (so the caller writes nothing). */
export function scrubJson(json: string | null, scrub: (text: string) => string): string | null {
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    const text = scrub(json);
    return text === json ? null : text;
  }
  const next = JSON.stringify(scrubValue(parsed, scrub));
  return next === JSON.stringify(parsed) ? null : next;
}
