import {
  DEFAULT_EXPECTED_MOVES,
  type MoveKind,
  type ReplyReading,
  SCORE_PARTS,
  SCORE_WEIGHTS,
  type ScoreItem,
  type ScorePart,
  type Span,
} from '../domain/coach.js';
import type { Playbook, PlaybookStep } from '../domain/playbook.js';
import type { Difficulty, MoodState, Need, PracticeOutcome, Scenario, Signal } from '../domain/training.js';
import { DIFFICULTY_RULES, type MoodEffect, type MoodHistory, moodFor, nextHeat, startHeat } from './mood.js';
import { LEAVE_THREATS, REACTIONS, type ReactionKind } from './reactions.js';
import { readReply, type SignalHit } from './read-reply.js';
import { seededRandom } from './seeded-random.js';
import { clip, contentWords, findPhrase, sentenceAt } from './words.js';

/*
 * A practice session, turn by turn: the customer opens, the employee replies, the coach reads the
 * reply, the mood moves, and the customer answers with a line of their persona for the new mood,
 * chosen with the session's seed (so the same seed and replies replay word for word). Pure: the
 * service stores the state between turns and supplies the coach's reading.
 */

export type PracticeState = {
  seed: number;
  difficulty: Difficulty;
  heat: number;
  mood: MoodState;
  startMood: MoodState;
  /** Everything the customer has said, in order (the opening first). */
  customerLines: string[];
  vented: number;
  ventNeeded: number;
  turns: number;
  /** Index of the playbook step being worked on; steps.length when every step is done. */
  stepIndex: number;
  met: Need[];
  /** Labels of the must-say rules said so far. */
  said: string[];
  empathyLines: string[];
  history: Omit<MoodHistory, 'ventDone'>;
  /** Which lines of each pool have been said, so they are not repeated before the pool is used up. */
  used: Record<string, number[]>;
  abusiveSeen: boolean;
  status: 'active' | 'finished';
  outcome: PracticeOutcome | null;
  /** Set when the employee ended the session: under the abuse policy, was it right? */
  abusePolicyRight: boolean | null;
  endNote: string | null;
};

export type StepView = {
  key: string;
  title: string;
  goal: string;
  wants: MoveKind[];
  made: MoveKind[];
  missing: MoveKind[];
  done: boolean;
};

export type TurnNoteKind =
  | 'early_solution'
  | 'generic_empathy'
  | 'repeated_empathy'
  | 'empty_promise'
  | 'never_say'
  | 'must_say'
  | 'interrupted'
  | 'trigger';
export type TurnNote = { kind: TurnNoteKind; text: string; span?: Span };

export type PracticeTurn = {
  n: number;
  reply: string;
  reading: ReplyReading;
  step: StepView | null;
  signals: Signal[];
  effects: MoodEffect[];
  heatBefore: number;
  heatAfter: number;
  moodBefore: MoodState;
  moodAfter: MoodState;
  notes: TurnNote[];
  /** What the customer said back (their last line when the session ended on this turn). */
  customer: string;
};

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

/**
 * The steps the conversation practises, in the scenario's order: those the scenario names that the
 * playbook has and that expect moves of a reply (checking a policy or handing over happen off the conversation).
 */
export function practisedSteps(scenario: Pick<Scenario, 'steps'>, playbook: Playbook): PlaybookStep[] {
  return scenario.steps.flatMap((key) => {
    const step = playbook.steps.find((s) => s.key === key);
    return step && (step.expectedMoves ?? []).length > 0 ? [step] : [];
  });
}

export function currentStep(
  scenario: Pick<Scenario, 'steps'>,
  playbook: Playbook,
  state: Pick<PracticeState, 'stepIndex'>,
): PlaybookStep | undefined {
  return practisedSteps(scenario, playbook)[state.stepIndex];
}

/** What the coach is told the current step expects (the playbook default once every step is done). */
export function expectedMovesNow(
  scenario: Pick<Scenario, 'steps'>,
  playbook: Playbook,
  state: Pick<PracticeState, 'stepIndex'>,
): readonly MoveKind[] {
  return currentStep(scenario, playbook, state)?.expectedMoves ?? DEFAULT_EXPECTED_MOVES;
}

