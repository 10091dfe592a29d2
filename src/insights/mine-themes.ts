import { louvain } from './louvain.js';
import { matchThemes, type PreviousTheme, unmatchedGroups } from './match-themes.js';
import { createRandomSource } from './random-source.js';
import { type KMeansResult, normalizeColumns, scoreRow, sphericalKMeansStepwise } from './spherical-kmeans.js';
import { NUMBER_WORDS } from './stop-words.js';
import { type SurfaceCounter, wordKey } from './text-features.js';
import { type SparseMatrix, type Vocabulary, vectorizeStepwise } from './tfidf.js';

/**
 * Theme mining: recurring problems found in a body of texts, without being told how many there are.
 *
 * 1. Every text becomes a TF-IDF vector over its content words and two-word phrases (tfidf.ts).
 * 2. Spherical k-means cuts the texts into many small, tight groups ("micro-clusters": n/4 of them
 *    for a small corpus, 1.5·√n for a larger one, at most 150): too many to be themes, each sitting
 *    inside one.
 * 3. Micro-clusters whose centroids are close are linked: each to its 3 nearest, when their cosine
 *    similarity is above the cut that best splits all pairs' similarities into "alike" and "not
 *    alike" (Otsu's threshold, at most the 90th percentile), weighted by the excess. Louvain
 *    modularity (resolution 1.5) finds the communities of that graph: the themes. The graph, not a
 *    parameter, decides how many there are.
 * 4. Five passes of k-means over the themes' centroids settle each text in its nearest theme; a group
 *    smaller than the birth size is not a theme, and its texts go to their next nearest one, or stay
 *    unthemed when nothing is close (similarity below 0.05).
 * 5. Two groups whose centroids are ≥ 0.55 alike are one theme cut in two, and a group at most a
 *    quarter the size of a theme it is ≥ 0.45 alike to is that theme's fringe (texts mixing it with
 *    another problem): they are joined and settled again (up to three rounds).
 * 6. With a previous run given, themes are matched to it (match-themes.ts), so identities carry over,
 *    a text keeps its theme unless another is clearly closer, and people's pins are honoured.
 * 7. Each theme is labelled with the phrases most characteristic of it (how much more often its texts
 *    use them than the rest do), in the words people wrote.
 *
 * Pure over the texts it is given: no I/O, deterministic for a seed.
 */

/** Anything with text that can join a theme: a case today, a forum post later. */
export type DocumentKind = 'case' | 'forum_post';
export type ThemeDocument = { id: string; kind: DocumentKind; text: string };

export type MineOptions = {
  seed?: number;
  /** Words that must not make a theme: the names of customers and staff. */
  extraStopWords?: Iterable<string>;
  /** The themes as they stood before this run, for identities that carry over. */
  previous?: readonly PreviousTheme[];
  /** Documents people put in a theme themselves (moved, split off, or in a locked theme): they stay there. */
  pins?: ReadonlyMap<string, string>;
  /** A group must have this many documents to be born as a theme (default max(3, 0.2% of the documents)). */
  minThemeSize?: number;
};

/** How far a run has come: a share of the work done and what it is doing now. */
export type MiningProgress = { fraction: number; step: string };

export type MinedTheme = {
  /** The theme this one continues (its identity), or null for a theme born in this run. */
  id: string | null;
  matchedBy: 'members' | 'centroid' | 'pinned' | null;
  label: string;
  phrases: string[];
  /** Member ids, most typical first, with their similarity to the theme's centroid. */
  memberIds: string[];
  scores: number[];
  /** The centroid's heaviest features: what a new document is compared with. */
  centroid: [string, number][];
  /** The similarity of the least typical 5% of its members: a new document must reach it to join. */
  floor: number;
};

export type Assignment = { theme: number; score: number; phrases: string[] };

/** What placing a new document needs: the features and their idf, serialisable as JSON. */
export type ThemeModel = { version: 1; terms: string[]; idf: number[]; extraStopWords: string[]; surfaces: Record<string, string> };

