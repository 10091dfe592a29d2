import { describe, expect, it } from 'vitest';
import { applyTagChange, MAX_TAG_LENGTH, normalizeTag } from './tags.js';

describe('normalizeTag', () => {
  it('gives one spelling to the same label typed differently', () => {
    expect(normalizeTag('  Late Delivery ')).toBe('late-delivery');
    expect(normalizeTag('VIP')).toBe('vip');
    expect(normalizeTag('rückgabe')).toBe('rückgabe');
  });

  it('refuses what cannot be a tag', () => {
    expect(normalizeTag('')).toBeNull();
    expect(normalizeTag('-leading')).toBeNull();
    expect(normalizeTag('100%')).toBeNull();
    expect(normalizeTag('a_b')).toBeNull();
    expect(normalizeTag('x'.repeat(MAX_TAG_LENGTH + 1))).toBeNull();
    expect(normalizeTag('x'.repeat(MAX_TAG_LENGTH))).toBe('x'.repeat(MAX_TAG_LENGTH));
  });
});

describe('applyTagChange', () => {
  it('keeps each tag once, sorted, removing before adding', () => {
    expect(applyTagChange(['vip', 'refund'], ['angry', 'vip'], ['refund'])).toEqual(['angry', 'vip']);
    expect(applyTagChange([], [], ['absent'])).toEqual([]);
  });
});
