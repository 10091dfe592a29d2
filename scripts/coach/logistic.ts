/**
 * Logistic regression over hashed sparse features, trained by AdaGrad with L2 on a seeded order:
 * the same examples give the same weights, bit for bit, so the shipped file can be rebuilt and checked.
 */
import type { Features } from '../../src/coach/learned/hash-features.js';
import type { HeadJson } from '../../src/coach/learned/model.js';
import { createRandomSource } from '../../src/insights/random-source.js';

export type Example = { f: Features; y: boolean; weight: number };
export type Trained = { weights: Float64Array; bias: number };

export type TrainOptions = {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  positiveWeight?: number;
  /**
   * A per-slot factor on every feature value (naive-Bayes log-count ratios, see `logCountRatios`).
   * A linear model over scaled features is the same as one over the plain features with its weights
   * scaled, so the factor is folded into the returned weights and nothing changes at run time.
   */
  featureScale?: Float64Array;
};

/**
 * Naive-Bayes log-count ratios per slot: how much more often a slot occurs in the positives than in
 * the negatives (smoothed by `alpha`). Scaling features by them before the regression (NBSVM, Wang &
 * Manning 2012) is a well-known gain for short-text sentiment over plain n-grams.
 */
export function logCountRatios(examples: readonly Example[], size: number, alpha = 1): Float64Array {
  const pos = new Float64Array(size).fill(alpha);
  const neg = new Float64Array(size).fill(alpha);
  for (const { f, y, weight } of examples) {
    const c = y ? pos : neg;
    for (let i = 0; i < f.index.length; i++) c[f.index[i] as number] = (c[f.index[i] as number] as number) + weight;
  }
  let ps = 0;
  let ns = 0;
  for (let i = 0; i < size; i++) {
    ps += pos[i] as number;
    ns += neg[i] as number;
  }
  const r = new Float64Array(size);
  for (let i = 0; i < size; i++) r[i] = Math.log((pos[i] as number) / ps / ((neg[i] as number) / ns));
  return r;
}

export function trainLogistic(examples: readonly Example[], size: number, o: TrainOptions): Trained {
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let bias2 = 1e-8;
  const order = examples.map((_, i) => i);
  const random = createRandomSource(o.seed);
  const r = o.featureScale;
  const x = (f: Features, i: number) => (f.value[i] as number) * (r ? (r[f.index[i] as number] as number) : 1);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const { f, y, weight } = examples[k] as Example;
      let z = bias;
      for (let i = 0; i < f.index.length; i++) z += (w[f.index[i] as number] as number) * x(f, i);
      const p = 1 / (1 + Math.exp(-z));
      const scale = weight * (y ? (o.positiveWeight ?? 1) : 1);
      const err = (p - (y ? 1 : 0)) * scale;
      for (let i = 0; i < f.index.length; i++) {
        const s = f.index[i] as number;
        const g = err * x(f, i) + o.l2 * (w[s] as number);
        g2[s] = (g2[s] as number) + g * g;
        w[s] = (w[s] as number) - (o.rate * g) / Math.sqrt(g2[s] as number);
      }
      bias2 += err * err;
      bias -= (o.rate * err) / Math.sqrt(bias2);
    }
  }
  if (r) for (let s = 0; s < size; s++) w[s] = (w[s] as number) * (r[s] as number);
  return { weights: w, bias };
}

/** int8 weights with one scale per head: a quarter of the float size, and the loss in accuracy is measured after it. */
export function quantize(t: Trained, threshold: number, mode?: 'union' | 'rules'): HeadJson {
  let max = 0;
  for (const x of t.weights) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = new Uint8Array(t.weights.length);
  for (let i = 0; i < t.weights.length; i++) bytes[i] = Math.round((t.weights[i] as number) / scale) & 0xff;
  const head: HeadJson = {
    bias: Number(t.bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    weights: Buffer.from(bytes).toString('base64'),
    threshold,
  };
  if (mode) head.mode = mode;
  return head;
}