export type MineResult = {
  themes: MinedTheme[];
  /** Theme (index into themes) of each themed document; unthemed documents are absent. */
  assignments: Map<string, Assignment>;
  model: ThemeModel;
  stats: { documents: number; features: number; microClusters: number; themes: number; unthemed: number; ms: number };
};

const MAX_MICRO = 150;
const NEIGHBOURS = 3;
/** Louvain's resolution: above 1 keeps related but distinct problems apart (refunds vs returns). */
const RESOLUTION = 1.5;
/** The highest cut on micro-cluster similarity: only the top 10% of pairs can link, whatever Otsu says. */
const LINK_QUANTILE = 0.9;
const NUMBER_KEYS = new Set([...NUMBER_WORDS].map(wordKey));
const SETTLE_PASSES = 5;
const CENTROID_TERMS = 200;
const UNTHEMED_BELOW = 0.05;
/** A text keeps its previous theme unless another is closer by more than this factor. */
const STICKINESS = 0.9;
const PHRASES = 6;
const LABEL_PHRASES = 3;

/** Mines the themes of a set of documents. */
export function mineThemes(docs: readonly ThemeDocument[], options: MineOptions = {}): MineResult {
  const steps = mineThemesStepwise(docs, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same, one step at a time: it yields its progress between steps, so a caller can report it (and
 * let other work run) while a large corpus is mined.
 */
export function* mineThemesStepwise(docs: readonly ThemeDocument[], options: MineOptions = {}): Generator<MiningProgress, MineResult> {
  const started = Date.now();
  const random = createRandomSource(options.seed ?? 1);
  const n = docs.length;
  yield { fraction: 0.02, step: 'reading texts' };
  const reading = vectorizeStepwise(
    docs.map((d) => d.text),
    { extraStopWords: options.extraStopWords ?? [] },
  );
  let read = reading.next();
  while (!read.done) {
    yield { fraction: 0.02 + 0.28 * read.value, step: 'reading texts' };
    read = reading.next();
  }
  const { matrix, vocabulary, surfaces } = read.value;
  const dims = vocabulary.terms.length;
  yield { fraction: 0.3, step: 'grouping similar texts' };
  const micro = Math.max(1, Math.min(MAX_MICRO, Math.max(Math.round(1.5 * Math.sqrt(n)), Math.round(n / 4)), n));
  const grouping = sphericalKMeansStepwise(matrix, { k: micro, dims, random });
  let grouped = grouping.next();
  while (!grouped.done) {
    yield { fraction: 0.3 + 0.35 * grouped.value, step: 'grouping similar texts' };
    grouped = grouping.next();
  }
  const km = grouped.value;
  yield { fraction: 0.65, step: 'finding themes' };
  const community = micro > 2 ? louvain(micro, microGraph(km), RESOLUTION) : Int32Array.from({ length: micro }, () => 0);
  const minSize = options.minThemeSize ?? Math.max(3, Math.ceil(n * 0.002));
  let themeOf: Int32Array = Int32Array.from(km.assign, (c) => community[c] as number);
  let t = Math.max(0, ...community) + 1;
  // Settle texts in their nearest theme, then dissolve groups too small to be a theme.
  let centroids: Float32Array = centroidsOf(matrix, themeOf, t, dims);
  const docIds = docs.map((d) => d.id);
  const previous = (options.previous ?? []).filter((p) => !p.mergedInto);
  if (previous.length > 0) {
    // A re-mine starts from the earlier themes (so what did not change stays put) plus the groups of
    // this run that continue none of them (where new themes can be born).
    // A group like a theme people merged away is no new theme: its texts follow the merge.
    const fresh = unmatchedGroups(
      docIds,
      themeOf,
      t,
      (j) => topTerms(centroids, t, j, dims, vocabulary, CENTROID_TERMS),
      options.previous ?? [],
    );
    const seeds = previous.length + fresh.length;
    const seeded = new Float32Array(dims * seeds);
    previous.forEach((p, c) => {
      for (const [term, w] of p.centroid) {
        const f = vocabulary.index.get(term);
        if (f !== undefined) seeded[f * seeds + c] = w;
      }
    });
    fresh.forEach((j, i) => {
      for (let f = 0; f < dims; f++) seeded[f * seeds + previous.length + i] = centroids[f * t + j] as number;
    });
    normalizeColumns(seeded, seeds, dims);
    centroids = seeded;
    t = seeds;
  }
  const earlierSeeds = previous.length > 0 ? previous.length : 0;
  let settled = settle(matrix, centroids, t, dims, minSize, SETTLE_PASSES);
  // Groups that are one problem cut in two, and fringes, are joined, then settled again (a few rounds).
  for (let round = 0; round < 3; round++) {
    const joined = joinAlike(
      settled.centroids,
      settled.t,
      dims,
      vocabulary,
      settled.origin.map((o) => o < earlierSeeds),
      sizesOf(settled.themeOf, settled.t),
    );
    if (joined.count === settled.t) break;
    const regrouped = settled.themeOf.map((g) => (g >= 0 ? (joined.map[g] as number) : -1));
    const origins = new Array<number>(joined.count).fill(Number.MAX_SAFE_INTEGER);
    settled.origin.forEach((o, g) => {
      const j = joined.map[g] as number;
      origins[j] = Math.min(origins[j] as number, o);
    });
    const again = settle(matrix, centroidsOf(matrix, regrouped, joined.count, dims), joined.count, dims, minSize, 2);
    settled = { ...again, origin: again.origin.map((o) => origins[o] as number) };
  }
  ({ themeOf, centroids, t } = settled);
  yield { fraction: 0.8, step: 'matching earlier themes' };
  const scores = new Float32Array(t);
  const sims = (r: number) => {
    scoreRow(matrix, r, centroids, t, scores);
    return scores;
  };
  const matched = matchThemes({
    docIds,
    themeOf,
    themeCount: t,
    sims,
    centroidOf: (j) => topTerms(centroids, t, j, dims, vocabulary, CENTROID_TERMS),
    previous: options.previous ?? [],
    pins: options.pins ?? new Map(),
    stickiness: STICKINESS,
  });
  yield { fraction: 0.9, step: 'labelling themes' };
  const finalCount = matched.ids.length;
  const finalCentroids = centroidsOf(matrix, matched.themeOf, finalCount, dims);
  const described = describeThemes(matrix, matched.themeOf, finalCount, finalCentroids, vocabulary, surfaces, docIds);
  described.forEach((theme, j) => {
    theme.id = matched.ids[j] ?? null;
    theme.matchedBy = matched.matchedBy[j] ?? null;
  });
  // Largest first; `position` maps a group to its place in that order.
  const order = described
    .map((_, j) => j)
    .sort((a, b) => (described[b]?.memberIds.length ?? 0) - (described[a]?.memberIds.length ?? 0) || a - b);
  const position = new Int32Array(finalCount);
  order.forEach((j, i) => {
    position[j] = i;
  });
  const themes = order.map((j) => described[j] as MinedTheme);
  const scoreOf = new Map<string, number>();
  for (const t of themes)
    t.memberIds.forEach((id, i) => {
      scoreOf.set(id, t.scores[i] as number);
    });
  const assignments = new Map<string, Assignment>();
  for (let r = 0; r < n; r++) {
    const g = matched.themeOf[r] as number;
    if (g < 0) continue;
    assignments.set(docIds[r] as string, {
      theme: position[g] as number,
      score: scoreOf.get(docIds[r] as string) ?? 0,
      phrases: rowPhrases(matrix, r, finalCentroids, finalCount, g, vocabulary, surfaces),
    });
  }
  yield { fraction: 1, step: 'done' };
  return {
    themes,
    assignments,
    model: {
      version: 1,
      terms: vocabulary.terms,
      idf: Array.from(vocabulary.idf, (v) => Math.round(v * 1e4) / 1e4),
      extraStopWords: [...vocabulary.extraStopWords],
      surfaces: surfaceTable(themes, surfaces),
    },
    stats: {
      documents: n,
      features: dims,
      microClusters: micro,
      themes: themes.length,
      unthemed: n - assignments.size,
      ms: Date.now() - started,
    },
  };
}

/**
 * The graph of micro-clusters: each is linked to its NEIGHBOURS most similar others when their
 * centroids' cosine similarity is above the cut (Otsu's threshold of all pairs' similarities, capped
 * at their LINK_QUANTILE), with the excess as the weight, so only clearly related groups pull together.
 */
function microGraph(km: KMeansResult): [number, number, number][] {
  const { k, dims, centroids } = km;
  // Centroid similarities from sparse copies of each centroid (its 300 heaviest features).
  const sparse: Map<number, number>[] = [];
  for (let c = 0; c < k; c++) {
    const entries: [number, number][] = [];
    for (let t = 0; t < dims; t++) {
      const v = centroids[t * k + c] as number;
      if (v > 0) entries.push([t, v]);
    }
    entries.sort((a, b) => b[1] - a[1]);
    sparse.push(new Map(entries.slice(0, 300)));
  }
  const sim = (a: number, b: number) => {
    const [small, large] = (sparse[a] as Map<number, number>).size < (sparse[b] as Map<number, number>).size ? [a, b] : [b, a];
    let dot = 0;
    for (const [t, v] of sparse[small] as Map<number, number>) dot += v * ((sparse[large] as Map<number, number>).get(t) ?? 0);
    return dot;
  };
  const nearest: [number, number][][] = [];
  const all: number[] = [];
  for (let a = 0; a < k; a++) {
    const row: [number, number][] = [];
    for (let b = 0; b < k; b++) if (b !== a) row.push([b, sim(a, b)]);
    row.sort((x, y) => y[1] - x[1]);
    nearest.push(row.slice(0, NEIGHBOURS));
    for (const [, s] of row) all.push(s);
  }
  all.sort((x, y) => x - y);
  // Otsu's cut separates "alike" from "not alike" pairs when themes are few; with many themes the alike
  // pairs are a small minority and Otsu cuts too high, so the cut is never above the 90th percentile.
  const cut = Math.min(otsu(all), all[Math.floor(all.length * LINK_QUANTILE)] ?? 0);
  const edges: [number, number, number][] = [];
  for (let a = 0; a < k; a++) for (const [b, s] of nearest[a] as [number, number][]) if (s > cut) edges.push([a, b, s - cut]);
  // Every micro-cluster keeps a self-loop, so one with no close neighbour stays a community of its own.
  for (let a = 0; a < k; a++) edges.push([a, a, 1e-6]);
  return edges;
}

/** Term-major unit centroids of the groups given by `groupOf` (-1: none). */
function centroidsOf(matrix: SparseMatrix, groupOf: Int32Array, count: number, dims: number): Float32Array {
  const centroids = new Float32Array(Math.max(1, dims * count));
  for (let r = 0; r < matrix.rows; r++) {
    const g = groupOf[r] as number;
    if (g < 0) continue;
    const end = matrix.indptr[r + 1] as number;
    for (let i = matrix.indptr[r] as number; i < end; i++) {
      const at = (matrix.indices[i] as number) * count + g;
      centroids[at] = (centroids[at] as number) + (matrix.values[i] as number);
    }
  }
  if (count > 0) normalizeColumns(centroids, count, dims);
  return centroids;
}

/**
 * A few k-means passes with the themes as seeds; groups under minSize are dropped and their texts
 * re-placed. `origin` says which seed each remaining group grew from.
 */
function settle(
  matrix: SparseMatrix,
  seeds: Float32Array,
  count: number,
  dims: number,
  minSize: number,
  passes: number,
): { themeOf: Int32Array; centroids: Float32Array; t: number; origin: number[] } {
  let centroids = seeds;
  let t = count;
  let origin = Array.from({ length: count }, (_, i) => i);
  let themeOf = nearestTheme(matrix, centroids, t);
  for (let pass = 0; pass < passes; pass++) {
    const size = new Int32Array(t);
    for (const g of themeOf) if (g >= 0) size[g] = (size[g] as number) + 1;
    const renum = new Int32Array(t).fill(-1);
    const kept: number[] = [];
    for (let c = 0; c < t; c++)
      if ((size[c] as number) >= minSize) {
        renum[c] = kept.length;
        kept.push(origin[c] as number);
      }
    const grouped = themeOf.map((g) => (g >= 0 ? (renum[g] as number) : -1));
    t = kept.length;
    origin = kept;
    centroids = centroidsOf(matrix, grouped, t, dims);
    themeOf = nearestTheme(matrix, centroids, t);
  }
  return { themeOf, centroids: centroidsOf(matrix, themeOf, t, dims), t, origin };
}

/**
 * Groups whose centroids are this alike are one theme that k-means cut in two (distinct problems
 * that share words, such as refunds and returns, stay below 0.4 in our measurements). A smaller
 * group (at most a quarter of the size) close to a larger one (FRINGE_COSINE) is that theme's
 * fringe: texts that mix it with another problem. Two earlier themes are never joined this way:
 * only people merge those.
 */
const MERGE_COSINE = 0.55;
const FRINGE_COSINE = 0.45;
const FRINGE_SHARE = 0.25;

/** Joins alike groups (see MERGE_COSINE); returns each group's new number and how many there are. */
function joinAlike(
  centroids: Float32Array,
  t: number,
  dims: number,
  vocabulary: Vocabulary,
  earlier: readonly boolean[],
  sizes: Int32Array,
): { map: Int32Array; count: number } {
  const tops = Array.from({ length: t }, (_, j) => new Map(topTerms(centroids, t, j, dims, vocabulary, 300)));
  const parent = Array.from({ length: t }, (_, i) => i);
  const hasEarlier = [...earlier];
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const cos = (a: number, b: number) => {
    let dot = 0;
    for (const [term, w] of tops[a] as Map<string, number>) dot += w * ((tops[b] as Map<string, number>).get(term) ?? 0);
    return dot;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || (hasEarlier[ra] && hasEarlier[rb])) return;
    parent[rb] = ra;
    hasEarlier[ra] = Boolean(hasEarlier[ra] || hasEarlier[rb]);
  };
  // One theme cut in two: joined, most alike first.
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < t; a++)
    for (let b = a + 1; b < t; b++) {
      const c = cos(a, b);
      if (c >= MERGE_COSINE) pairs.push([a, b, c]);
    }
  pairs.sort((x, y) => y[2] - x[2]);
  for (const [a, b] of pairs) join(a, b);
  // A fringe joins the one larger theme it is most like, never two: fringes do not bridge themes.
  const fringe = new Set<number>();
  const bySize = Array.from({ length: t }, (_, i) => i).sort((x, y) => (sizes[x] as number) - (sizes[y] as number));
  for (const g of bySize) {
    let best = -1;
    let bestCos = FRINGE_COSINE;
    for (let h = 0; h < t; h++) {
      if (h === g || fringe.has(h) || (sizes[h] as number) * FRINGE_SHARE < (sizes[g] as number)) continue;
      const c = cos(g, h);
      if (c >= bestCos) {
        bestCos = c;
        best = h;
      }
    }
    if (best >= 0 && find(g) !== find(best)) {
      join(best, g);
      if (find(g) === find(best)) fringe.add(g);
    }
  }
  const ids = new Map<number, number>();
  const map = new Int32Array(t);
  for (let j = 0; j < t; j++) {
    const r = find(j);
    if (!ids.has(r)) ids.set(r, ids.size);
    map[j] = ids.get(r) as number;
  }
  return { map, count: ids.size };
}

