import { describe, expect, it } from 'vitest';
import type { ReplyReading } from '../api/types.js';
import { promisesIn } from './promises-in-reply.js';

const reading = (moves: ReplyReading['moves']): ReplyReading => ({
  moves,
  problems: [],
  missing: [],
  suggestions: [],
  score: { total: 80, parts: {} as ReplyReading['score']['parts'] },
});

describe('promisesIn', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const text = "Sorry about that.  I'll call you back\ntomorrow at 3pm with the refund date.";
  const span: [number, number] = [text.indexOf("I'll"), text.indexOf(' with')];

  it('offers each promise with a time still ahead, quoting its words on one line', () => {
    const found = promisesIn(text, reading([{ kind: 'commitment', span, due: '2026-11-24T15:00:00+00:00' }]), now);
    expect(found).toEqual([{ text: "I'll call you back tomorrow at 3pm", dueAt: '2026-11-24T15:00:00.000Z' }]);
  });

  it('leaves out promises without a time, times already past, and other moves', () => {
    const moves: ReplyReading['moves'] = [
      { kind: 'commitment', span },
      { kind: 'commitment', span, due: '2026-11-22T15:00:00Z' },
      { kind: 'apology', span: [0, 17] },
    ];
    expect(promisesIn(text, reading(moves), now)).toEqual([]);
    expect(promisesIn(text, undefined, now)).toEqual([]);
  });
});
