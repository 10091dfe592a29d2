/**
 * `npx tsx scripts/coach/try-anger.ts [trial…]`: measures other ways of building the customer's
 * anger-or-annoyance head beside the one `npm run train:coach` ships. Each head is trained on the
 * trainer's rows (GoEmotions train without its tuning fold, the team's customer messages at the same
 * weights), quantised, and its threshold chosen on the mean F1 of the GoEmotions tuning fold and the
 * team's dev messages, as the trainer does. The held-out customer messages and GoEmotions dev are
 * printed beside, at that threshold, and never chosen on. Nothing is written.
 *
 * Trials: `shipped`, `two-heads` (words and character n-grams in heads of their own, averaged),
 * `tf` (presence, square root or 1 + log of the counts), `stacking` (heads for GoEmotions' 28 labels
 * on three folds, their out-of-fold chances as inputs; STACK_BITS slots each: 84 fits, about 7 minutes on a quiet machine).
 */
import { createCoach } from '../../src/coach/index.js';
import { customerExtras } from '../../src/coach/learned/customer-reading.js';
import { type Extra, type Features, featuresOf, fnv1a, type NgramSpec, ngrams, slot } from '../../src/coach/learned/hash-features.js';
import { loadModel, probability } from '../../src/coach/learned/model.js';
import { corpusCustomers, type GoEmotion, loadGoEmotions, loadMoveCorpus, loadRulesCustomers } from './data.js';
import { type Example, logCountRatios, quantize, type TrainOptions, trainLogistic } from './logistic.js';
import { figures } from './metrics.js';

const BITS = 17;
const SIZE = 1 << BITS;
// The trainer's customer n-grams, training options and weights of the team's messages.
const SPEC: NgramSpec = { words: 2, chars: [2, 3, 4, 5] };
const OPTIONS: TrainOptions = { epochs: 6, rate: 0.2, l2: 1e-6, seed: 7 };
const RULES_CORPUS_WEIGHT = 10;
const NOW = new Date('2026-03-02T10:00:00Z');
const GRID = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

type Row = { text: string; grams: string[]; extras: Extra[]; labels: Set<string>; angry: boolean; weight: number; go: boolean };
type Sets = { tune: number[]; team: number[]; heldout: number[]; goDev: number[] };

const goTrain = loadGoEmotions('train');
const goDev = loadGoEmotions('dev');
if (!goTrain || !goDev) {
  console.error('GoEmotions train/dev not found (set GOEMOTIONS_DIR).');
  process.exit(1);
}
const rules = createCoach({ learned: false });
function row(text: string, angry: boolean, weight: number, labels?: Set<string>): Row {
  const reading = rules.analyze({ customer: text, now: NOW }).customer;
  if (!reading) throw new Error('no customer reading');
  return { text, grams: ngrams(text, SPEC), extras: customerExtras(reading), labels: labels ?? new Set(), angry, weight, go: !!labels };
}
const fromGo = (g: GoEmotion) => row(g.text, g.angry, 1, g.labels);
const isTune = (g: GoEmotion) => fnv1a(`tune ${g.text}`) % 5 === 0;
const corpus = loadMoveCorpus();
const fit = [
  ...goTrain.filter((g) => !isTune(g)).map(fromGo),
  ...loadRulesCustomers().map((c) => row(c.text, c.angry, RULES_CORPUS_WEIGHT)),
  ...corpusCustomers(corpus.train).map((c) => row(c.text, c.angry, 1)),
];
const measured: Record<keyof Sets, Row[]> = {
  tune: goTrain.filter(isTune).map(fromGo),
  team: corpusCustomers(corpus.dev).map((c) => row(c.text, c.angry, 1)),
  heldout: corpusCustomers(corpus.heldout).map((c) => row(c.text, c.angry, 1)),
  goDev: goDev.map(fromGo),
};
const everyRow = [...fit, ...Object.values(measured).flat()];

/** A row's features: the n-grams that `keep` passes, their counts through `tf`, and the rules' reading. */
function featuresBy(keep: (gram: string) => boolean, tf: (count: number) => number = (c) => c): Map<Row, Features> {
  const out = new Map<Row, Features>();
  for (const r of everyRow) {
    const counts = new Map<number, number>();
    for (const g of r.grams) if (keep(g)) counts.set(slot(g, BITS), (counts.get(slot(g, BITS)) ?? 0) + 1);
    for (const [s, c] of counts) counts.set(s, tf(c));
    out.set(r, featuresOf(counts, BITS, r.extras));
  }
  return out;
}

/** Trains an NB-scaled logistic head as the trainer does and gives the chance it reads in a feature vector. */
function trainHead(examples: Example[], size = SIZE, nb = true, keepScale: number[] = []): (f: Features) => number {
  const featureScale = nb ? logCountRatios(examples, size) : undefined;
  // Dense inputs (the stacked chances) are in every example: their log-count ratio says nothing.
  if (featureScale) for (const s of keepScale) featureScale[s] = 1;
  const trained = trainLogistic(examples, size, featureScale ? { ...OPTIONS, featureScale } : OPTIONS);
  const customer = { h: quantize(trained, 0.5) };
  const model = loadModel({
    format: 1,
    replyBits: 1,
    customerBits: Math.log2(size),
    moves: {},
    customer,
    intensityBlend: 0,
    intensityFloor: false,
    severityRange: [0, 1],
    emotionPolicy: 'model',
    trainedOn: {},
  });
  const head = model.customer.get('h');
  if (!head) throw new Error('no head');
  return (f) => probability(head, f);
}

