import type { Finding, Move, MoveKind, ProblemKind } from '../domain/coach.js';
import { quote } from './quote.js';

const MAX_SUGGESTIONS = 5;

/** Wording for each problem; `q` is the quoted words that caused it. Written for Defuse in our own words. */
const FOR_PROBLEM: Record<ProblemKind, (q: string) => string> = {
  blame: (q) => `Replace "${q}" with what happens next, e.g. "Let's get the right one to you."`,
  dismissive: (q) => `Drop "${q}" and name the feeling instead, e.g. "I can see why this has been so frustrating."`,
  deflection: (q) =>
    `Instead of "${q}", say what you will do or who will take it on, e.g. "I'll pass this to our billing team and call you by 4pm with their answer."`,
  jargon: (q) => `Say "${q}" in everyday words, or leave it out: the customer should not need our vocabulary.`,
  long_sentence: (q) => `Split the sentence starting "${q}" into two or three shorter ones.`,
  shouting: (q) => `Write "${q}" in normal case with one full stop; capitals and stacked marks read as shouting.`,
};

/** Wording for each missing move, rephrased from the six-tips and five-steps playbooks (domain/playbook-library.ts). */
const FOR_MOVE: Record<MoveKind, string> = {
  empathy: 'Acknowledge how they feel before anything else, e.g. "I can see how frustrating this has been."',
  paraphrase:
    'Show you heard them by summing up their situation, e.g. "So the replacement you were promised last week still hasn\'t arrived."',
  question: 'Ask an open question and let them explain, e.g. "Could you tell me what happened when you came in?"',
  apology: 'Own the mistake in one plain sentence, e.g. "I\'m sorry we let you down on this."',
  reassurance: 'Let them know it is in hand, e.g. "I\'ll stay with this until it\'s fixed."',
  solution: 'Offer something concrete, e.g. "I can send a replacement today or refund you in full. Which would you prefer?"',
  commitment: 'Promise a next step with a time, e.g. "I\'ll call you back tomorrow by 3pm with an update."',
  thanks: 'Close by thanking them, e.g. "Thank you for your patience and for telling us about this."',
};

function firstWords(text: string, span: Finding<ProblemKind>['span']): string {
  const words = text.slice(span[0], span[1]).trim().split(/\s+/);
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : words.join(' ');
}

/** Short wording the employee can adapt: fixes for problems first (tone matters most), then the moves still missing. */
export function suggestFor(
  text: string,
  moves: readonly Move[],
  problems: readonly Finding<ProblemKind>[],
  missing: readonly MoveKind[],
): string[] {
  const out: string[] = [];
  const seen = new Set<ProblemKind>();
  for (const kind of ['blame', 'dismissive', 'deflection', 'shouting', 'jargon', 'long_sentence'] as const) {
    const p = problems.find((f) => f.kind === kind);
    if (!p || seen.has(kind)) continue;
    seen.add(kind);
    out.push(FOR_PROBLEM[kind](kind === 'long_sentence' ? firstWords(text, p.span) : quote(text, p.span, 50)));
  }
  for (const kind of missing) out.push(FOR_MOVE[kind]);
  const untimed = moves.find((m) => m.kind === 'commitment' && !m.due);
  if (untimed && !moves.some((m) => m.kind === 'commitment' && m.due))
    out.push(`Add a time to "${quote(text, untimed.span, 50)}" so they know when to expect it.`);
  return out.slice(0, MAX_SUGGESTIONS);
}
