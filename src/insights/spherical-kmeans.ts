import type { SparseMatrix } from './tfidf.js';

/**
 * Spherical k-means (cosine k-means) over unit TF-IDF rows: each centroid is the normalised mean of
 * its rows, each row goes to the centroid it is most similar to. Centroids are held term-major
 * (`centroids[t * k + c]`), so scoring a sparse row against all k centroids reads k contiguous floats
 * per feature of the row: nnz · k multiply-adds per row.
 */
export type KMeansResult = {
  k: number;
  /** Cluster of each row. */
  assign: Int32Array;
  /** Similarity of each row to its cluster's centroid. */
  best: Float32Array;
  /** The second most similar cluster of each row and its similarity (-1 when k = 1). */
  second: Int32Array;
  secondSim: Float32Array;
  /** Term-major unit centroids: centroids[t * k + c]. */
  centroids: Float32Array;
  dims: number;
};

export type KMeansOptions = {
  k: number;
  dims: number;
  random: () => number;
  /** Lloyd iterations on the sample, then on every row (defaults 10 and 3). */
  sampleIterations?: number;
  fullIterations?: number;
  /** Rows used for seeding and the first iterations (default 12,000). */
  sampleSize?: number;
  /** Seeds given instead of k-means++ (term-major, k columns), e.g. the previous run's centroids. */
  initial?: Float32Array;
};

