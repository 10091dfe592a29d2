import { MOVE_KINDS, type Move, type MoveKind, type Span } from '../../domain/coach.js';
import { parseDueTime } from '../due-time.js';
import { OPEN_QUESTION } from '../lexicon.js';
import { byPosition, overlaps } from '../patterns.js';
import type { TextReading } from '../read-text.js';
import { type Extra, type Features, featurize } from './hash-features.js';
import { cues, type LearnedModel, probability } from './model.js';

const OPEN_RE = new RegExp(OPEN_QUESTION.replace(/ /g, String.raw`\s+`).replace(/'/g, "['’]"), 'i');
/** Negation undoes most moves ("I can't call you back", "I'm not sorry"); the model is told where it occurs. */
const NEGATION = /\b(?:not|never|no|cannot|can't|won't|don't|isn't|wasn't|couldn't|wouldn't|didn't)\b|n't\b/i;
/**
 * "I can't call you back", "we won't refund it", "I'm not sorry": a refusal in the first person is
 * never an offer, a promise or an apology, however much of the sentence reads like one.
 */
const REFUSAL =
  /\b(?:i|we)(?:'m| am| are|'re)? (?:not|never|unable)\b|\b(?:i|we) (?:can't|cannot|can not|won't|will not|don't|do not|couldn't|could not)\b/i;
const REFUSABLE: ReadonlySet<MoveKind> = new Set(['solution', 'commitment', 'apology']);
const OPEN_INSIDE = /\b(?:what|how|why|when|where|which|tell me|walk me through|describe|explain)\b/i;

export type ReplySentence = { span: Span; features: Features };

/** The sentence without the spaces and line breaks around it, so a finding underlines words only. */
function trimmed(text: string, [start, end]: Span): Span {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  return [a, b];
}

/**
 * What the model knows about each sentence of a reply besides its words: which moves the rules
 * found in it, where it sits, and how many of the customer's own content words it reuses (a
 * restatement reuses them). The rules' findings are inputs, so the model learns where they can be
 * trusted and adds what they miss.
 */
export function replySentences(
  text: string,
  reading: TextReading,
  ruleMoves: readonly Move[],
  customerContent: ReadonlySet<string> | undefined,
  bits: number,
): ReplySentence[] {
  const last = reading.sentences.length - 1;
  return reading.sentences.map((raw, i) => {
    const span = trimmed(text, raw);
    const extras: Extra[] = [];
    for (const m of ruleMoves) {
      if (!overlaps(m.span, span)) continue;
      extras.push([`rule ${m.kind}`, 1]);
      if (m.kind === 'question') extras.push([m.open ? 'rule open' : 'rule closed', 1]);
    }
    if (NEGATION.test(text.slice(span[0], span[1]).replace(/’/g, "'"))) extras.push(['negation', 1]);
    if (i === 0) extras.push(['first', 1]);
    if (i === last) extras.push(['last', 1]);
    if (!customerContent) extras.push(['no customer', 1]);
    else {
      const shared = new Set((reading.content[i] ?? []).filter((l) => customerContent.has(l))).size;
      extras.push([`shared ${Math.min(shared, 3)}`, 1]);
    }
    return { span, features: featurize(text.slice(span[0], span[1]), bits, extras) };
  });
}

/**
 * A rules' finding of a move whose head has a veto is dropped when every sentence it touches reads
 * unlikely to the model (for paraphrase: reusing the customer's words without restating their problem).
 */
function vetoed(model: LearnedModel, move: Move, sentences: readonly ReplySentence[]): boolean {
  const head = model.moves.get(move.kind);
  if (head?.mode !== 'union' || head.veto === undefined) return false;
  const veto = head.veto;
  const touched = sentences.filter((s) => overlaps(move.span, s.span));
  return touched.length > 0 && touched.every((s) => probability(head, s.features) < veto);
}

/**
 * Adds the moves the model finds in sentences where the rules found none of that kind, after
 * dropping the rules' findings it vetoes. A model
 * finding covers its sentence and carries the n-grams that weighed most, so it still points at words.
 */
export function addLearnedMoves(
  model: LearnedModel,
  text: string,
  reading: TextReading,
  ruleMoves: readonly Move[],
  customerContent: ReadonlySet<string> | undefined,
  now: Date,
  timeZone: string | undefined,
): Move[] {
  const sentences = replySentences(text, reading, ruleMoves, customerContent, model.replyBits);
  const moves = ruleMoves.filter((m) => !vetoed(model, m, sentences));
  for (const { span, features } of sentences) {
    for (const kind of MOVE_KINDS as readonly MoveKind[]) {
      const head = model.moves.get(kind);
      if (head?.mode !== 'union') continue;
      if (ruleMoves.some((m) => m.kind === kind && overlaps(m.span, span))) continue;
      const p = probability(head, features);
      if (p < head.threshold) continue;
      const sentence = text.slice(span[0], span[1]);
      if (REFUSABLE.has(kind) && REFUSAL.test(sentence.replace(/’/g, "'"))) continue;
      const move: Move = { kind, span, model: { probability: Math.round(p * 100) / 100, cues: cues(head, sentence, model.replyBits) } };
      if (kind === 'question') move.open = OPEN_RE.test(sentence) || OPEN_INSIDE.test(sentence);
      if (kind === 'commitment') {
        const due = parseDueTime(sentence, now, timeZone);
        if (due) move.due = due;
      }
      moves.push(move);
    }
  }
  return moves.sort(byPosition);
}
