import { forEachFeature, SurfaceCounter } from './text-features.js';

/**
 * Documents as TF-IDF vectors over words and two-word phrases: sublinear term frequency (1 + ln tf),
 * smoothed idf (ln((1 + n) / (1 + df)) + 1), each row scaled to unit length, so a dot product is the
 * cosine similarity. Rows are kept in compressed sparse row form (three typed arrays), which holds
 * 100,000 narratives in about 100 MB.
 */
export type SparseMatrix = {
  rows: number;
  /** Row r's entries are indices[indptr[r] .. indptr[r+1]). */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
};

/** What turns any text into a vector of the same space: the features kept and their idf. */
export type Vocabulary = {
  terms: string[];
  idf: Float32Array;
  index: Map<string, number>;
  /** Names and other words left out of features (they would make themes of people). */
  extraStopWords: ReadonlySet<string>;
};

export type VectorizeOptions = {
  /** A feature must occur in at least this many documents (default: 2, or 1 in 5,000 documents if more). */
  minDf?: number;
  /** And in at most this share of them (default 0.5): words every text has say nothing of its theme. */
  maxDfShare?: number;
  /** At most this many features, the most frequent kept (default 40,000). */
  maxFeatures?: number;
  extraStopWords?: Iterable<string>;
  /** How many documents' written forms are counted for labels (default 20,000, spread over the corpus). */
  surfaceSample?: number;
};

export type Vectorized = { matrix: SparseMatrix; vocabulary: Vocabulary; surfaces: SurfaceCounter };

const SURFACE_SAMPLE = 20_000;

/** Builds the vocabulary from the texts and the matrix of their vectors, in one pass over the texts. */
export function vectorize(texts: readonly string[], options: VectorizeOptions = {}): Vectorized {
  const steps = vectorizeStepwise(texts, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The same, yielding the share of texts read every 5,000 texts, so a caller can report progress and let other work run. */
export function* vectorizeStepwise(texts: readonly string[], options: VectorizeOptions = {}): Generator<number, Vectorized> {
  const extra = new Set([...(options.extraStopWords ?? [])].map((w) => w.toLowerCase()));
  const n = texts.length;
  const surfaces = new SurfaceCounter();
  const surfaceStride = Math.max(1, Math.floor(n / (options.surfaceSample ?? SURFACE_SAMPLE)));
  // Pass 1: every feature gets a provisional id; each document keeps its (id, count) pairs.
  const ids = new Map<string, number>();
  const df: number[] = [];
  const docIds: Int32Array[] = [];
  const docCounts: Uint16Array[] = [];
  const local = new Map<number, number>();
  for (let d = 0; d < n; d++) {
    if (d > 0 && d % 5000 === 0) yield d / n;
    local.clear();
    const sample = d % surfaceStride === 0;
    forEachFeature(
      texts[d] as string,
      (key, surface) => {
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          df.push(0);
        }
        local.set(id, (local.get(id) ?? 0) + 1);
        if (sample) surfaces.add(key, surface);
      },
      extra,
    );
    const dIds = new Int32Array(local.size);
    const dCounts = new Uint16Array(local.size);
    let i = 0;
    for (const [id, c] of local) {
      dIds[i] = id;
      dCounts[i] = Math.min(c, 65_535);
      df[id] = (df[id] as number) + 1;
      i++;
    }
    docIds.push(dIds);
    docCounts.push(dCounts);
  }
  // Keep the features that occur often enough but not everywhere, at most maxFeatures of them.
  const minDf = options.minDf ?? Math.max(2, Math.ceil(n / 5000));
  // Under 20 documents every word is kept: half of a handful is no evidence that a word says nothing.
  const maxDf = n < 20 ? n : Math.max(minDf, Math.floor((options.maxDfShare ?? 0.5) * n));
  const keys = [...ids.keys()];
  const kept = keys
    .map((key, id) => ({ key, id, df: df[id] as number }))
    .filter((f) => f.df >= minDf && f.df <= maxDf)
    .sort((a, b) => b.df - a.df || (a.key < b.key ? -1 : 1))
    .slice(0, options.maxFeatures ?? 40_000)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const remap = new Int32Array(ids.size).fill(-1);
  const terms: string[] = [];
  const idf = new Float32Array(kept.length);
  kept.forEach((f, i) => {
    remap[f.id] = i;
    terms.push(f.key);
    idf[i] = Math.log((1 + n) / (1 + f.df)) + 1;
  });
  // Pass 2 (over the kept pairs, not the texts): weights, unit rows.
  let nnz = 0;
  for (const dIds of docIds) for (const id of dIds) if ((remap[id] as number) >= 0) nnz++;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let at = 0;
  for (let d = 0; d < n; d++) {
    const dIds = docIds[d] as Int32Array;
    const dCounts = docCounts[d] as Uint16Array;
    const start = at;
    for (let i = 0; i < dIds.length; i++) {
      const t = remap[dIds[i] as number] as number;
      if (t < 0) continue;
      indices[at] = t;
      values[at] = (1 + Math.log(dCounts[i] as number)) * (idf[t] as number);
      at++;
    }
    sortRow(indices, values, start, at);
    normalizeRange(values, start, at);
    indptr[d + 1] = at;
    docIds[d] = EMPTY;
  }
  const index = new Map(terms.map((t, i) => [t, i]));
  return { matrix: { rows: n, indptr, indices, values }, vocabulary: { terms, idf, index, extraStopWords: extra }, surfaces };
}

const EMPTY = new Int32Array(0);

/** The unit vector of one new text in an existing vocabulary's space (features it lacks are ignored). */
export function vectorizeOne(text: string, vocabulary: Vocabulary): { indices: Int32Array; values: Float32Array } {
  const counts = new Map<number, number>();
  forEachFeature(
    text,
    (key) => {
      const t = vocabulary.index.get(key);
      if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
    },
    vocabulary.extraStopWords,
  );
  const indices = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let i = 0;
  for (const [t, c] of counts) {
    indices[i] = t;
    values[i] = (1 + Math.log(c)) * (vocabulary.idf[t] as number);
    i++;
  }
  sortRow(indices, values, 0, i);
  normalizeRange(values, 0, i);
  return { indices, values };
}

function sortRow(indices: Int32Array, values: Float32Array, start: number, end: number): void {
  // Insertion sort: rows are short (a few hundred entries at most).
  for (let i = start + 1; i < end; i++) {
    const ti = indices[i] as number;
    const vi = values[i] as number;
    let j = i - 1;
    while (j >= start && (indices[j] as number) > ti) {
      indices[j + 1] = indices[j] as number;
      values[j + 1] = values[j] as number;
      j--;
    }
    indices[j + 1] = ti;
    values[j + 1] = vi;
  }
}

function normalizeRange(values: Float32Array, start: number, end: number): void {
  let sum = 0;
  for (let i = start; i < end; i++) sum += (values[i] as number) ** 2;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let i = start; i < end; i++) values[i] = (values[i] as number) * scale;
}
