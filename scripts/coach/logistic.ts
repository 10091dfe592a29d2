/**
 * Logistic regression over hashed sparse features, trained by AdaGrad with L2 on a seeded order:
 * the same examples give the same weights, bit for bit, so the shipped file can be rebuilt and checked.
 */
import type { Features } from '../../src/coach/learned/hash-features.js';
import type { HeadJson } from '../../src/coach/learned/model.js';
import { createRandomSource } from '../../src/insights/random-source.js';

export type Example = { f: Features; y: boolean; weight: number };
export type Trained = { weights: Float64Array; bias: number };

export type TrainOptions = { epochs: number; rate: number; l2: number; seed: number; positiveWeight?: number };

export function trainLogistic(examples: readonly Example[], size: number, o: TrainOptions): Trained {
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let bias2 = 1e-8;
  const order = examples.map((_, i) => i);
  const random = createRandomSource(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const k of order) {
      const { f, y, weight } = examples[k] as Example;
      let z = bias;
      for (let i = 0; i < f.index.length; i++) z += (w[f.index[i] as number] as number) * (f.value[i] as number);
      const p = 1 / (1 + Math.exp(-z));
      const scale = weight * (y ? (o.positiveWeight ?? 1) : 1);
      const err = (p - (y ? 1 : 0)) * scale;
      for (let i = 0; i < f.index.length; i++) {
        const s = f.index[i] as number;
        const g = err * (f.value[i] as number) + o.l2 * (w[s] as number);
        g2[s] = (g2[s] as number) + g * g;
        w[s] = (w[s] as number) - (o.rate * g) / Math.sqrt(g2[s] as number);
      }
      bias2 += err * err;
      bias -= (o.rate * err) / Math.sqrt(bias2);
    }
  }
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
