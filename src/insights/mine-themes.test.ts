import { describe, expect, it } from 'vitest';
import { generateNarratives, type Narrative } from '../../bench/narratives.js';
import { type MineResult, mineThemes, type ThemeDocument } from './mine-themes.js';
import { normalizedMutualInformation } from './nmi.js';
import { createPlacer } from './place-document.js';
import { createRandomSource } from './random-source.js';
import { EMERGING_FLOOR, themeTrend } from './theme-trend.js';

const asDocs = (narratives: readonly Narrative[]): ThemeDocument[] => narratives.map((n) => ({ id: n.id, kind: 'case', text: n.text }));
const themeOf = (result: MineResult, id: string, ids: readonly (string | null)[]) => {
  const a = result.assignments.get(id);
  return a ? ids[a.theme] : undefined;
};

describe('theme mining', () => {
  const corpus = generateNarratives(3000, 11);
  const result = mineThemes(asDocs(corpus));

  it('finds the generating topics without being told how many there are', () => {
    const nmi = normalizedMutualInformation(
      corpus.map((n) => n.topic),
      corpus.map((n) => result.assignments.get(n.id)?.theme ?? -1),
    );
    expect(nmi).toBeGreaterThan(0.7);
    expect(result.themes.length).toBeGreaterThanOrEqual(15);
    expect(result.themes.length).toBeLessThanOrEqual(40);
    // Most texts get a theme, and each theme is mostly one topic.
    expect(result.stats.unthemed).toBeLessThan(corpus.length * 0.05);
  });

  it('labels themes with words people wrote, never with stems', () => {
    const words = new Set(corpus.flatMap((n) => n.text.toLowerCase().match(/[a-z][a-z']*/g) ?? []));
    for (const theme of result.themes) {
      expect(theme.label.length).toBeGreaterThan(0);
      for (const phrase of theme.phrases) for (const w of phrase.split(' ')) expect(words, `"${w}" of "${phrase}"`).toContain(w);
    }
    for (const a of [...result.assignments.values()].slice(0, 300))
      for (const phrase of a.phrases) for (const w of phrase.split(' ')) expect(words).toContain(w);
    // A topic's own words make its label: the refunds-without-receipt topic is called so.
    const refunds = corpus.filter((n) => n.topic === 'refund-no-receipt').map((n) => result.assignments.get(n.id)?.theme);
    const main = mode(refunds.filter((t): t is number => t !== undefined));
    expect(result.themes[main]?.phrases.join(' ')).toMatch(/receipt|store credit|card payment|till search/);
  });

  it('leaves out the names of the people involved', () => {
    const named = mineThemes(asDocs(corpus), { extraStopWords: ['Priya', 'Okafor', 'Sam'] });
    for (const t of named.themes) expect(t.phrases.join(' ')).not.toMatch(/\b(priya|okafor|sam)\b/);
  });

  it('is the same for the same texts', () => {
    const again = mineThemes(asDocs(corpus));
    expect(again.themes.map((t) => t.label)).toEqual(result.themes.map((t) => t.label));
  });
});

describe('a full re-mine', () => {
  const all = generateNarratives(2200, 29);
  const old = all.slice(0, 2000);
  const first = mineThemes(asDocs(old));
  const ids = first.themes.map((_, i) => `theme-${i}`);
  const previous = first.themes.map((t, i) => ({ id: ids[i] as string, memberIds: t.memberIds, centroid: t.centroid }));

  it('keeps at least 90% of the earlier documents in their theme when 10% new ones are shuffled in', () => {
    const shuffled = shuffle(asDocs(all), 3);
    const second = mineThemes(shuffled, { previous });
    const secondIds = second.themes.map((t) => t.id);
    const kept = old.filter((n) => themeOf(second, n.id, secondIds) === themeOf(first, n.id, ids)).length;
    expect(kept / old.length).toBeGreaterThanOrEqual(0.9);
    // The new documents found homes too.
    const newcomers = all.slice(2000).filter((n) => second.assignments.has(n.id)).length;
    expect(newcomers).toBeGreaterThan(180);
  });

  it("keeps people's pins, a merge and a theme they made", () => {
    const [a, b] = [previous[0], previous[1]] as [(typeof previous)[number], (typeof previous)[number]];
    // Someone merged theme b into theme a: b's documents now live in a, and b remembers where it went.
    const merged = [{ ...a, memberIds: [...a.memberIds, ...b.memberIds] }, { ...b, mergedInto: a.id }, ...previous.slice(2)];
    // Someone moved one document to theme 2 and split two others off into a theme of their own.
    const moved = a.memberIds[0] as string;
    const split = [previous[3]?.memberIds[0], previous[3]?.memberIds[1]] as string[];
    const pins = new Map<string, string>([[moved, ids[2] as string], ...split.map((d) => [d, 'made-by-a-person'] as [string, string])]);
    const second = mineThemes(asDocs(all), { previous: merged, pins });
    const secondIds = second.themes.map((t) => t.id);
    expect(secondIds).not.toContain(b.id);
    const bDocs = b.memberIds.filter((d) => d !== moved);
    const inA = bDocs.filter((d) => themeOf(second, d, secondIds) === a.id).length;
    expect(inA / bDocs.length).toBeGreaterThan(0.8);
    expect(themeOf(second, moved, secondIds)).toBe(ids[2]);
    for (const d of split) expect(themeOf(second, d, secondIds)).toBe('made-by-a-person');
  });
});

describe('placing a new document', () => {
  const corpus = generateNarratives(2500, 41);
  const result = mineThemes(asDocs(corpus.slice(0, 2000)));
  const themes = result.themes.map((t, i) => ({ id: String(i), centroid: t.centroid, floor: t.floor }));
  const placer = createPlacer(result.model, themes);
  // Where the mine put most documents of each topic: a new document of that topic belongs there.
  const themeOfTopic = new Map<string, string>();
  for (const topic of new Set(corpus.map((n) => n.topic))) {
    const placedThemes = corpus
      .slice(0, 2000)
      .filter((n) => n.topic === topic)
      .map((n) => String(result.assignments.get(n.id)?.theme));
    themeOfTopic.set(topic, mode(placedThemes));
  }

  it('puts it in the theme of its topic, with the phrases that put it there', () => {
    const fresh = corpus.slice(2000);
    let right = 0;
    let placed = 0;
    for (const n of fresh) {
      const p = placer.place(n.text);
      if (p.themeId === null) continue;
      placed++;
      if (themeOfTopic.get(n.topic) === p.themeId) right++;
      expect(p.phrases.length).toBeGreaterThan(0);
    }
    expect(placed / fresh.length).toBeGreaterThan(0.8);
    expect(right / placed).toBeGreaterThan(0.8);
  });

  it('leaves a text like no theme unthemed, for the next mine', () => {
    expect(placer.place('The quarterly tax filing deadline for the Lisbon office moved to the spring.').themeId).toBeNull();
    expect(placer.place('').themeId).toBeNull();
  });

  it('explains a placement a person chose', () => {
    const text = corpus[2100]?.text as string;
    const e = placer.explain(text, '0');
    expect(e.themeId).toBe('0');
    expect(e.score).toBeGreaterThanOrEqual(0);
  });
});

describe('the trend rule', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  const spread = (count: number, from: number, to: number) =>
    Array.from({ length: count }, (_, i) => daysAgo(from + ((to - from) * i) / count));

  it('does not call a jump from 1 to 3 cases news', () => {
    const { trend, recent } = themeTrend([...spread(3, 0, 13), ...spread(3, 14, 55)], now);
    expect(recent).toBe(3);
    expect(recent).toBeLessThan(EMERGING_FLOOR);
    expect(trend).toBe('steady');
  });

  it('calls a doubling above the floor emerging, and a halving from a real level declining', () => {
    expect(themeTrend([...spread(6, 0, 13), ...spread(6, 14, 55)], now).trend).toBe('emerging');
    expect(themeTrend([...spread(6, 0, 13), ...spread(12, 14, 55)], now).trend).toBe('steady');
    expect(themeTrend([...spread(2, 0, 13), ...spread(18, 14, 55)], now).trend).toBe('declining');
  });

  it('counts 12 weeks, oldest first', () => {
    const { weekly } = themeTrend([daysAgo(1), daysAgo(2), daysAgo(8), daysAgo(200)], now);
    expect(weekly).toHaveLength(12);
    expect(weekly.at(-1)?.count).toBe(2);
    expect(weekly.at(-2)?.count).toBe(1);
    expect(weekly.reduce((a, w) => a + w.count, 0)).toBe(3);
  });
});

function mode<T>(items: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as T;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandomSource(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