function sizesOf(themeOf: Int32Array, t: number): Int32Array {
  const size = new Int32Array(t);
  for (const g of themeOf) if (g >= 0) size[g] = (size[g] as number) + 1;
  return size;
}

/** Each row's most similar centroid, or -1 when none reaches UNTHEMED_BELOW. */
function nearestTheme(matrix: SparseMatrix, centroids: Float32Array, t: number): Int32Array {
  const themeOf = new Int32Array(matrix.rows).fill(-1);
  const scores = new Float32Array(t);
  for (let r = 0; r < matrix.rows; r++) {
    scoreRow(matrix, r, centroids, t, scores);
    let bs = UNTHEMED_BELOW;
    for (let c = 0; c < t; c++)
      if ((scores[c] as number) >= bs) {
        bs = scores[c] as number;
        themeOf[r] = c;
      }
  }
  return themeOf;
}

function topTerms(centroids: Float32Array, k: number, c: number, dims: number, vocabulary: Vocabulary, limit: number): [string, number][] {
  const entries: [string, number][] = [];
  for (let t = 0; t < dims; t++) {
    const v = centroids[t * k + c] as number;
    if (v > 0) entries.push([vocabulary.terms[t] as string, v]);
  }
  return entries.sort((a, b) => b[1] - a[1]).slice(0, limit);
}

