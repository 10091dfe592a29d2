import {
  type Finding,
  type Move,
  type ProblemKind,
  type ReplyReading,
  SCORE_WEIGHTS,
  type ScoreItem,
  type ScorePart,
} from '../domain/coach.js';
import { quote } from './quote.js';
import type { TextReading } from './read-text.js';

const WEIGHTS = SCORE_WEIGHTS;
const FURTHER_HELP =
  /\b(?:anything else|let me know if|happy to help|here (?:if|whenever) you need|reach me|reply to this|get in touch if|contact me directly)\b/i;

const item = (value: number, reason: string): ScoreItem => ({ value: Math.max(0, Math.min(100, Math.round(value))), reason });

function empathy(has: (k: Move['kind']) => boolean, dismissive: number): ScoreItem {
  let s: ScoreItem;
  if (has('empathy') && (has('apology') || has('reassurance'))) s = item(100, 'Names how the customer feels and takes ownership.');
  else if (has('empathy')) s = item(80, 'Acknowledges the feeling; an apology or reassurance would complete it.');
  else if (has('apology') || has('reassurance')) s = item(55, 'Apologises or reassures, but never names how the customer feels.');
  else s = item(15, 'Nothing acknowledges how the customer feels.');
  return dismissive > 0 ? item(s.value - 40, `${s.reason} A dismissive phrase works against it.`) : s;
}

function comprehension(moves: readonly Move[]): ScoreItem {
  const paraphrase = moves.some((m) => m.kind === 'paraphrase');
  const open = moves.some((m) => m.kind === 'question' && m.open);
  const closed = moves.some((m) => m.kind === 'question' && !m.open);
  if (paraphrase && open) return item(100, 'Sums up the situation and invites the customer to say more.');
  if (paraphrase) return item(90, "Restates the customer's situation, so they know they were heard.");
  if (open) return item(70, 'Asks an open question; a short summary would also show understanding.');
  if (closed) return item(45, 'Asks only yes/no questions; an open one would let the customer explain.');
  return item(20, 'Neither restates the situation nor asks about it.');
}

function solution(moves: readonly Move[], deflection: number): ScoreItem {
  const offer = moves.some((m) => m.kind === 'solution');
  const timed = moves.some((m) => m.kind === 'commitment' && m.due);
  const promise = moves.some((m) => m.kind === 'commitment');
  let s: ScoreItem;
  if (offer && timed) s = item(100, 'Offers something concrete and says when the next step happens.');
  else if (offer && promise) s = item(85, 'Offers something concrete and a follow-up, but names no time for it.');
  else if (offer) s = item(75, 'Offers something concrete; say when it will happen.');
  else if (timed) s = item(65, 'Promises a timed next step but offers no remedy yet.');
  else if (promise) s = item(45, 'Promises to follow up, without a time or a remedy.');
  else s = item(10, 'Leaves the customer without a concrete next step.');
  return deflection > 0 ? item(s.value - 35, `${s.reason} It also pushes the problem elsewhere.`) : s;
}

const TONE_COST: Partial<Record<ProblemKind, [number, string]>> = {
  blame: [35, 'blames the customer or someone else'],
  dismissive: [35, 'brushes the feeling aside'],
  deflection: [20, 'hands the problem off'],
  shouting: [20, 'reads as shouting'],
};

function tone(text: string, problems: readonly Finding<ProblemKind>[]): ScoreItem {
  let value = 100;
  const notes: string[] = [];
  for (const [kind, [cost, what]] of Object.entries(TONE_COST) as [ProblemKind, [number, string]][]) {
    const found = problems.filter((p) => p.kind === kind);
    const first = found[0];
    if (!first) continue;
    value -= cost * Math.min(found.length, 2);
    notes.push(`${what} ("${quote(text, first.span, 40)}")`);
  }
  return item(value, notes.length ? `The wording ${notes.join(', ')}.` : 'Respectful and calm throughout.');
}

function clarity(text: string, problems: readonly Finding<ProblemKind>[]): ScoreItem {
  const jargon = problems.filter((p) => p.kind === 'jargon');
  const long = problems.filter((p) => p.kind === 'long_sentence');
  const notes: string[] = [];
  if (jargon[0]) notes.push(`uses jargon ("${quote(text, jargon[0].span, 30)}")`);
  if (long.length) notes.push(`has ${long.length} over-long sentence${long.length > 1 ? 's' : ''}`);
  return item(
    100 - 15 * Math.min(jargon.length, 4) - 20 * Math.min(long.length, 3),
    notes.length ? `The reply ${notes.join(' and ')}.` : 'Plain words in sentences of a readable length.',
  );
}

function closing(text: string, moves: readonly Move[], reading: TextReading): ScoreItem {
  // The close is the last two sentences: where a customer looks for "what now".
  const last = reading.sentences.slice(-2);
  const from = last[0]?.[0] ?? 0;
  const inClose = (kind: Move['kind']) => moves.some((m) => m.kind === kind && m.span[1] > from);
  if (inClose('thanks')) return item(100, 'Ends by thanking the customer.');
  if (moves.some((m) => m.kind === 'commitment' && m.due && m.span[1] > from))
    return item(85, 'Ends with a timed next step; a thank-you would round it off.');
  if (FURTHER_HELP.test(text.slice(from))) return item(75, 'Ends by offering further help; a thank-you would round it off.');
  if (inClose('commitment') || inClose('solution')) return item(60, 'Ends on the next step, without thanks.');
  return item(30, 'Ends without thanks or a clear next step.');
}

/** Scores a reply 0–100 in six parts, each with the reason a supervisor would give (like a QA rubric, but explained). */
export function scoreReply(
  text: string,
  moves: readonly Move[],
  problems: readonly Finding<ProblemKind>[],
  reading: TextReading,
): ReplyReading['score'] {
  const has = (kind: Move['kind']) => moves.some((m) => m.kind === kind);
  const count = (kind: ProblemKind) => problems.filter((p) => p.kind === kind).length;
  const parts: Record<ScorePart, ScoreItem> = {
    empathy: empathy(has, count('dismissive')),
    comprehension: comprehension(moves),
    solution: solution(moves, count('deflection')),
    tone: tone(text, problems),
    clarity: clarity(text, problems),
    closing: closing(text, moves, reading),
  };
  let total = 0;
  for (const part of Object.keys(WEIGHTS) as ScorePart[]) total += parts[part].value * WEIGHTS[part];
  return { total: Math.round(total / 100), parts };
}
