import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featurize, type NgramSpec, ngramSlotCounts, ngrams, REPLY_NGRAMS, slot } from './hash-features.js';

/** The slot counts as the plain definition gives them: every n-gram's string, hashed. */
function bySlotOfEachString(text: string, bits: number, spec: NgramSpec): Map<number, number> {
  const counts = new Map<number, number>();
  for (const g of ngrams(text, spec)) counts.set(slot(g, bits), (counts.get(slot(g, bits)) ?? 0) + 1);
  return counts;
}

const CUSTOMER_LIKE: NgramSpec = { words: 2, chars: [2, 3, 4, 5] };
const SAMPLES = [
  "I'm sorry — we’ll call you back by Friday?",
  'THIS IS THE THIRD TIME!!! nobody called',
  '',
  'ok',
  'Ünïcödé café naïve résumé 😀 and a tab\tthen more',
];

describe('hashed n-grams', () => {
  it('count the same slots, in the same order, as hashing each n-gram string', () => {
    for (const spec of [REPLY_NGRAMS, CUSTOMER_LIKE, { words: 1, chars: [] }]) {
      for (const text of SAMPLES) expect([...ngramSlotCounts(text, 17, spec)]).toEqual([...bySlotOfEachString(text, 17, spec)]);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 8, max: 20 }), (text, bits) => {
        expect([...ngramSlotCounts(text, bits, CUSTOMER_LIKE)]).toEqual([...bySlotOfEachString(text, bits, CUSTOMER_LIKE)]);
        expect([...ngramSlotCounts(text, bits)]).toEqual([...bySlotOfEachString(text, bits, REPLY_NGRAMS)]);
      }),
      { numRuns: 500 },
    );
  });

  it('scale the counts to unit length and add the extras at their own value', () => {
    const f = featurize('late late again', 15, [['rule heat', 0.5]]);
    const grams = f.value.slice(0, -1);
    expect(grams.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
    expect(f.value.at(-1)).toBe(0.5);
    expect(f.index.at(-1)).toBe(slot('x rule heat', 15));
  });
});
