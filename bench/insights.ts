/**
 * Theme-mining benchmark — our budget (PRODUCT.md): 100,000 narratives mined in ≤ 30 s and ≤ 1.5 GB
 * peak memory on one core; placing one new case: median ≤ 5 ms.
 *
 * What it measures, in this one process (mining is synchronous JavaScript: one core):
 *   - 100,000 narratives from bench/narratives.ts (30 known topics with a long tail of sizes, a second
 *     topic in half of them, background sentences, names, typos), mined by src/insights: time, peak
 *     memory (the process's maximum resident set size just after mining), number of themes, and NMI
 *     against the generating topics;
 *   - the baseline on the same data in the same process: TF-IDF (the same features) + k-means
 *     (k-means++ seeding, 20 Lloyd iterations), told the true number of topics — which our method
 *     has to find by itself;
 *   - placing 2,000 new narratives one at a time into the mined themes: median and p99 latency;
 *   - real text, when DEFUSE_THEMES_EVAL names a JSONL file of {"text","label"} lines (for example
 *     labelled complaints): NMI of both against the labels, the baseline told the number of labels.
 *     Nothing is downloaded and no such data set ships here; without the variable it says so and skips.
 *
 * Run: `npm run bench:insights` (BENCH_INSIGHTS_N to change the corpus size). Exit code 0 even when a
 * budget is missed (this is a report).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mineThemes } from '../src/insights/mine-themes.js';
import { normalizedMutualInformation } from '../src/insights/nmi.js';
import { createPlacer } from '../src/insights/place-document.js';
import { createRandomSource } from '../src/insights/random-source.js';
import { sphericalKMeans } from '../src/insights/spherical-kmeans.js';
import { vectorize } from '../src/insights/tfidf.js';
import { generateNarratives, TOPICS } from './narratives.js';

const N = Number(process.env.BENCH_INSIGHTS_N ?? 100_000);
const PLACEMENTS = 2_000;
const BUDGET = { seconds: 30, peakMb: 1536, placeMedianMs: 5 };

const mb = (kb: number) => Math.round(kb / 1024);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const mark = (ok: boolean) => (ok ? '✓' : '✗ over budget');

/** TF-IDF + k-means with the number of clusters given: the usual first try, and our baseline. */
function baseline(texts: readonly string[], k: number): { labels: number[]; ms: number } {
  const started = performance.now();
  const { matrix, vocabulary } = vectorize(texts);
  const km = sphericalKMeans(matrix, {
    k,
    dims: vocabulary.terms.length,
    random: createRandomSource(7),
    sampleSize: texts.length,
    sampleIterations: 0,
    fullIterations: 20,
  });
  return { labels: Array.from(km.assign), ms: performance.now() - started };
}

function report(name: string, truth: readonly string[], texts: readonly string[], ids: readonly string[]) {
  const started = performance.now();
  const result = mineThemes(ids.map((id, i) => ({ id, kind: 'case' as const, text: texts[i] as string })));
  const ms = performance.now() - started;
  const peakKb = process.resourceUsage().maxRSS;
  const ours = ids.map((id) => result.assignments.get(id)?.theme ?? -1);
  const k = new Set(truth).size;
  const base = baseline(texts, k);
  const nmiOurs = normalizedMutualInformation(truth, ours);
  const nmiBase = normalizedMutualInformation(truth, base.labels);
  console.log(`\n${name}: ${texts.length.toLocaleString('en-US')} texts, ${k} labels`);
  console.log(
    `  ours      ${(ms / 1000).toFixed(1).padStart(6)} s   themes ${String(result.themes.length).padStart(3)} (found by itself)   NMI ${nmiOurs.toFixed(3)}`,
  );
  console.log(
    `  baseline  ${(base.ms / 1000).toFixed(1).padStart(6)} s   k      ${String(k).padStart(3)} (told the truth)     NMI ${nmiBase.toFixed(3)}`,
  );
  console.log(`  ours − baseline: ${(nmiOurs - nmiBase >= 0 ? '+' : '') + (nmiOurs - nmiBase).toFixed(3)} NMI`);
  return { result, ms, peakKb, nmiOurs, nmiBase };
}

console.log(
  `Theme mining benchmark — Node ${process.version}, one thread. Budget: ${N.toLocaleString('en-US')} narratives in ≤ ${BUDGET.seconds} s and ≤ ${BUDGET.peakMb} MB; placement median ≤ ${BUDGET.placeMedianMs} ms.`,
);
const genStarted = performance.now();
const corpus = generateNarratives(N + PLACEMENTS, 2026);
const mined = corpus.slice(0, N);
const held = corpus.slice(N);
const words = mined.reduce((a, n) => a + n.text.split(' ').length, 0) / N;
console.log(
  `generated ${corpus.length.toLocaleString('en-US')} narratives of ${TOPICS.length} topics (mean ${Math.round(words)} words) in ${((performance.now() - genStarted) / 1000).toFixed(1)} s`,
);

const synthetic = report(
  'generated narratives',
  mined.map((n) => n.topic),
  mined.map((n) => n.text),
  mined.map((n) => n.id),
);
console.log(
  `  mining: ${(synthetic.ms / 1000).toFixed(1)} s ${mark(synthetic.ms / 1000 <= BUDGET.seconds)}; peak memory after mining ${mb(synthetic.peakKb)} MB ${mark(mb(synthetic.peakKb) <= BUDGET.peakMb)}`,
);
console.log('  largest themes:');
for (const t of synthetic.result.themes.slice(0, 8)) console.log(`    ${String(t.memberIds.length).padStart(6)}  ${t.label}`);

const placer = createPlacer(
  synthetic.result.model,
  synthetic.result.themes.map((t, i) => ({ id: String(i), centroid: t.centroid, floor: t.floor })),
);
const times: number[] = [];
let placed = 0;
for (const n of held) {
  const started = performance.now();
  if (placer.place(n.text).themeId !== null) placed++;
  times.push(performance.now() - started);
}
const median = pct(times, 0.5);
console.log(
  `\nplacing one new case (${held.length.toLocaleString('en-US')} tries): median ${median.toFixed(3)} ms ${mark(median <= BUDGET.placeMedianMs)}, p99 ${pct(times, 0.99).toFixed(3)} ms; ${Math.round((placed / held.length) * 100)}% placed, the rest wait for the next mine`,
);

const evalPath = process.env.DEFUSE_THEMES_EVAL;
if (!evalPath) {
  console.log('\nreal text: skipped — set DEFUSE_THEMES_EVAL to a JSONL file of {"text","label"} lines to measure NMI on labelled texts.');
} else if (!existsSync(evalPath)) {
  console.log(`\nreal text: skipped — DEFUSE_THEMES_EVAL names ${evalPath}, which does not exist.`);
} else {
  const rows = readFileSync(evalPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text?: unknown; label?: unknown })
    .filter((r): r is { text: string; label: string | number } => typeof r.text === 'string' && r.label !== undefined && r.label !== null);
  report(
    `real text (${evalPath})`,
    rows.map((r) => String(r.label)),
    rows.map((r) => r.text),
    rows.map((_, i) => String(i)),
  );
}