function measure(features: Map<Row, Features>, p: (f: Features) => number): Sets {
  const at = (rows: Row[]) => rows.map((r) => p(features.get(r) as Features));
  return { tune: at(measured.tune), team: at(measured.team), heldout: at(measured.heldout), goDev: at(measured.goDev) };
}
function train(features: Map<Row, Features>, keepScale: number[] = []): Sets {
  return measure(
    features,
    trainHead(
      fit.map((r) => ({ f: features.get(r) as Features, y: r.angry, weight: r.weight })),
      SIZE,
      true,
      keepScale,
    ),
  );
}

function report(name: string, p: Sets): void {
  const f1 = (set: keyof Sets, t: number) =>
    figures(
      measured[set].map((r) => r.angry),
      p[set].map((x) => x >= t),
    ).f1;
  let best: [number, number] = [0.5, -1];
  for (const t of GRID) {
    const s = (f1('tune', t) + f1('team', t)) / 2;
    if (s > best[1] + 1e-9) best = [t, s];
  }
  const [t] = best;
  const line = [`threshold ${t.toFixed(3)}`, ...(['tune', 'team', 'heldout', 'goDev'] as const).map((k) => `${k} ${f1(k, t).toFixed(3)}`)];
  console.log(`${name.padEnd(34)} ${line.join('  ')}`);
}
const logOdds = (p: number) => Math.log(p / (1 - p));
/** Two heads' chances mixed, or (`inLogOdds`) their log-odds mixed and read back as a chance. */
const averaged = (a: Sets, b: Sets, share = 0.5, inLogOdds = false): Sets => {
  const mix = (x: number[], y: number[]) =>
    x.map((v, i) =>
      inLogOdds ? 1 / (1 + Math.exp(-(share * logOdds(v) + (1 - share) * logOdds(y[i] ?? 0.5)))) : share * v + (1 - share) * (y[i] ?? 0),
    );
  return { tune: mix(a.tune, b.tune), team: mix(a.team, b.team), heldout: mix(a.heldout, b.heldout), goDev: mix(a.goDev, b.goDev) };
};

const isWord = (g: string) => g.startsWith('w ');
const trials: Record<string, () => void> = {
  shipped: () => report('shipped head', train(featuresBy(() => true))),
  'two-heads': () => {
    const words = train(featuresBy(isWord));
    const chars = train(featuresBy((g) => !isWord(g)));
    report('words alone', words);
    report('characters alone', chars);
    const full = train(featuresBy(() => true));
    for (const share of [0.3, 0.5, 0.7]) {
      report(`mean of chances, words ${share}`, averaged(words, chars, share));
      report(`mean of log-odds, words ${share}`, averaged(words, chars, share, true));
    }
    report('mean of chances, full and words', averaged(full, words));
    report('mean of chances, full and characters', averaged(full, chars));
  },
  tf: () => {
    const presence = () => 1;
    const all = () => true;
    report('presence', train(featuresBy(all, presence)));
    report('square root of counts', train(featuresBy(all, Math.sqrt)));
    report('1 + log of counts', train(featuresBy(all, (c) => 1 + Math.log(c))));
    const words = train(featuresBy(isWord, presence));
    const chars = train(featuresBy((g) => !isWord(g), presence));
    report('words and characters on presence, mean', averaged(words, chars));
  },
  stacking: () => {
    const bits = Number(process.env.STACK_BITS ?? 14);
    const mask = (1 << bits) - 1;
    const base = featuresBy(() => true);
    const small = (f: Features): Features => ({ index: f.index.map((i) => i & mask), value: f.value });
    const labels = [...new Set(goTrain.flatMap((g) => [...g.labels]))].filter(Boolean).sort();
    const folds = 3;
    const fold = (r: Row) => fnv1a(`fold ${r.text}`) % folds;
    const goFit = fit.filter((r) => r.go);
    const outOfFold = new Set(goFit);
    // A GoEmotions training comment is read by the label heads of the folds that left it out; every other
    // row (never fitted by a label head) by the mean of the three.
    const chances = new Map<Row, number[]>(everyRow.map((r) => [r, []]));
    for (const label of labels) {
      const sum = new Map<Row, number>();
      for (let k = 0; k < folds; k++) {
        const p = trainHead(
          goFit.filter((r) => fold(r) !== k).map((r) => ({ f: small(base.get(r) as Features), y: r.labels.has(label), weight: 1 })),
          1 << bits,
          false,
        );
        for (const r of everyRow) {
          if (!outOfFold.has(r) || fold(r) === k) sum.set(r, (sum.get(r) ?? 0) + p(small(base.get(r) as Features)));
        }
      }
      for (const r of everyRow) chances.get(r)?.push((sum.get(r) ?? 0) / (outOfFold.has(r) ? 1 : folds));
    }
    const slots = labels.map((l) => slot(`x label ${l}`, BITS));
    for (const [kind, scale] of [
      ['chance', 1],
      ['chance', 3],
      ['log-odds', 0.25],
      ['log-odds', 1],
    ] as const) {
      const stacked = new Map<Row, Features>();
      for (const r of everyRow) {
        const f = base.get(r) as Features;
        const extra = (chances.get(r) ?? []).map((p) => {
          const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
          return scale * (kind === 'chance' ? p : Math.log(q / (1 - q)));
        });
        const index = new Int32Array(f.index.length + extra.length);
        const value = new Float32Array(f.index.length + extra.length);
        index.set(f.index);
        value.set(f.value);
        index.set(slots, f.index.length);
        value.set(extra, f.index.length);
        stacked.set(r, { index, value });
      }
      report(`stacked ${labels.length} labels, ${kind} x${scale}`, train(stacked, slots));
    }
  },
};

const asked = process.argv.slice(2);
for (const name of asked.length ? asked : ['shipped', 'two-heads', 'tf']) {
  const trial = trials[name];
  if (!trial) throw new Error(`unknown trial ${name}; one of ${Object.keys(trials).join(', ')}`);
  trial();
}