/** Members by typicality, centroid, floor and label of each theme. */
function describeThemes(
  matrix: SparseMatrix,
  themeOf: Int32Array,
  count: number,
  centroids: Float32Array,
  vocabulary: Vocabulary,
  surfaces: SurfaceCounter,
  docIds: readonly string[],
): MinedTheme[] {
  const dims = vocabulary.terms.length;
  const members: { r: number; s: number }[][] = Array.from({ length: count }, () => []);
  const scores = new Float32Array(count);
  // Document frequency of each feature, overall and per theme, for the labels.
  const dfAll = new Int32Array(dims);
  const dfTheme = new Int32Array(dims * count);
  for (let r = 0; r < matrix.rows; r++) {
    const g = themeOf[r] as number;
    const end = matrix.indptr[r + 1] as number;
    for (let i = matrix.indptr[r] as number; i < end; i++) {
      const f = matrix.indices[i] as number;
      dfAll[f] = (dfAll[f] as number) + 1;
      if (g >= 0) dfTheme[f * count + g] = (dfTheme[f * count + g] as number) + 1;
    }
    if (g < 0) continue;
    scoreRow(matrix, r, centroids, count, scores);
    (members[g] as { r: number; s: number }[]).push({ r, s: scores[g] as number });
  }
  return members.map((list, j) => {
    list.sort((a, b) => b.s - a.s || a.r - b.r);
    const phrases = characteristicPhrases(j, count, list.length, matrix.rows, dfAll, dfTheme, vocabulary, surfaces, centroids);
    const centroid = topTerms(centroids, count, j, dims, vocabulary, CENTROID_TERMS);
    const floorAt = Math.min(list.length - 1, Math.floor(list.length * 0.95));
    return {
      id: null,
      matchedBy: null,
      label: phrases.slice(0, LABEL_PHRASES).join(', '),
      phrases,
      memberIds: list.map((m) => docIds[m.r] as string),
      scores: list.map((m) => Math.round(m.s * 1e4) / 1e4),
      centroid: centroid.map(([term, w]) => [term, Math.round(w * 1e5) / 1e5] as [string, number]),
      floor: Math.round(((list[floorAt]?.s ?? 0) as number) * 1e4) / 1e4,
    };
  });
}

