import type { ReplyReading } from '../api/types.js';

export type SuggestedPromise = { text: string; dueAt: string };

/**
 * The promises a sent reply makes that can be tracked: the coach's commitment moves that carry a
 * due time still ahead, with the words that made them. A promise without a time is left to the
 * handler, who can add it by hand with the time they mean.
 */
export function promisesIn(replyText: string, reading: ReplyReading | undefined, now: Date): SuggestedPromise[] {
  if (!reading) return [];
  return reading.moves.flatMap((m) => {
    if (m.kind !== 'commitment' || !m.due || Date.parse(m.due) <= now.getTime()) return [];
    const words = replyText.slice(m.span[0], m.span[1]).trim().replace(/\s+/g, ' ');
    return words ? [{ text: words, dueAt: new Date(m.due).toISOString() }] : [];
  });
}
