import { describe, expect, it } from 'vitest';
import { createCoach } from '../coach/index.js';
import { ZCoachRequest, ZCoachResult } from './coach.js';

describe('coach contracts', () => {
  it('accepts a request with either text and rejects one with neither, unknown fields or oversized text', () => {
    expect(ZCoachRequest.safeParse({ reply: 'Thanks!' }).success).toBe(true);
    expect(ZCoachRequest.safeParse({ customer: 'Where is my refund?', expectedMoves: ['empathy'] }).success).toBe(true);
    expect(ZCoachRequest.safeParse({}).success).toBe(false);
    expect(ZCoachRequest.safeParse({ reply: '   ' }).success).toBe(false);
    expect(ZCoachRequest.safeParse({ reply: 'x', extra: 1 }).success).toBe(false);
    expect(ZCoachRequest.safeParse({ reply: 'x'.repeat(20_001) }).success).toBe(false);
    expect(ZCoachRequest.safeParse({ reply: 'x', expectedMoves: ['hugging'] }).success).toBe(false);
  });

  it('describes what the coach returns', () => {
    const result = createCoach().analyze({
      customer: 'Third time asking: where is my refund? I will leave a review.',
      reply: "I'm sorry. I'll call you tomorrow at 10am. What happened when you called?",
    });
    expect(ZCoachResult.parse(result)).toEqual(result);
  });
});
