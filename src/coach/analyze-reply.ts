import type { Finding, Move, MoveKind, ProblemKind, ReplyReading, Span } from '../domain/coach.js';
import { parseDueTime } from './due-time.js';
import { JARGON, MOVES, OPEN_QUESTION, PROBLEMS } from './lexicon.js';
import { addFindings, byPosition, compilePhrases, escapeTerm, matchSpans, overlaps } from './patterns.js';
import type { TextReading } from './read-text.js';
import { scoreReply } from './score.js';
import { findShouting } from './shouting.js';
import { suggestFor } from './suggestions.js';

type PhraseMove = Exclude<MoveKind, 'question'>;
type PhraseProblem = keyof typeof PROBLEMS;

const MOVE_RE = (Object.keys(MOVES) as PhraseMove[]).map((kind) => [kind, compilePhrases(MOVES[kind])] as const);
const PARAPHRASE_RE = compilePhrases(MOVES.paraphrase);
const PROBLEM_RE = (Object.keys(PROBLEMS) as PhraseProblem[]).map((kind) => [kind, compilePhrases(PROBLEMS[kind])] as const);
const OPEN_RE = new RegExp(OPEN_QUESTION.replace(/ /g, String.raw`\s+`).replace(/'/g, "['’]"), 'i');
/** A clause that starts like a question, so the span of a question leaves out the apology before it. */
const QUESTION_START =
  /^(?:what|how|why|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|would|will|shall|should|have|has|had|may|might|tell me|walk me)\b/i;
/** "You can change it in My orders" reuses the customer's words but instructs rather than restates. */
const INSTRUCTION = /^\s*(?:you can|you could|you'll need|you need|you should|you must|please)\b/i;
const SECOND_PERSON = /\b(?:you|your|you're|you've|yours)\b/i;
/** Acronyms in the jargon list match only in capitals, so "mid-week" or "pos" in prose do not count. */
const JARGON_CAPS = new RegExp(String.raw`(?<![\w'’])(?:${JARGON.filter((t) => /^[A-Z0-9&]+$/.test(t)).join('|')})(?![\w'’])`, 'g');
const JARGON_WORDS = compilePhrases(JARGON.filter((t) => !/^[A-Z0-9&]+$/.test(t)));
const GLOSSARY_CACHE = new Map<string, RegExp>();

/** Compiles a workspace glossary once and keeps the last few, since a workspace sends the same list every time. */
function glossaryPattern(glossary: readonly string[]): RegExp | undefined {
  const terms = glossary.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 100);
  if (terms.length === 0) return undefined;
  const key = terms.join('\u0000');
  let re = GLOSSARY_CACHE.get(key);
  if (!re) {
    re = new RegExp(String.raw`(?<![\w'’])(?:${terms.map(escapeTerm).join('|')})(?![\w'’])`, 'gi');
    if (GLOSSARY_CACHE.size >= 32) GLOSSARY_CACHE.delete(GLOSSARY_CACHE.keys().next().value as string);
    GLOSSARY_CACHE.set(key, re);
  }
  return re;
}

export type ReplyContext = {
  now: Date;
  timeZone?: string | undefined;
  expected: readonly MoveKind[];
  glossary: readonly string[];
  maxSentenceWords: number;
  /** Content lemmas of the customer message, when there is one, to recognise a restatement of it. */
  customerContent?: ReadonlySet<string> | undefined;
  /** A second reader of the rules' moves (the learned layer) that may add what they missed. */
  refine?: ((moves: Move[]) => Move[]) | undefined;
};

function sentenceOf(reading: TextReading, at: number): number {
  const i = reading.sentences.findIndex(([start, end]) => at >= start && at < end);
  return i >= 0 ? i : reading.sentences.length - 1;
}

const CLAUSE_END = /[,;:.!?\n—–]|\s(?:and|but|so|because|which|while)\s/g;

/** Where the clause containing `span` ends: the next clause break after it, within its sentence. */
function clauseEnd(text: string, reading: TextReading, span: Span): number {
  const sentence = reading.sentences[sentenceOf(reading, span[0])];
  const limit = sentence ? Math.max(sentence[1], span[1]) : text.length;
  CLAUSE_END.lastIndex = span[1];
  const m = CLAUSE_END.exec(text);
  return m && m.index < limit ? Math.max(span[1], m.index) : limit;
}

function findQuestions(text: string, reading: TextReading): Move[] {
  const moves: Move[] = [];
  for (const [start, end] of reading.sentences) {
    const sentence = text.slice(start, end).replace(/[\s"'’)\]]+$/, '');
    if (!sentence.endsWith('?')) continue;
    // The question is the last clause that opens like one; an apology or greeting before it is not.
    let from = 0;
    const clause = /[,;:—–]\s*|\s-\s/g;
    for (let m = clause.exec(sentence); m; m = clause.exec(sentence)) {
      if (QUESTION_START.test(sentence.slice(m.index + m[0].length))) from = m.index + m[0].length;
    }
    const question = sentence.slice(from);
    moves.push({ kind: 'question', open: OPEN_RE.test(question) || OPEN_RE.test(sentence), span: [start + from, start + sentence.length] });
  }
  return moves;
}

function findParaphrases(text: string, reading: TextReading, others: readonly Move[], customer?: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  // A summary phrase ("so what you're saying is…", "you were told…") marks its sentence as the restatement.
  for (const [phraseStart, phraseEnd] of matchSpans(PARAPHRASE_RE, text)) {
    const sentence = reading.sentences[sentenceOf(reading, phraseStart)];
    const span: Span = sentence ? [Math.min(sentence[0], phraseStart), Math.max(sentence[1], phraseEnd)] : [phraseStart, phraseEnd];
    if (!spans.some((s) => overlaps(s, span))) spans.push(span);
  }
  if (!customer || customer.size === 0) return spans;
  // Without such a phrase, a sentence about "you" that reuses the customer's own content words restates
  // their situation (a summary, which shows we listened), unless it is our offer or promise reusing the same nouns.
  reading.sentences.forEach((span, i) => {
    if (spans.some((s) => overlaps(s, span))) return;
    const shared = new Set((reading.content[i] ?? []).filter((l) => customer.has(l))).size;
    const aboutThem = SECOND_PERSON.test(text.slice(span[0], span[1]));
    const sentence = text.slice(span[0], span[1]);
    const isOffer = others.some((m) => (m.kind === 'solution' || m.kind === 'commitment') && overlaps(m.span, span));
    if (shared >= 2 && aboutThem && !isOffer && !INSTRUCTION.test(sentence)) spans.push(span);
  });
  return spans;
}

function findProblems(text: string, reading: TextReading, ctx: ReplyContext): Finding<ProblemKind>[] {
  const problems: Finding<ProblemKind>[] = [];
  for (const [kind, re] of PROBLEM_RE) addFindings(problems, kind, matchSpans(re, text, kind !== 'deflection'));
  addFindings(problems, 'jargon', matchSpans(JARGON_CAPS, text, false));
  addFindings(problems, 'jargon', matchSpans(JARGON_WORDS, text, false));
  const glossary = glossaryPattern(ctx.glossary);
  if (glossary) addFindings(problems, 'jargon', matchSpans(glossary, text, false));
  for (const { span, words } of reading.punctuated) if (words > ctx.maxSentenceWords) problems.push({ kind: 'long_sentence', span });
  addFindings(problems, 'shouting', findShouting(text));
  return problems.sort(byPosition);
}

const FUTURE_OFFER = /\b(?:will|shall|going to)\b|'ll\b/i;

/**
 * An offer with a time ("I will refund the scarf by Friday") is also a promise with a due time, and
 * a promise kept is what wins an upset customer back, so it is tracked like "I'll call you back tomorrow".
 */
function timedOffers(text: string, reading: TextReading, moves: Move[], now: Date, timeZone: string | undefined): Move[] {
  return moves.flatMap((m) => {
    if (m.kind !== 'solution' || !FUTURE_OFFER.test(text.slice(m.span[0], m.span[1]))) return [];
    if (moves.some((o) => o.kind === 'commitment' && overlaps(o.span, m.span))) return [];
    const sentence = reading.sentences[sentenceOf(reading, m.span[0])];
    const due = parseDueTime(text.slice(m.span[0], sentence ? Math.max(sentence[1], m.span[1]) : text.length), now, timeZone);
    return due ? [{ kind: 'commitment' as const, span: m.span, due }] : [];
  });
}

/** Reads a draft reply: the moves it makes, the problems in it, what the playbook step still needs, and a score with reasons. */
export function analyzeReply(text: string, reading: TextReading, ctx: ReplyContext): ReplyReading {
  const moves: Move[] = findQuestions(text, reading);
  for (const [kind, re] of MOVE_RE) {
    if (kind === 'paraphrase') continue;
    for (const found of matchSpans(re, text)) {
      // An offer or a promise is the whole clause ("I'll call you tomorrow at 3pm"), not just its verb.
      const span: Span = kind === 'solution' || kind === 'commitment' ? [found[0], clauseEnd(text, reading, found)] : found;
      if (moves.some((m) => m.kind === kind && overlaps(m.span, span))) continue;
      const move: Move = { kind, span };
      if (kind === 'commitment') {
        const sentence = reading.sentences[sentenceOf(reading, span[0])];
        const due = parseDueTime(text.slice(span[0], sentence ? Math.max(sentence[1], span[1]) : text.length), ctx.now, ctx.timeZone);
        if (due) move.due = due;
      }
      moves.push(move);
    }
  }
  moves.push(...timedOffers(text, reading, moves, ctx.now, ctx.timeZone));
  for (const span of findParaphrases(text, reading, moves, ctx.customerContent)) moves.push({ kind: 'paraphrase', span });
  moves.sort(byPosition);
  const found = ctx.refine ? ctx.refine(moves) : moves;
  const problems = findProblems(text, reading, ctx);
  const missing = ctx.expected.filter((kind) => !found.some((m) => m.kind === kind));
  const score = scoreReply(text, found, problems, reading);
  return { moves: found, problems, missing, suggestions: suggestFor(text, found, problems, missing), score };
}
