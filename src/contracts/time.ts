import { z } from 'zod';

const EARLIEST_YEAR = 1;
const LATEST_YEAR = 9999;

/**
 * Whether an instant lies in years 1..9999 once moved to UTC: the range both databases store and
 * order alike. PostgreSQL refuses year 0, and JavaScript writes years past 9999 as "+010000-…",
 * which SQLite would compare as text and sort before every real date.
 */
function isStorableInstant(value: string): boolean {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/**
 * Every timestamp the API accepts: ISO-8601 with `Z` or an offset, within years 0001..9999 in UTC
 * (a far offset can push 9999-12-31 into year 10000), handed on as UTC (`…Z`), so text comparisons
 * on SQLite order it like timestamptz on PostgreSQL.
 */
export const ZIsoTimestamp = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-11-23T14:05:00Z' })
  .refine(isStorableInstant, 'must fall between the years 0001 and 9999 (in UTC)')
  .transform((value) => new Date(value).toISOString());
