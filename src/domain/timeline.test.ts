import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent } from './timeline.js';

describe('timeline hashing', () => {
  const base = {
    workspaceId: 'w',
    caseId: 'c',
    seq: 1,
    kind: 'note' as const,
    actorId: 'u',
    at: '2026-01-01T00:00:00.000Z',
    data: { b: 1, a: [1, { d: 'x', c: null }] },
    prevHash: GENESIS_HASH,
  };

  it('serialises with sorted keys and no whitespace, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(canonicalJson({ a: { c: 3, d: 2 }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: 2, c: 3 } }));
  });

  it('gives a 64-hex SHA-256 that changes when any field or the previous hash changes', () => {
    const h = hashEvent(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...base, data: { ...base.data, b: 2 } })).not.toBe(h);
    expect(hashEvent({ ...base, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(hashEvent({ ...base, seq: 2 })).not.toBe(h);
    expect(hashEvent({ ...base })).toBe(h);
  });
});
