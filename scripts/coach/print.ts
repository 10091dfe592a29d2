/** Tables of figures as `npm run train:coach` and `npm run bench:coach` print them. */
import { MOVE_KINDS } from '../../src/domain/coach.js';
import type { baselineCustomerFigures, CustomerFigures, MoveFigures } from './evaluate.js';
import type { Figures } from './metrics.js';

const f3 = (x: number) => x.toFixed(3);
const pq = (f: Figures) => `${f3(f.p)} ${f3(f.r)} ${f3(f.f1)} ${f3(f.mcc).padStart(6)}`;

export type SplitReport = {
  model: MoveFigures;
  rules: MoveFigures;
  alwaysYes: MoveFigures;
  customers?: { model: CustomerFigures; rules: CustomerFigures; baselines: ReturnType<typeof baselineCustomerFigures> } | undefined;
};

export function printFigures(split: string, r: SplitReport): void {
  console.log(`\n== ${split}: reply moves, sentence by sentence (P R F1 MCC) ==`);
  console.log(`  ${'move'.padEnd(12)} ${'n'.padStart(5)} | learned P     R     F1    MCC | rules only P R F1 MCC        | always yes F1`);
  for (const kind of MOVE_KINDS) {
    const m = r.model[kind] as Figures;
    console.log(
      `  ${kind.padEnd(12)} ${String(m.positives).padStart(5)} | ${pq(m)}  | ${pq(r.rules[kind] as Figures)} | ${f3((r.alwaysYes[kind] as Figures).f1)}`,
    );
  }
  console.log(
    `  macro-F1 (question, paraphrase, empathy, reassurance, solution): learned ${f3(r.model.macro.f1)}, rules ${f3(r.rules.macro.f1)}, always yes ${f3(r.alwaysYes.macro.f1)}`,
  );
  const c = r.customers;
  if (!c) return;
  console.log(`\n== ${split}: customer messages (${c.model.n}) ==`);
  const rows: [string, Figures][] = [
    ['learned coach', c.model.anger],
    ['rules only', c.rules.anger],
    ['always yes', c.baselines.alwaysYes],
    ['VADER negative', c.baselines.vader],
    ['AFINN negative', c.baselines.afinn],
  ];
  console.log('  anger or annoyance   P     R     F1    MCC');
  for (const [name, f] of rows) console.log(`  ${name.padEnd(18)} ${pq(f)}`);
  console.log(`  emotion (7 kinds) accuracy: learned ${f3(c.model.emotionAccuracy)}, rules ${f3(c.rules.emotionAccuracy)}`);
  console.log(
    `  Spearman, intensity vs severity: learned ${f3(c.model.spearman)}, rules ${f3(c.rules.spearman)}, −VADER ${f3(c.baselines.vaderSpearman)}, −AFINN ${f3(c.baselines.afinnSpearman)}`,
  );
}
