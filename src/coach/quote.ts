import type { Span } from '../domain/coach.js';

/** The words of a span, shortened for a one-line message. */
export function quote(text: string, [start, end]: Span, max = 60): string {
  const words = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return words.length <= max ? words : `${words.slice(0, max - 1).trimEnd()}…`;
}