/**
 * The phrases that set a theme apart: heavy in its centroid (used often, and rare elsewhere: TF-IDF)
 * and far more common in its texts than in the corpus (× log of its share in the theme over its share
 * everywhere), used by at least 5% of its texts; two-word phrases weigh 1.5 times, and a word is left
 * out when a chosen phrase holds it.
 */
function characteristicPhrases(
  j: number,
  count: number,
  size: number,
  total: number,
  dfAll: Int32Array,
  dfTheme: Int32Array,
  vocabulary: Vocabulary,
  surfaces: SurfaceCounter,
  centroids: Float32Array,
): string[] {
  if (size === 0) return [];
  const candidates: { f: number; score: number }[] = [];
  for (let f = 0; f < vocabulary.terms.length; f++) {
    const inTheme = dfTheme[f * count + j] as number;
    if (inTheme < Math.max(2, size * 0.05)) continue;
    const p = inTheme / size;
    const q = (dfAll[f] as number) / total;
    if (p <= q) continue;
    const key = vocabulary.terms[f] as string;
    if (key.split(' ').some((w) => NUMBER_KEYS.has(w))) continue;
    const isPhrase = key.includes(' ');
    const w = centroids[f * count + j] as number;
    candidates.push({ f, score: w * Math.log(p / q) * (isPhrase ? 1.5 : 1) });
  }
  candidates.sort((a, b) => b.score - a.score || a.f - b.f);
  const chosen: string[] = [];
  const words = new Set<string>();
  for (const { f } of candidates) {
    const key = vocabulary.terms[f] as string;
    const parts = key.split(' ');
    if (parts.every((p) => words.has(p))) continue;
    chosen.push(key);
    for (const p of parts) words.add(p);
    if (chosen.length >= PHRASES + 3) break;
  }
  // A single word goes when a chosen phrase holds it ("wrong" beside "wrong size").
  const phrases = chosen.filter((key) => key.includes(' ') || !chosen.some((c) => c !== key && c.split(' ').includes(key)));
  return phrases.slice(0, PHRASES).map((key) => surfaceOf(key, surfaces));
}

