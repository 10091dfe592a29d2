import { type Features, type NgramSpec, ngrams, REPLY_NGRAMS, slot } from './hash-features.js';

/** One logistic regression as stored: int8 weights (base64) times `scale`, a bias, and its decision threshold. */
export type HeadJson = {
  bias: number;
  scale: number;
  weights: string;
  /** Chosen on the development split, never on the held-out one (see `npm run train:coach`). */
  threshold: number;
  /** Reply moves only: "union" adds the model's sentences to the rules' findings; "rules" leaves the rules alone. */
  mode?: 'union' | 'rules';
  /** Under "union": a rules' finding of this move in a sentence the model gives less than this is dropped. */
  veto?: number;
  /** Anger or annoyance under "heated-first": the chance it needs to overrule a calmer emotion the lexicons name. */
  overrule?: number;
};

export type WeightsJson = {
  format: 1;
  replyBits: number;
  customerBits: number;
  /** The n-grams of a customer message; absent means the reply sentences' kind. */
  customerNgrams?: NgramSpec;
  moves: Record<string, HeadJson>;
  customer: Record<string, HeadJson>;
  /** Share of the learned severity in the customer's intensity; the rest is the rules' heat. */
  intensityBlend: number;
  /** When true, the rules' heat is also a floor: a message they read as heated never reads calmer. */
  intensityFloor: boolean;
  /**
   * The learned severity of the calmest and the most serious twentieth of the training messages:
   * stretched to 0.05 and 0.95, since an expected rating regresses to the middle of the scale.
   */
  severityRange: [number, number];
  /**
   * "rules-first": an emotion the lexicons name stands, and the model adds only anger or annoyance to what they call neutral.
   * "heated-first": the model alone decides anger or annoyance (the lexicons' reading is one of its inputs), over any calmer
   * emotion the lexicons name; otherwise a calmer emotion they name stands.
   */
  emotionPolicy: EmotionPolicy;
  trainedOn: Record<string, number>;
};

export type EmotionPolicy = 'model' | 'rules-first' | 'heated-first';

export type Head = { weights: Float32Array; bias: number; threshold: number; mode: 'union' | 'rules'; veto?: number; overrule?: number };

export type LearnedModel = {
  replyBits: number;
  customerBits: number;
  customerNgrams: NgramSpec;
  moves: ReadonlyMap<string, Head>;
  customer: ReadonlyMap<string, Head>;
  intensityBlend: number;
  intensityFloor: boolean;
  severityRange: [number, number];
  emotionPolicy: EmotionPolicy;
};

function decode(head: HeadJson, size: number): Head {
  const bytes = atob(head.weights);
  if (bytes.length !== size) throw new Error(`coach weights: a head has ${bytes.length} weights, expected ${size}`);
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = ((bytes.charCodeAt(i) << 24) >> 24) * head.scale;
  const out: Head = { weights, bias: head.bias, threshold: head.threshold, mode: head.mode ?? 'union' };
  if (head.veto !== undefined) out.veto = head.veto;
  if (head.overrule !== undefined) out.overrule = head.overrule;
  return out;
}

/** Turns the stored file into float tables once; a few milliseconds for the whole file. */
export function loadModel(json: WeightsJson): LearnedModel {
  if (json.format !== 1) throw new Error(`coach weights: unknown format ${String(json.format)}`);
  const heads = (group: Record<string, HeadJson>, bits: number) =>
    new Map(Object.entries(group).map(([name, head]) => [name, decode(head, 1 << bits)] as const));
  return {
    replyBits: json.replyBits,
    customerBits: json.customerBits,
    customerNgrams: json.customerNgrams ?? REPLY_NGRAMS,
    moves: heads(json.moves, json.replyBits),
    customer: heads(json.customer, json.customerBits),
    intensityBlend: json.intensityBlend,
    intensityFloor: json.intensityFloor,
    emotionPolicy: json.emotionPolicy,
    severityRange: json.severityRange,
  };
}

/** The probability a head gives to a feature vector. */
export function probability(head: Head, f: Features): number {
  let z = head.bias;
  for (let i = 0; i < f.index.length; i++) z += (head.weights[f.index[i] as number] as number) * (f.value[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Words too common to explain anything on their own; they still count inside phrases. */
const PLAIN = new Set(
  'i me my you your we our us it its the a an to and of in on for at is are was be this that so but or with have has do just'.split(' '),
);

/**
 * The word n-grams of `text` that push a head towards "yes" the most: the reason shown beside a
 * finding of the model. Character n-grams also count in the score but read poorly, so they are left out here.
 */
export function cues(head: Head, text: string, bits: number, spec: NgramSpec = REPLY_NGRAMS, count = 3): string[] {
  const seen = new Map<string, number>();
  // Only word n-grams are quoted: the character ones are not built at all.
  for (const g of ngrams(text, { ...spec, chars: [] })) {
    if (!g.startsWith('w ') || g.includes('<s>') || g.includes('</s>') || PLAIN.has(g.slice(2))) continue;
    const w = head.weights[slot(g, bits)] as number;
    if (w > 0) seen.set(g.slice(2), w);
  }
  const ranked = [...seen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // A phrase and a word inside it say the same thing twice; keep the stronger one.
  const picked: string[] = [];
  for (const [gram] of ranked) {
    if (picked.some((p) => p.includes(gram) || gram.includes(p))) continue;
    picked.push(gram);
    if (picked.length === count) break;
  }
  return picked;
}
