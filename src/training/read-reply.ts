import type { ReplyReading, Span } from '../domain/coach.js';
import type { Signal } from '../domain/training.js';
import { contentWords, likeness, normalise, sentenceAt, wordCount } from './words.js';

/** One thing a reply did, with the words that did it. */
export type SignalHit = { signal: Signal; span?: Span; count?: number };

export type ReadContext = {
  /** Content words of everything the customer has said so far. */
  heard: ReadonlySet<string>;
  /** Normalised empathy sentences the employee has already used in this session. */
  empathyLines: readonly string[];
  /** The customer has had their say, so a solution now lands. */
  ventDone: boolean;
  /** Replies longer than this count as a long reply (a customer who interrupts cuts in). */
  longReplyWords: number;
};

export type ReplyRead = {
  hits: SignalHit[];
  /** Empathy sentences this reply adds (normalised), to recognise them when said again. */
  newEmpathyLines: string[];
  /** The reply let the customer go on: no solution, nothing hostile. */
  listening: boolean;
  words: number;
};

/** Reassurance that is only a promise: "I promise", "you have my word". */
const OATH = /\b(?:promise|my word)\b/i;

/** Two sentences this alike are the same line said again. */
const SAME_LINE = 0.75;

const has = (hits: readonly SignalHit[], s: Signal) => hits.some((h) => h.signal === s);

/**
 * Reads the coach's findings on a practice reply as the simulated customer hears them. The coach says
 * which moves a reply makes; the customer also cares whether the empathy is about *their* problem,
 * whether it is the same line again, whether a solution comes before they have said what is wrong,
 * and whether a promise has a time on it.
 */
export function readReply(text: string, reading: ReplyReading, ctx: ReadContext): ReplyRead {
  const hits: SignalHit[] = [];
  const moves = reading.moves;
  const move = (kind: string) => moves.find((m) => m.kind === kind);
  const paraphrase = move('paraphrase');
  const replyWords = contentWords(text);
  const sharedWithReply = [...replyWords].filter((w) => ctx.heard.has(w)).length;

  // Empathy: fresh and about what happened calms; generic sympathy barely does; the same line again does nothing.
  const newEmpathyLines: string[] = [];
  let fresh: Span | undefined;
  let generic: Span | undefined;
  let repeated: Span | undefined;
  for (const m of moves.filter((x) => x.kind === 'empathy')) {
    const sentence = sentenceAt(text, m.span[0]);
    const line = normalise(sentence);
    const seen = [...ctx.empathyLines, ...newEmpathyLines].some((l) => l === line || likeness(l, line) >= SAME_LINE);
    if (seen) {
      repeated ??= m.span;
      continue;
    }
    newEmpathyLines.push(line);
    const aboutThem = [...contentWords(sentence)].some((w) => ctx.heard.has(w)) || paraphrase !== undefined || sharedWithReply >= 1;
    if (aboutThem) fresh ??= m.span;
    else generic ??= m.span;
  }
  if (fresh) hits.push({ signal: 'empathy', span: fresh });
  else if (generic) hits.push({ signal: 'generic_empathy', span: generic });
  else if (repeated) hits.push({ signal: 'repeated_empathy', span: repeated });

  const apology = move('apology');
  if (apology) hits.push({ signal: 'apology', span: apology.span });
  if (paraphrase) hits.push({ signal: 'paraphrase', span: paraphrase.span });
  const open = moves.find((m) => m.kind === 'question' && m.open);
  const closed = moves.find((m) => m.kind === 'question' && !m.open);
  if (open) hits.push({ signal: 'open_question', span: open.span });
  else if (closed) hits.push({ signal: 'closed_question', span: closed.span });

  const solution = move('solution');
  if (solution) hits.push({ signal: ctx.ventDone ? 'solution' : 'early_solution', span: solution.span });
  const timed = moves.find((m) => m.kind === 'commitment' && m.due);
  const vague = moves.find((m) => m.kind === 'commitment' && !m.due);
  const reassurance = move('reassurance');
  // "I promise" with nothing concrete beside it is the emptiest promise of all.
  const bareOath = reassurance && OATH.test(text.slice(reassurance.span[0], reassurance.span[1])) ? reassurance : undefined;
  if (timed) hits.push({ signal: 'commitment_timed', span: timed.span });
  else if ((vague || bareOath) && !solution) hits.push({ signal: 'empty_promise', span: (vague ?? bareOath)?.span as Span });
  if (reassurance && !(bareOath && !timed && !solution)) hits.push({ signal: 'reassurance', span: reassurance.span });
  const thanks = move('thanks');
  if (thanks) hits.push({ signal: 'thanks', span: thanks.span });

  for (const kind of ['blame', 'dismissive', 'deflection', 'jargon', 'shouting'] as const) {
    const found = reading.problems.filter((p) => p.kind === kind);
    const first = found[0];
    if (first) hits.push({ signal: kind, span: first.span, count: found.length });
  }
  const words = wordCount(text);
  const longSentence = reading.problems.find((p) => p.kind === 'long_sentence');
  if (words > ctx.longReplyWords || longSentence) hits.push({ signal: 'long_reply', ...(longSentence ? { span: longSentence.span } : {}) });
  if (moves.length === 0 && reading.problems.length === 0) hits.push({ signal: 'nothing' });

  const hostile = has(hits, 'blame') || has(hits, 'dismissive') || has(hits, 'deflection') || has(hits, 'shouting');
  return { hits, newEmpathyLines, listening: !solution && !hostile, words };
}