/** The words people wrote for a feature key. */
export function surfaceOf(key: string, surfaces: SurfaceCounter): string {
  const form = surfaces.best(key);
  if (form !== key || !key.includes(' ')) return form;
  return key
    .split(' ')
    .map((k) => surfaces.best(k))
    .join(' ');
}

/** The phrases of a row that weigh most in its similarity to its theme. */
function rowPhrases(
  matrix: SparseMatrix,
  r: number,
  centroids: Float32Array,
  count: number,
  theme: number,
  vocabulary: Vocabulary,
  surfaces: SurfaceCounter,
): string[] {
  const parts: [number, number][] = [];
  const end = matrix.indptr[r + 1] as number;
  for (let i = matrix.indptr[r] as number; i < end; i++) {
    const f = matrix.indices[i] as number;
    const w = (matrix.values[i] as number) * (centroids[f * count + theme] as number);
    if (w > 0) parts.push([f, w]);
  }
  return pickPhrases(
    parts.sort((a, b) => b[1] - a[1]).map(([f]) => vocabulary.terms[f] as string),
    3,
  ).map((key) => surfaceOf(key, surfaces));
}

/**
 * The first `limit` keys, skipping a phrase whose words are all in already, and dropping a word that
 * a chosen phrase holds ("period" beside "return period").
 */
