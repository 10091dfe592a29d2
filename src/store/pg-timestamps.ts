/**
 * PostgreSQL sends a timestamptz as text such as `2025-06-01 12:34:56.789+00` (ISO style, in the
 * session's zone). Rows read the same on both databases, so it becomes the ISO string SQLite stores.
 * `new Date(text)` does that at about 2.6 µs a value, and a dashboard or export over three years
 * reads a million of them; in UTC, the common case, the text only needs its pieces moved, at a
 * fraction of that. Any other shape (another zone, a year past 9999, infinity) goes through Date.
 */
export function pgTimestampToIso(text: string): string {
  const n = text.length;
  if (
    n >= 22 &&
    n <= 29 &&
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(10) === 32 && // space
    text.charCodeAt(n - 3) === 43 && // +
    text.charCodeAt(n - 2) === 48 && // 0
    text.charCodeAt(n - 1) === 48 // 0
  ) {
    const day = text.slice(0, 10);
    const time = text.slice(11, 19);
    if (n === 22) return `${day}T${time}.000Z`;
    if (text.charCodeAt(19) === 46) {
      // A fraction of one to six digits: milliseconds are its first three, as Date reads them.
      const fraction = text.slice(20, n - 3);
      if (/^\d{1,6}$/.test(fraction)) return `${day}T${time}.${`${fraction}00`.slice(0, 3)}Z`;
    }
  }
  return new Date(text).toISOString();
}
