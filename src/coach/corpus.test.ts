import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCoach } from './coach.js';

/**
 * Per-label precision and recall over the team's labelled corpus (test/fixtures/coach/). The floors
 * are set a little below what the coach achieves today; raise them when it improves, never lower
 * them to make a change pass.
 */
type CustomerItem = { text: string; emotion: string; escalation: string[]; wants: string[]; source?: string };
type ReplyItem = { text: string; customer?: string; glossary?: string[]; moves: string[]; problems: string[]; source?: string };

const DIR = new URL('../../test/fixtures/coach/', import.meta.url);
function load<T>(prefix: string): T[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.jsonl') && f.replace(/^composed-/, '').startsWith(prefix))
    .flatMap((f) =>
      readFileSync(new URL(f, DIR), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as T),
    );
}

type Counts = { tp: number; fp: number; fn: number; tpHand: number; fnHand: number };
const tally = new Map<string, Counts>();
function count(label: string, expected: boolean, actual: boolean, hand: boolean): void {
  const c = tally.get(label) ?? { tp: 0, fp: 0, fn: 0, tpHand: 0, fnHand: 0 };
  if (expected && actual) {
    c.tp++;
    if (hand) c.tpHand++;
  } else if (actual) c.fp++;
  else if (expected) {
    c.fn++;
    if (hand) c.fnHand++;
  }
  tally.set(label, c);
}
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Floors: [precision, recall] per label, set from measured figures minus a small margin. */
const FLOORS: Record<string, [number, number]> = {
  'emotion:anger': [0.9, 0.75],
  'emotion:frustration': [0.75, 0.75],
  'emotion:disappointment': [0.95, 0.8],
  'emotion:anxiety': [0.85, 0.85],
  'emotion:confusion': [0.85, 0.85],
  'emotion:gratitude': [0.85, 0.85],
  'emotion:neutral': [0.7, 0.85],
  'escalation:leave': [0.95, 0.8],
  'escalation:review': [0.95, 0.95],
  'escalation:legal': [0.95, 0.95],
  'escalation:media': [0.95, 0.75],
  'escalation:manager': [0.9, 0.95],
  'escalation:repeat_contact': [0.9, 0.85],
  'wants:refund': [0.95, 0.8],
  'wants:replacement': [0.95, 0.85],
  'wants:apology': [0.95, 0.75],
  'wants:explanation': [0.85, 0.7],
  'wants:callback': [0.95, 0.9],
  'wants:escalation': [0.9, 0.95],
  'moves:question_open': [0.95, 0.95],
  'moves:question_closed': [0.95, 0.95],
  'moves:paraphrase': [0.8, 0.65],
  'moves:empathy': [0.9, 0.9],
  'moves:apology': [0.95, 0.9],
  'moves:reassurance': [0.95, 0.95],
  'moves:solution': [0.95, 0.9],
  'moves:commitment': [0.9, 0.9],
  'moves:thanks': [0.95, 0.95],
  'problems:blame': [0.95, 0.95],
  'problems:dismissive': [0.95, 0.95],
  'problems:deflection': [0.95, 0.95],
  'problems:jargon': [0.95, 0.95],
  'problems:long_sentence': [0.95, 0.95],
  'problems:shouting': [0.95, 0.85],
};

describe('coach corpus', () => {
  const coach = createCoach();
  const customers = load<CustomerItem>('customers');
  const replies = load<ReplyItem>('replies');
  const now = new Date('2026-03-02T10:00:00Z');

  for (const item of customers) {
    const got = coach.analyze({ customer: item.text, now }).customer;
    const hand = item.source !== 'composed';
    for (const e of ['anger', 'frustration', 'disappointment', 'anxiety', 'confusion', 'gratitude', 'neutral'])
      count(`emotion:${e}`, item.emotion === e, got?.emotion === e, hand);
    for (const k of ['leave', 'review', 'legal', 'media', 'manager', 'repeat_contact'])
      count(`escalation:${k}`, item.escalation.includes(k), !!got?.escalation.some((f) => f.kind === k), hand);
    for (const k of ['refund', 'replacement', 'apology', 'explanation', 'callback', 'escalation'])
      count(`wants:${k}`, item.wants.includes(k), !!got?.wants.some((f) => f.kind === k), hand);
  }
  for (const item of replies) {
    const got = coach.analyze({ reply: item.text, customer: item.customer, glossary: item.glossary, now }).reply;
    const hand = item.source !== 'composed';
    const moves = new Set((got?.moves ?? []).map((m) => (m.kind === 'question' ? `question_${m.open ? 'open' : 'closed'}` : m.kind)));
    for (const k of [
      'question_open',
      'question_closed',
      'paraphrase',
      'empathy',
      'apology',
      'reassurance',
      'solution',
      'commitment',
      'thanks',
    ])
      count(`moves:${k}`, item.moves.includes(k), moves.has(k), hand);
    const problems = new Set<string>((got?.problems ?? []).map((p) => p.kind));
    for (const k of ['blame', 'dismissive', 'deflection', 'jargon', 'long_sentence', 'shouting'])
      count(`problems:${k}`, item.problems.includes(k), problems.has(k), hand);
  }

  it('has at least 400 customer messages and 400 replies, covering every label', () => {
    expect(customers.length).toBeGreaterThanOrEqual(400);
    expect(replies.length).toBeGreaterThanOrEqual(400);
    for (const [label, c] of tally) expect(c.tp + c.fn, `no example of ${label}`).toBeGreaterThan(0);
  });

  it('meets the per-label precision and recall floors', () => {
    const rows = [...tally].map(([label, c]) => {
      const p = ratio(c.tp, c.tp + c.fp);
      const r = ratio(c.tp, c.tp + c.fn);
      const rHand = ratio(c.tpHand, c.tpHand + c.fnHand);
      return { label, n: c.tp + c.fn, p, r, rHand };
    });
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
    console.log(
      [
        'label                        n   prec  recall  recall(hand-written)',
        ...rows.map((r) => `${r.label.padEnd(26)} ${String(r.n).padStart(4)} ${pct(r.p)} ${pct(r.r)}  ${pct(r.rHand)}`),
      ].join('\n'),
    );
    const misses = rows.flatMap(({ label, p, r }) => {
      const [minP, minR] = FLOORS[label] ?? [1, 1];
      return p < minP || r < minR ? [`${label}: precision ${p.toFixed(2)} (floor ${minP}), recall ${r.toFixed(2)} (floor ${minR})`] : [];
    });
    expect(misses).toEqual([]);
  });
});
