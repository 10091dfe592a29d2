import { describe, expect, it } from 'vitest';
import { findSimilarThreads, isEditable, stem } from './forum.js';

describe('forum rules', () => {
  it('keeps a post editable for 15 minutes only', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(isEditable(at, new Date('2026-03-01T10:14:59Z'))).toBe(true);
    expect(isEditable(at, new Date('2026-03-01T10:15:01Z'))).toBe(false);
  });

  it('stems plurals and past tenses so they meet', () => {
    expect(stem('refunds')).toBe(stem('refunded'));
    expect(stem('policies')).toBe('policy');
  });

  it('offers the thread about the same problem first, with the words they share, and not an unrelated one', () => {
    const docs = [
      {
        id: 'a',
        title: 'Refunds without a receipt are refused at the till',
        body: 'Customers get angry when we cannot refund without the receipt.',
      },
      { id: 'b', title: 'Parking at the Pinehill store', body: 'The car park closes before the shop does.' },
      { id: 'c', title: 'Loyalty points expire silently', body: 'Nobody tells customers their points expired.' },
    ];
    const similar = findSimilarThreads(
      { title: 'No receipt, no refund?', body: 'A customer shouted because the refund needs a receipt.' },
      docs,
    );
    expect(similar[0]?.id).toBe('a');
    expect(similar[0]?.sharedTerms).toEqual(expect.arrayContaining(['receipt', 'refund']));
    expect(similar.map((s) => s.id)).not.toContain('b');
    expect(findSimilarThreads({ title: 'the and of', body: '' }, docs)).toEqual([]);
  });
});
