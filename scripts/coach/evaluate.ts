/** Measures a coach (learned or rules only) and the baselines on the move corpus, its customers and GoEmotions dev. */
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import type { Coach } from '../../src/coach/index.js';
import { MOVE_KINDS } from '../../src/domain/coach.js';
import { type CorpusReply, type CustomerExample, type GoEmotion, replyText } from './data.js';
import { type Figures, figures, spearman } from './metrics.js';

/** The moves the issue's own evaluation averages over (the ones the rules miss most in text by others). */
export const MACRO_MOVES = ['question', 'paraphrase', 'empathy', 'reassurance', 'solution'] as const;
const NOW = new Date('2026-03-02T10:00:00Z');

export type MoveFigures = Record<string, Figures> & { macro: { f1: number } };

const overlapping = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Sentence by sentence: a sentence has a move when a finding of that kind overlaps it. */
export function moveTruthAndPredictions(coach: Coach | undefined, replies: readonly CorpusReply[]) {
  const truth: Record<string, boolean[]> = {};
  const said: Record<string, boolean[]> = {};
  for (const kind of MOVE_KINDS) {
    truth[kind] = [];
    said[kind] = [];
  }
  for (const reply of replies) {
    const { text, spans } = replyText(reply);
    const moves = coach?.analyze({ reply: text, customer: reply.customer?.text, now: NOW }).reply?.moves ?? [];
    reply.sentences.forEach((s, i) => {
      const span = spans[i] as [number, number];
      for (const kind of MOVE_KINDS) {
        truth[kind]?.push(s.moves.includes(kind));
        said[kind]?.push(coach ? moves.some((m) => m.kind === kind && overlapping(m.span, span)) : true);
      }
    });
  }
  return { truth, said };
}

export function moveFigures(coach: Coach | undefined, replies: readonly CorpusReply[]): MoveFigures {
  const { truth, said } = moveTruthAndPredictions(coach, replies);
  const out: Record<string, Figures> = {};
  for (const kind of MOVE_KINDS) out[kind] = figures(truth[kind] ?? [], said[kind] ?? []);
  const macro = MACRO_MOVES.reduce((s, k) => s + (out[k]?.f1 ?? 0), 0) / MACRO_MOVES.length;
  return Object.assign(out, { macro: { f1: macro } }) as MoveFigures;
}

export type CustomerFigures = { anger: Figures; emotionAccuracy: number; spearman: number; n: number };

export function customerFigures(coach: Coach, customers: readonly CustomerExample[]): CustomerFigures {
  const read = customers.map((c) => coach.analyze({ customer: c.text, now: NOW }).customer);
  const withSeverity = customers.flatMap((c, i) => (c.severity === undefined ? [] : [[c.severity, read[i]?.intensity ?? 0] as const]));
  return {
    n: customers.length,
    anger: figures(
      customers.map((c) => c.angry),
      read.map((r) => r?.emotion === 'anger' || r?.emotion === 'frustration'),
    ),
    emotionAccuracy: customers.filter((c, i) => c.emotion === read[i]?.emotion).length / Math.max(1, customers.length),
    spearman: spearman(
      withSeverity.map(([s]) => s),
      withSeverity.map(([, x]) => x),
    ),
  };
}

/** The sentiment baselines: negative means angry or annoyed, and the more negative the more serious. */
export function baselineCustomerFigures(customers: readonly { text: string; angry: boolean; severity?: number }[]) {
  const afinn = new Sentiment();
  const v = customers.map((c) => vader.SentimentIntensityAnalyzer.polarity_scores(c.text).compound);
  const a = customers.map((c) => afinn.analyze(c.text).score);
  const truth = customers.map((c) => c.angry);
  const sev = customers.flatMap((c, i) => (c.severity === undefined ? [] : [i]));
  return {
    alwaysYes: figures(
      truth,
      truth.map(() => true),
    ),
    vader: figures(
      truth,
      v.map((x) => x <= -0.05),
    ),
    afinn: figures(
      truth,
      a.map((x) => x < 0),
    ),
    vaderSpearman: spearman(
      sev.map((i) => customers[i]?.severity ?? 0),
      sev.map((i) => -(v[i] ?? 0)),
    ),
    afinnSpearman: spearman(
      sev.map((i) => customers[i]?.severity ?? 0),
      sev.map((i) => -(a[i] ?? 0)),
    ),
  };
}

export function goEmotionsAnger(coach: Coach, rows: readonly GoEmotion[]): Figures {
  return figures(
    rows.map((r) => r.angry),
    rows.map((r) => {
      const e = coach.analyze({ customer: r.text, now: NOW }).customer?.emotion;
      return e === 'anger' || e === 'frustration';
    }),
  );
}