function stepView(step: PlaybookStep, made: ReadonlySet<MoveKind>): StepView {
  const wants = step.expectedMoves ?? [];
  const hit = wants.filter((m) => made.has(m));
  const missing = wants.filter((m) => !made.has(m));
  return { key: step.key, title: step.title, goal: step.goal, wants, made: hit, missing, done: missing.length === 0 };
}

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

function hashKey(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A line of a pool not said yet in this session (the pool starts over once used up), by the seed and turn. */
function pickLine(state: PracticeState, pool: readonly string[], key: string, turn: number): string {
  if (pool.length === 0) return '';
  const used = new Set(state.used[key] ?? []);
  let candidates = pool.map((_, i) => i).filter((i) => !used.has(i));
  if (candidates.length === 0) {
    used.clear();
    candidates = pool.map((_, i) => i);
  }
  const i = seededRandom(state.seed, turn, hashKey(key)).pick(candidates);
  used.add(i);
  state.used[key] = [...used].sort((a, b) => a - b);
  return pool[i] as string;
}

function moodLines(scenario: Scenario, mood: MoodState): readonly string[] {
  const lines = scenario.persona.lines;
  if (mood === 'abusive') return lines.abusive?.length ? lines.abusive : lines.hostile;
  return lines[mood];
}

/** The reaction to the most telling thing the reply did, if anything stood out. */
function reactionFor(hits: readonly SignalHit[], history: PracticeState['history'], ventDone: boolean): ReactionKind | undefined {
  const has = (s: Signal) => hits.some((h) => h.signal === s);
  if (has('dismissive')) return 'dismissive';
  if (has('blame')) return 'blame';
  if (has('shouting')) return 'shouting';
  if (has('deflection')) return 'deflection';
  if (has('early_solution')) return 'early_solution';
  if (has('repeated_empathy') && history.repeatedEmpathy >= 1) return 'repeated_empathy';
  if (has('empty_promise')) return 'empty_promise';
  if (has('jargon')) return 'jargon';
  if (has('generic_empathy') && !ventDone) return 'generic_empathy';
  if (has('paraphrase') && !has('solution')) return 'confirmed';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Session
// ---------------------------------------------------------------------------------------------

/** A new session: the customer's mood at the start and their opening line. */
export function startPractice(scenario: Scenario, difficulty: Difficulty, seed: number): PracticeState {
  const persona = scenario.persona;
  const heat = startHeat(persona, difficulty);
  const state: PracticeState = {
    seed,
    difficulty,
    heat,
    mood: moodFor(heat, persona),
    startMood: persona.startMood,
    customerLines: [],
    vented: 0,
    ventNeeded: persona.ventTurns + (persona.ventTurns > 0 ? DIFFICULTY_RULES[difficulty].extraVent : 0),
    turns: 0,
    stepIndex: 0,
    met: [],
    said: [],
    empathyLines: [],
    history: { apologies: 0, paraphrases: 0, timedCommitments: 0, repeatedEmpathy: 0 },
    used: {},
    abusiveSeen: moodFor(heat, persona) === 'abusive',
    status: 'active',
    outcome: null,
    abusePolicyRight: null,
    endNote: null,
  };
  state.customerLines.push(pickLine(state, persona.lines.opening, 'opening', 0));
  return state;
}

/** Everything the customer has said so far, as the coach reads it (to recognise a summary of it). */
export const customerSoFar = (state: Pick<PracticeState, 'customerLines'>): string => state.customerLines.join('\n');

const NEED_OF: Partial<Record<Signal, Need>> = {
  empathy: 'empathy',
  apology: 'apology',
  paraphrase: 'paraphrase',
  open_question: 'open_question',
  solution: 'solution',
  commitment_timed: 'commitment_timed',
  reassurance: 'reassurance',
  thanks: 'thanks',
};

function isSatisfied(scenario: Scenario, state: PracticeState): boolean {
  if (scenario.goal.abusePolicyIsRight) return false;
  if (state.heat > scenario.goal.calmAt || state.vented < state.ventNeeded) return false;
  if (!scenario.goal.needs.every((n) => state.met.includes(n))) return false;
  return scenario.rubric.mustSay.every((r) => state.said.includes(r.label));
}

/** Plays one reply. Throws when the session has already ended. */
export function playTurn(
  scenario: Scenario,
  playbook: Playbook,
  before: PracticeState,
  reply: string,
  reading: ReplyReading,
): { state: PracticeState; turn: PracticeTurn } {
  if (before.status !== 'active') throw new Error('the practice session has ended');
  const state: PracticeState = structuredClone(before);
  const persona = scenario.persona;
  const rules = DIFFICULTY_RULES[state.difficulty];
  const n = state.turns + 1;
  const ventDone = state.vented >= state.ventNeeded;
  // The customer reacts to what the explained rules find: their reactions were tuned on those
  // findings, and a learned guess should not sway a customer for a reason the learner cannot see.
  const ruled: ReplyReading = { ...reading, moves: reading.moves.filter((m) => m.model === undefined) };
  const read = readReply(reply, ruled, {
    heard: contentWords(customerSoFar(state)),
    empathyLines: state.empathyLines,
    ventDone,
    longReplyWords: rules.longReplyWords,
  });
  const hits = read.hits;
  const has = (s: Signal) => hits.some((h) => h.signal === s);
  const spanOf = (s: Signal) => hits.find((h) => h.signal === s)?.span;

  // The mood moves.
  const moodBefore = state.mood;
  const heatBefore = state.heat;
  const { heat, effects } = nextHeat({
    heat: state.heat,
    text: reply,
    hits,
    persona,
    difficulty: state.difficulty,
    history: { ...state.history, ventDone },
  });
  state.heat = heat;
  state.mood = moodFor(heat, persona);
  if (state.mood === 'abusive') state.abusiveSeen = true;

  // What the reply achieved, for the goal and the rubric.
  const notes: TurnNote[] = [];
  for (const { signal } of hits) {
    const need = NEED_OF[signal];
    if (need && !state.met.includes(need)) state.met.push(need);
  }
  for (const rule of scenario.rubric.mustSay) {
    if (state.said.includes(rule.label)) continue;
    const at = findPhrase(reply, rule.phrases);
    if (at) {
      state.said.push(rule.label);
      notes.push({ kind: 'must_say', text: `Said: ${rule.label}`, span: at });
    }
  }
  for (const rule of scenario.rubric.neverSay) {
    const at = findPhrase(reply, rule.phrases, true);
    if (at) notes.push({ kind: 'never_say', text: `${rule.label}: ${rule.why}`, span: at });
  }
  const early = spanOf('early_solution');
  if (early)
    notes.push({ kind: 'early_solution', text: 'A fix before the customer had said what was wrong. Let them vent first.', span: early });
  const generic = spanOf('generic_empathy');
  if (generic)
    notes.push({ kind: 'generic_empathy', text: 'This sympathy names nothing they told you, so it counts for little.', span: generic });
  const repeated = spanOf('repeated_empathy');
  if (repeated) notes.push({ kind: 'repeated_empathy', text: 'The same sympathy line as before: it no longer calms.', span: repeated });
  const empty = spanOf('empty_promise');
  if (empty)
    notes.push({ kind: 'empty_promise', text: 'A promise without a time or a remedy sounds empty. Say what, and by when.', span: empty });
  const interrupted = state.difficulty === 'interrupts' && has('long_reply');
  if (interrupted) notes.push({ kind: 'interrupted', text: 'The customer cut in: keep replies short with someone who interrupts.' });

  // Venting, counters, empathy lines.
  if (read.listening && state.vented < state.ventNeeded) state.vented += 1;
  if (has('apology')) state.history.apologies += 1;
  if (has('paraphrase')) state.history.paraphrases += 1;
  if (has('commitment_timed')) state.history.timedCommitments += 1;
  const reaction = reactionFor(hits, state.history, ventDone);
  if (has('repeated_empathy')) state.history.repeatedEmpathy += 1;
  state.empathyLines.push(...read.newEmpathyLines);

  // The playbook step: shown as it stood before the reply; once its moves are all made, the next step is current.
  const steps = practisedSteps(scenario, playbook);
  const madeMoves = new Set(reading.moves.map((m) => m.kind));
  const stepNow = steps[state.stepIndex];
  const step = stepNow ? stepView(stepNow, madeMoves) : null;
  if (step?.done) state.stepIndex += 1;

  state.turns = n;
  let customer: string;
  if (isSatisfied(scenario, state)) {
    state.status = 'finished';
    state.outcome = 'satisfied';
    customer = pickLine(state, persona.lines.satisfied, 'satisfied', n);
  } else if (state.heat >= rules.walkAwayAt || n >= rules.maxTurns) {
    state.status = 'finished';
    state.outcome = 'walked_away';
    customer = pickLine(state, persona.lines.walkAway, 'walkAway', n);
  } else {
    const stillVenting = state.vented < state.ventNeeded || (!ventDone && state.vented === state.ventNeeded && read.listening);
    const body =
      stillVenting && (state.mood === 'calm' || state.mood === 'frustrated' || state.mood === 'angry')
        ? pickLine(state, persona.lines.vent, 'vent', n)
        : pickLine(state, moodLines(scenario, state.mood), `mood:${state.mood}`, n);
    const parts: string[] = [];
    if (interrupted) parts.push(pickLine(state, REACTIONS.interrupted, 'react:interrupted', n));
    if (reaction) parts.push(pickLine(state, REACTIONS[reaction], `react:${reaction}`, n));
    parts.push(body);
    const angryNow = state.mood === 'angry' || state.mood === 'hostile';
    if (state.difficulty === 'threatens_to_leave' && angryNow && seededRandom(state.seed, n, 7).chance(0.6)) {
      parts.push(pickLine(state, LEAVE_THREATS, 'leave', n));
    }
    customer = parts.join(' ');
  }
  state.customerLines.push(customer);

  return {
    state,
    turn: {
      n,
      reply,
      reading,
      step,
      signals: hits.map((h) => h.signal),
      effects,
      heatBefore,
      heatAfter: state.heat,
      moodBefore,
      moodAfter: state.mood,
      notes,
      customer,
    },
  };
}

/**
 * The employee ends the session: under the abuse policy (right only when the customer is abusive,
 * or was and is still hostile) or simply stops.
 */
export function endPractice(before: PracticeState, how: 'abuse_policy' | 'stop', note?: string): PracticeState {
  if (before.status !== 'active') throw new Error('the practice session has ended');
  const state: PracticeState = structuredClone(before);
  state.status = 'finished';
  state.endNote = note?.trim() ? note.trim() : null;
  if (how === 'abuse_policy') {
    state.outcome = 'ended_abuse_policy';
    state.abusePolicyRight = state.mood === 'abusive' || (state.abusiveSeen && state.mood === 'hostile');
  } else {
    state.outcome = 'stopped';
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

export type ResultItem = { turn: number | null; quote: string | null; text: string; better?: string };

export type PracticeResult = {
  outcome: PracticeOutcome;
  passed: boolean;
  total: number;
  passMark: number;
  /** The conversation's score per coach part; null when no reply was made. */
  parts: Record<ScorePart, ScoreItem> | null;
  verdict: string;
  ending: { right: boolean; text: string };
  wentWell: ResultItem[];
  toChange: ResultItem[];
};

const PROBLEM_WHY: Record<string, string> = {
  blame: 'Blame tells the customer it is their fault, or someone else’s. Own the problem instead.',
  dismissive: 'This brushes their feeling aside. Name the feeling instead.',
  deflection: 'This hands the problem off. Say what you will do.',
  jargon: 'Jargon they have to decode. Use everyday words.',
  long_sentence: 'A long sentence is hard to follow when someone is upset. Split it.',
  shouting: 'Capitals read as shouting.',
};

const quoteOf = (text: string, span: Span | undefined): string | null => (span ? clip(text.slice(span[0], span[1]), 140) : null);

/** The most a conversation's remedy can score once a fix came before the customer had vented. */
const EARLY_SOLUTION_CAP = 70;

/** The per-turn coach parts, adjusted for what the customer heard: generic or repeated empathy and a fix before venting count for less. */
function adjustedParts(turn: PracticeTurn): Record<ScorePart, ScoreItem> {
  const parts = structuredClone(turn.reading.score.parts);
  const has = (s: Signal) => turn.signals.includes(s);
  if (!has('empathy') && (has('generic_empathy') || has('repeated_empathy'))) {
    const cap = has('generic_empathy') ? 40 : 25;
    if (parts.empathy.value > cap) {
      parts.empathy = {
        value: cap,
        reason: has('generic_empathy')
          ? 'Sympathy that names nothing the customer said counts for little.'
          : 'The same sympathy line again no longer counts.',
      };
    }
  }
  if (has('early_solution')) {
    parts.solution = { value: Math.round(parts.solution.value / 2), reason: 'A fix offered before the customer had said what was wrong.' };
  }
  return parts;
}

/**
 * The conversation's score per part, from its turns: the best empathy, understanding and remedy
 * shown; the worst tone (one rude reply spoils a conversation); the average clarity; and how the
 * last reply closed.
 */
function conversationParts(turns: readonly PracticeTurn[]): Record<ScorePart, ScoreItem> | null {
  if (turns.length === 0) return null;
  const per = turns.map((t) => ({ n: t.n, parts: adjustedParts(t) }));
  const best = (part: ScorePart): ScoreItem => {
    const top = per.reduce((a, b) => (b.parts[part].value > a.parts[part].value ? b : a));
    return { value: top.parts[part].value, reason: `Best reply (${top.n}): ${top.parts[part].reason}` };
  };
  const worst = (part: ScorePart): ScoreItem => {
    const low = per.reduce((a, b) => (b.parts[part].value < a.parts[part].value ? b : a));
    return {
      value: low.parts[part].value,
      reason: turns.length > 1 ? `Weakest reply (${low.n}): ${low.parts[part].reason}` : low.parts[part].reason,
    };
  };
  const mean = Math.round(per.reduce((s, p) => s + p.parts.clarity.value, 0) / per.length);
  const last = per[per.length - 1] as (typeof per)[number];
  // Letting them vent matters: a fix pushed before they had said what was wrong caps the remedy's score, even if a good one came later.
  let solution = best('solution');
  const early = turns.find((t) => t.signals.includes('early_solution'));
  if (early && solution.value > EARLY_SOLUTION_CAP) {
    solution = {
      value: EARLY_SOLUTION_CAP,
      reason: `${solution.reason} But reply ${early.n} offered a fix before they had said what was wrong.`,
    };
  }
  return {
    empathy: best('empathy'),
    comprehension: best('comprehension'),
    solution,
    tone: worst('tone'),
    clarity: { value: mean, reason: `Average over ${per.length} ${per.length === 1 ? 'reply' : 'replies'}. ${worst('clarity').reason}` },
    closing: { value: last.parts.closing.value, reason: `Last reply: ${last.parts.closing.reason}` },
  };
}

const weighted = (parts: Record<ScorePart, ScoreItem>): number =>
  Math.round(
    SCORE_PARTS.reduce((s, p) => s + parts[p].value * SCORE_WEIGHTS[p], 0) / SCORE_PARTS.reduce((s, p) => s + SCORE_WEIGHTS[p], 0),
  );

function endingOf(scenario: Scenario, state: PracticeState): { right: boolean; text: string } {
  switch (state.outcome) {
    case 'satisfied':
      return { right: true, text: 'The customer left satisfied.' };
    case 'walked_away':
      return state.heat >= DIFFICULTY_RULES[state.difficulty].walkAwayAt
        ? { right: false, text: 'The customer got too angry and walked away.' }
        : { right: false, text: 'The customer ran out of patience and left before it was resolved.' };
    case 'ended_abuse_policy':
      if (state.abusePolicyRight)
        return { right: true, text: 'You ended it under the abuse policy, and the customer was abusive: that was the right call.' };
      return {
        right: false,
        text: scenario.goal.abusePolicyIsRight
          ? 'You ended it under the abuse policy before the customer was abusive.'
          : `The customer was ${state.mood}, not abusive. Anger at a situation is not abuse: the abuse policy is for insults, threats and slurs aimed at you. Stay with the playbook instead.`,
      };
    case 'stopped':
      return scenario.goal.abusePolicyIsRight
        ? {
            right: false,
            text: 'You stopped without using the abuse policy. With an abusive customer you may end the conversation under it.',
          }
        : { right: false, text: 'You stopped before the customer was satisfied.' };
    default:
      return { right: false, text: 'The session has not ended.' };
  }
}

/** The result of a finished session: score per part, pass or fail, what went well and what to change (quoted, with a better line). */
export function practiceResult(
  scenario: Scenario,
  playbook: Playbook,
  state: PracticeState,
  turns: readonly PracticeTurn[],
): PracticeResult {
  const outcome = state.outcome ?? 'stopped';
  const ending = endingOf(scenario, state);
  const parts = conversationParts(turns);
  const tone = parts?.tone.value ?? 100;
  const total = outcome === 'ended_abuse_policy' && state.abusePolicyRight ? Math.round((tone + 100) / 2) : parts ? weighted(parts) : 0;

  const neverSaid = turns.flatMap((t) => t.notes.filter((n) => n.kind === 'never_say').map((n) => ({ turn: t, note: n })));
  const missedMustSay = scenario.rubric.mustSay.filter((r) => !state.said.includes(r.label));
  const passed = ending.right && total >= scenario.passMark && neverSaid.length === 0;

  const models = scenario.models;
  const steps = practisedSteps(scenario, playbook);
  const modelFor = (turn: PracticeTurn, prefer?: string): string | undefined =>
    (prefer ? models[prefer] : undefined) ?? (turn.step ? models[turn.step.key] : undefined) ?? models[steps.at(-1)?.key ?? ''];
  const firstStepKey = steps[0]?.key;
  const empathyStepKey = steps.find((s) => s.expectedMoves?.includes('empathy'))?.key;
  const solveStepKey = [...steps].reverse().find((s) => s.expectedMoves?.includes('solution'))?.key;

  const toChange: ResultItem[] = [];
  for (const turn of turns) {
    for (const p of turn.reading.problems) {
      if (toChange.some((c) => c.turn === turn.n && c.quote === quoteOf(turn.reply, p.span))) continue;
      const better = modelFor(turn);
      toChange.push({
        turn: turn.n,
        quote: quoteOf(turn.reply, p.span),
        text: PROBLEM_WHY[p.kind] ?? p.kind,
        ...(better ? { better } : {}),
      });
    }
    for (const note of turn.notes) {
      if (note.kind === 'must_say' || note.kind === 'trigger') continue;
      const prefer =
        note.kind === 'early_solution'
          ? firstStepKey
          : note.kind === 'empty_promise'
            ? solveStepKey
            : note.kind.endsWith('empathy')
              ? empathyStepKey
              : undefined;
      const better = modelFor(turn, prefer);
      toChange.push({ turn: turn.n, quote: quoteOf(turn.reply, note.span), text: note.text, ...(better ? { better } : {}) });
    }
  }
  for (const rule of missedMustSay) {
    toChange.push({
      turn: null,
      quote: null,
      text: `Never said: ${rule.label}. ${rule.why}`,
      ...(solveStepKey && models[solveStepKey] ? { better: models[solveStepKey] } : {}),
    });
  }
  if (!ending.right) {
    const last = turns.at(-1);
    const better = last ? modelFor(last) : firstStepKey ? models[firstStepKey] : undefined;
    toChange.push({ turn: last?.n ?? null, quote: null, text: ending.text, ...(better ? { better } : {}) });
  }
  const missedNeeds = scenario.goal.needs.filter((n) => !state.met.includes(n));
  if (missedNeeds.length && outcome !== 'satisfied' && !scenario.goal.abusePolicyIsRight) {
    toChange.push({ turn: null, quote: null, text: `The customer still needed: ${missedNeeds.map((n) => NEED_WORDS[n]).join(', ')}.` });
  }

  const wentWell: ResultItem[] = [];
  const firstWith = (s: Signal) => turns.find((t) => t.signals.includes(s));
  const moveSpan = (t: PracticeTurn, kind: string, pred: (m: ReplyReading['moves'][number]) => boolean = () => true) =>
    t.reading.moves.find((m) => m.kind === kind && pred(m))?.span;
  const good: [Signal, string, (t: PracticeTurn) => Span | undefined][] = [
    ['empathy', 'Empathy that named what happened to them.', (t) => moveSpan(t, 'empathy')],
    ['paraphrase', 'Said their problem back, so they knew they were heard.', (t) => moveSpan(t, 'paraphrase')],
    ['open_question', 'An open question that let them explain.', (t) => moveSpan(t, 'question', (m) => m.open === true)],
    ['solution', 'A concrete remedy once they had had their say.', (t) => moveSpan(t, 'solution')],
    ['commitment_timed', 'A next step with a time they can hold you to.', (t) => moveSpan(t, 'commitment', (m) => Boolean(m.due))],
    ['thanks', 'Thanked them.', (t) => moveSpan(t, 'thanks')],
  ];
  for (const [signal, text, span] of good) {
    const t = firstWith(signal);
    if (!t) continue;
    const s = span(t);
    wentWell.push({
      turn: t.n,
      quote: s ? clip(signal === 'empathy' ? sentenceAt(t.reply, s[0]) : t.reply.slice(s[0], s[1]), 140) : null,
      text,
    });
  }
  const rude = turns.some((t) => t.signals.some((s) => s === 'blame' || s === 'dismissive' || s === 'deflection' || s === 'shouting'));
  if (turns.length > 0 && !rude)
    wentWell.push({ turn: null, quote: null, text: 'Stayed respectful throughout: no blame, no brush-offs, no shouting.' });
  if (state.ventNeeded > 0 && state.vented >= state.ventNeeded && !turns.some((t) => t.signals.includes('early_solution'))) {
    wentWell.push({ turn: null, quote: null, text: 'Let them have their say before offering a fix.' });
  }
  if (ending.right) wentWell.push({ turn: null, quote: null, text: ending.text });
  for (const rule of scenario.rubric.mustSay.filter((r) => state.said.includes(r.label))) {
    wentWell.push({ turn: null, quote: null, text: `Said: ${rule.label}.` });
  }

  const replies = `${turns.length} ${turns.length === 1 ? 'reply' : 'replies'}`;
  let verdict: string;
  if (passed) verdict = `Passed with ${total} (pass mark ${scenario.passMark}) after ${replies}. ${ending.text}`;
  else if (neverSaid.length) {
    const first = neverSaid[0] as (typeof neverSaid)[number];
    verdict = `Not passed: reply ${first.turn.n} said “${quoteOf(first.turn.reply, first.note.span)}”, which this scenario rules out.`;
  } else if (!ending.right) verdict = `Not passed after ${replies}: ${ending.text}`;
  else verdict = `Not passed: ${ending.text} The session scored ${total}, below the pass mark of ${scenario.passMark}.`;

  return { outcome, passed, total, passMark: scenario.passMark, parts, verdict, ending, wentWell, toChange: toChange.slice(0, 12) };
}

export const NEED_WORDS: Record<Need, string> = {
  empathy: 'empathy about what happened',
  apology: 'an apology',
  paraphrase: 'a summary of their problem',
  open_question: 'an open question',
  solution: 'a concrete remedy',
  commitment_timed: 'a next step with a time',
  reassurance: 'reassurance',
  thanks: 'a thank-you',
};