export function pickPhrases(keys: readonly string[], limit: number): string[] {
  const chosen: string[] = [];
  const words = new Set<string>();
  for (const key of keys) {
    const parts = key.split(' ');
    if (parts.every((p) => words.has(p))) continue;
    chosen.push(key);
    for (const p of parts) words.add(p);
    if (chosen.length >= limit + 2) break;
  }
  return chosen.filter((key) => key.includes(' ') || !chosen.some((c) => c !== key && c.split(' ').includes(key))).slice(0, limit);
}

/** Written forms of the features themes are compared on, so placed documents get readable phrases too. */
function surfaceTable(themes: readonly MinedTheme[], surfaces: SurfaceCounter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const theme of themes) for (const [key] of theme.centroid) out[key] = surfaceOf(key, surfaces);
  return out;
}

export type { PreviousTheme } from './match-themes.js';

/** Otsu's threshold of sorted values: the cut that best separates them into a low and a high group. */
function otsu(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n < 2) return 0;
  const total = sorted.reduce((a, b) => a + b, 0);
  let sumLow = 0;
  let best = -1;
  let cut = sorted[Math.floor(n / 2)] as number;
  for (let i = 1; i < n; i++) {
    sumLow += sorted[i - 1] as number;
    const wLow = i / n;
    const wHigh = 1 - wLow;
    const mLow = sumLow / i;
    const mHigh = (total - sumLow) / (n - i);
    const between = wLow * wHigh * (mLow - mHigh) ** 2;
    if (between > best) {
      best = between;
      cut = sorted[i - 1] as number;
    }
  }
  return cut;
}