/** Clusters the rows of a unit-row sparse matrix into k groups. */
export function sphericalKMeans(matrix: SparseMatrix, options: KMeansOptions): KMeansResult {
  const steps = sphericalKMeansStepwise(matrix, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The same, yielding the share of passes done after each pass. */
export function* sphericalKMeansStepwise(matrix: SparseMatrix, options: KMeansOptions): Generator<number, KMeansResult> {
  const { dims, random } = options;
  const k = Math.max(1, Math.min(options.k, matrix.rows));
  const sample = sampleRows(matrix.rows, options.sampleSize ?? 12_000, random);
  const centroids = options.initial ?? seedPlusPlus(matrix, sample, k, dims, random);
  const assign = new Int32Array(matrix.rows);
  const best = new Float32Array(matrix.rows);
  const second = new Int32Array(matrix.rows).fill(-1);
  const secondSim = new Float32Array(matrix.rows);
  const scores = new Float32Array(k);
  const all = sample.length === matrix.rows ? sample : Int32Array.from({ length: matrix.rows }, (_, i) => i);
  const passes: Int32Array[] = [];
  if (sample.length < matrix.rows) for (let i = 0; i < (options.sampleIterations ?? 10); i++) passes.push(sample);
  for (let i = 0; i < (options.fullIterations ?? 3); i++) passes.push(all);
  for (let p = 0; p < passes.length; p++) {
    const rows = passes[p] as Int32Array;
    for (const r of rows) {
      scoreRow(matrix, r, centroids, k, scores);
      top2(scores, r, assign, best, second, secondSim);
    }
    // The last pass only assigns, so every row's cluster and similarities match the centroids returned.
    if (p < passes.length - 1) updateCentroids(matrix, rows, assign, best, k, dims, centroids);
    yield (p + 1) / passes.length;
  }
  return { k, assign, best, second, secondSim, centroids, dims };
}

/** Similarities of row r to every centroid, into scores. */
export function scoreRow(matrix: SparseMatrix, r: number, centroids: Float32Array, k: number, scores: Float32Array): void {
  scores.fill(0);
  const end = matrix.indptr[r + 1] as number;
  for (let i = matrix.indptr[r] as number; i < end; i++) {
    const v = matrix.values[i] as number;
    const base = (matrix.indices[i] as number) * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + v * (centroids[base + c] as number);
  }
}

function top2(scores: Float32Array, r: number, assign: Int32Array, best: Float32Array, second: Int32Array, secondSim: Float32Array): void {
  let b = 0;
  let bs = -1;
  let s = -1;
  let ss = -1;
  for (let c = 0; c < scores.length; c++) {
    const v = scores[c] as number;
    if (v > bs) {
      s = b;
      ss = bs;
      b = c;
      bs = v;
    } else if (v > ss) {
      s = c;
      ss = v;
    }
  }
  assign[r] = b;
  best[r] = bs;
  second[r] = scores.length > 1 ? s : -1;
  secondSim[r] = ss;
}

/** Recomputes each centroid as the normalised sum of its rows; an emptied cluster takes the row worst served. */
function updateCentroids(
  matrix: SparseMatrix,
  rows: Int32Array,
  assign: Int32Array,
  best: Float32Array,
  k: number,
  dims: number,
  centroids: Float32Array,
): void {
  centroids.fill(0);
  const size = new Int32Array(k);
  for (const r of rows) {
    const c = assign[r] as number;
    size[c] = (size[c] as number) + 1;
    const end = matrix.indptr[r + 1] as number;
    for (let i = matrix.indptr[r] as number; i < end; i++) {
      const at = (matrix.indices[i] as number) * k + c;
      centroids[at] = (centroids[at] as number) + (matrix.values[i] as number);
    }
  }
  // Empty clusters are re-seeded with the rows least similar to their own centroid.
  const empties: number[] = [];
  for (let c = 0; c < k; c++) if (size[c] === 0) empties.push(c);
  if (empties.length) {
    const worst = [...rows].sort((a, b) => (best[a] as number) - (best[b] as number)).slice(0, empties.length);
    empties.forEach((c, i) => {
      const r = worst[i];
      if (r === undefined) return;
      const end = matrix.indptr[r + 1] as number;
      for (let j = matrix.indptr[r] as number; j < end; j++) centroids[(matrix.indices[j] as number) * k + c] = matrix.values[j] as number;
    });
  }
  normalizeColumns(centroids, k, dims);
}

export function normalizeColumns(centroids: Float32Array, k: number, dims: number): void {
  const norms = new Float64Array(k);
  for (let t = 0; t < dims; t++) {
    const base = t * k;
    for (let c = 0; c < k; c++) norms[c] = (norms[c] as number) + (centroids[base + c] as number) ** 2;
  }
  for (let c = 0; c < k; c++) norms[c] = (norms[c] as number) > 0 ? 1 / Math.sqrt(norms[c] as number) : 0;
  for (let t = 0; t < dims; t++) {
    const base = t * k;
    for (let c = 0; c < k; c++) centroids[base + c] = (centroids[base + c] as number) * (norms[c] as number);
  }
}

function sampleRows(n: number, size: number, random: () => number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, size).sort();
}

/** k-means++ seeding on the sample, with cosine distance (1 − similarity). */
function seedPlusPlus(matrix: SparseMatrix, sample: Int32Array, k: number, dims: number, random: () => number): Float32Array {
  const centroids = new Float32Array(dims * k);
  const dense = new Float32Array(dims);
  const dist = new Float64Array(sample.length).fill(1);
  let pick = sample[Math.floor(random() * sample.length)] as number;
  for (let c = 0; c < k; c++) {
    const start = matrix.indptr[pick] as number;
    const end = matrix.indptr[pick + 1] as number;
    for (let i = start; i < end; i++) {
      dense[matrix.indices[i] as number] = matrix.values[i] as number;
      centroids[(matrix.indices[i] as number) * k + c] = matrix.values[i] as number;
    }
    let total = 0;
    for (let s = 0; s < sample.length; s++) {
      const r = sample[s] as number;
      let dot = 0;
      const e = matrix.indptr[r + 1] as number;
      for (let i = matrix.indptr[r] as number; i < e; i++)
        dot += (matrix.values[i] as number) * (dense[matrix.indices[i] as number] as number);
      const d = Math.max(0, 1 - dot);
      if (d < (dist[s] as number)) dist[s] = d;
      total += (dist[s] as number) ** 2;
    }
    for (let i = start; i < end; i++) dense[matrix.indices[i] as number] = 0;
    if (c === k - 1) break;
    let target = random() * total;
    pick = sample[sample.length - 1] as number;
    for (let s = 0; s < sample.length; s++) {
      target -= (dist[s] as number) ** 2;
      if (target <= 0) {
        pick = sample[s] as number;
        break;
      }
    }
  }
  return centroids;
}
