import { createHmac, timingSafeEqual } from 'node:crypto';

/** A person needs more than this to read and fill the complaint form; a bot posting at once does not. */
export const MIN_FILL_MS = 3000;
/** A form left open longer than this is shown again to be sent afresh. */
export const MAX_FILL_MS = 24 * 3_600_000;

const mac = (key: string, at: number) => createHmac('sha256', key).update(`complaint-form:${at}`).digest('base64url');

/** The hidden field a form carries: when it was shown, signed so a bot cannot claim it waited. */
export const formStartedToken = (key: string, at: number): string => `${at}.${mac(key, at)}`;

/** Whether a posted form waited long enough since it was shown (and the time is ours): 'ok', 'fast' or 'stale'. */
export function checkFormTiming(key: string, token: unknown, now: number): 'ok' | 'fast' | 'stale' {
  if (typeof token !== 'string') return 'stale';
  const [atText, signature] = token.split('.');
  const at = Number(atText);
  if (!Number.isSafeInteger(at) || !signature) return 'stale';
  const expected = Buffer.from(mac(key, at));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'stale';
  if (now - at < MIN_FILL_MS) return 'fast';
  return now - at > MAX_FILL_MS ? 'stale' : 'ok';
}
