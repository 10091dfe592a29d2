/**
 * A small seeded random source (mulberry32), so a practice session with the same seed and the same
 * replies says exactly the same lines. Each draw is keyed by the turn, so one turn's choice never
 * shifts another's.
 */
export type SeededRandom = { next(): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean };

export function seededRandom(seed: number, ...salt: number[]): SeededRandom {
  let state = seed >>> 0;
  for (const s of salt) state = Math.imul(state ^ (s + 0x9e3779b9), 0x85ebca6b) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}

/** The largest seed a session takes: 31 bits, so it fits an integer column on both databases. */
export const MAX_SEED = 2_147_483_647;

/** A fresh seed from a number in [0, 1), e.g. Math.random(). */
export const seedFrom = (r: number): number => Math.floor(r * MAX_SEED);
