import type { ThemeModel } from './mine-themes.js';
import { pickPhrases } from './mine-themes.js';
import { type Vocabulary, vectorizeOne } from './tfidf.js';

/** A theme as placement sees it: its identity, centroid and the similarity a newcomer must reach. */
export type PlaceableTheme = { id: string; centroid: readonly (readonly [string, number])[]; floor: number };

export type Placement = { themeId: string | null; score: number; phrases: string[] };

/**
 * Placing one new document without re-mining: it joins the theme whose centroid it is most similar
 * to, when that similarity reaches the theme's floor (what its least typical 5% of members reach)
 * and at least MIN_PLACE_SIMILARITY. Otherwise it waits, unthemed, for the next full mine, where a
 * new theme can be born from such documents once there are enough of them.
 */
export const MIN_PLACE_SIMILARITY = 0.08;

export type Placer = {
  /** The theme a new text joins, if any, with the phrases that put it there. */
  place(text: string): Placement;
  /** The similarity of a text to one theme and the phrases they share (for a text a person put there). */
  explain(text: string, themeId: string): Placement;
};

/** Builds the placer once per model and set of themes; each call then costs one vectorisation and a few dot products. */
export function createPlacer(model: ThemeModel, themes: readonly PlaceableTheme[]): Placer {
  const vocabulary = vocabularyOf(model);
  const centroids = themes.map((t) => {
    const m = new Map<number, number>();
    for (const [term, w] of t.centroid) {
      const i = vocabulary.index.get(term);
      if (i !== undefined) m.set(i, w);
    }
    return m;
  });
  const dot = (v: SparseVector, c: Map<number, number>) => {
    let sum = 0;
    for (let i = 0; i < v.indices.length; i++) sum += (v.values[i] as number) * (c.get(v.indices[i] as number) ?? 0);
    return sum;
  };
  const phrases = (v: SparseVector, c: Map<number, number>) => {
    const parts: [string, number][] = [];
    for (let i = 0; i < v.indices.length; i++) {
      const f = v.indices[i] as number;
      const w = (v.values[i] as number) * (c.get(f) ?? 0);
      if (w > 0) parts.push([model.terms[f] as string, w]);
    }
    return pickPhrases(
      parts.sort((a, b) => b[1] - a[1]).map(([k]) => k),
      3,
    ).map((k) => model.surfaces[k] ?? k);
  };
  return {
    place(text) {
      const v = vectorizeOne(text, vocabulary);
      let best = -1;
      let bestScore = 0;
      centroids.forEach((c, j) => {
        const s = dot(v, c);
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      });
      const theme = themes[best];
      const score = Math.round(bestScore * 1e4) / 1e4;
      if (!theme || bestScore < Math.max(MIN_PLACE_SIMILARITY, theme.floor)) return { themeId: null, score, phrases: [] };
      return { themeId: theme.id, score, phrases: phrases(v, centroids[best] as Map<number, number>) };
    },
    explain(text, themeId) {
      const j = themes.findIndex((t) => t.id === themeId);
      const c = centroids[j];
      if (!c) return { themeId, score: 0, phrases: [] };
      const v = vectorizeOne(text, vocabulary);
      return { themeId, score: Math.round(dot(v, c) * 1e4) / 1e4, phrases: phrases(v, c) };
    },
  };
}

type SparseVector = { indices: Int32Array; values: Float32Array };

function vocabularyOf(model: ThemeModel): Vocabulary {
  return {
    terms: model.terms,
    idf: Float32Array.from(model.idf),
    index: new Map(model.terms.map((t, i) => [t, i])),
    extraStopWords: new Set(model.extraStopWords),
  };
}

/**
 * The centroid of a group of texts in a model's space (its heaviest 200 features) and the floor its
 * own texts reach: what a theme split off by a person is compared on.
 */
export function centroidOfTexts(model: ThemeModel, texts: readonly string[]): { centroid: [string, number][]; floor: number } {
  const vocabulary = vocabularyOf(model);
  const vectors = texts.map((t) => vectorizeOne(t, vocabulary));
  const sum = new Map<number, number>();
  for (const v of vectors)
    for (let i = 0; i < v.indices.length; i++)
      sum.set(v.indices[i] as number, (sum.get(v.indices[i] as number) ?? 0) + (v.values[i] as number));
  const norm = Math.sqrt([...sum.values()].reduce((a, w) => a + w * w, 0)) || 1;
  const top = [...sum]
    .map(([f, w]) => [f, w / norm] as [number, number])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 200);
  const c = new Map(top);
  const sims = vectors
    .map((v) => {
      let s = 0;
      for (let i = 0; i < v.indices.length; i++) s += (v.values[i] as number) * (c.get(v.indices[i] as number) ?? 0);
      return s;
    })
    .sort((a, b) => a - b);
  return {
    centroid: top.map(([f, w]) => [model.terms[f] as string, Math.round(w * 1e5) / 1e5]),
    floor: Math.round((sims[Math.floor(sims.length * 0.05)] ?? 0) * 1e4) / 1e4,
  };
}
