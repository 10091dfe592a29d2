import type { Difficulty, MoodState, Persona, Signal } from '../domain/training.js';
import type { SignalHit } from './read-reply.js';
import { findPhrase } from './words.js';

/*
 * The simulated customer's mood: a heat from 0 (at ease) to 100 (gone), read as one of the mood
 * states. Each reply moves it by what the reply did (the coach's findings, read by read-reply.ts),
 * by this persona's own triggers, and by how hard the customer makes it (the difficulty). Pure: the
 * same heat, reply reading and persona give the same next heat.
 */

/** Where each state starts on the heat scale; `abusive` only for personas that can become abusive. */
export const MOOD_FROM: Readonly<Record<Exclude<MoodState, 'calm'>, number>> = { frustrated: 25, angry: 50, hostile: 72, abusive: 90 };

/** The heat a conversation starts at, by the persona's starting mood. */
export const START_HEAT: Readonly<Record<MoodState, number>> = { calm: 15, frustrated: 40, angry: 60, hostile: 80, abusive: 95 };

export type DifficultyRules = {
  label: string;
  /** Added to the starting heat. */
  startShift: number;
  /** Multiplies what makes them angrier, and what calms them. */
  angerFactor: number;
  calmFactor: number;
  /** At this heat they walk away. */
  walkAwayAt: number;
  /** Their patience, in replies: after this many without a good ending they leave. */
  maxTurns: number;
  /** Extra replies they need to have been heard before a solution lands. */
  extraVent: number;
  /** Replies longer than this get cut off (interrupting customers only). */
  longReplyWords: number;
};

export const DIFFICULTY_RULES: Readonly<Record<Difficulty, DifficultyRules>> = {
  patient: {
    label: 'Patient: gives you time and forgives a slip',
    startShift: -12,
    angerFactor: 0.7,
    calmFactor: 1.1,
    walkAwayAt: 100,
    maxTurns: 12,
    extraVent: 0,
    longReplyWords: Number.POSITIVE_INFINITY,
  },
  interrupts: {
    label: 'Interrupts: cuts in on long replies and needs more time to get it all out',
    startShift: 0,
    angerFactor: 1,
    calmFactor: 1,
    walkAwayAt: 100,
    maxTurns: 10,
    extraVent: 1,
    longReplyWords: 45,
  },
  threatens_to_leave: {
    label: 'Threatens to leave: quick to anger, short on patience',
    startShift: 8,
    angerFactor: 1.25,
    calmFactor: 0.9,
    walkAwayAt: 92,
    maxTurns: 8,
    extraVent: 0,
    longReplyWords: Number.POSITIVE_INFINITY,
  },
};

/** While abusive, good moves barely reach them (and never below abusive): the right move is the abuse policy, not more charm. */
const ABUSIVE_CALM_FACTOR = 0.25;

export function moodFor(heat: number, persona: Pick<Persona, 'mayBecomeAbusive'>): MoodState {
  if (persona.mayBecomeAbusive && heat >= MOOD_FROM.abusive) return 'abusive';
  if (heat >= MOOD_FROM.hostile) return 'hostile';
  if (heat >= MOOD_FROM.angry) return 'angry';
  if (heat >= MOOD_FROM.frustrated) return 'frustrated';
  return 'calm';
}

/** The band of heat a mood covers, [from, to). */
function band(mood: MoodState, walkAwayAt: number): [number, number] {
  const order: MoodState[] = ['calm', 'frustrated', 'angry', 'hostile', 'abusive'];
  const from = mood === 'calm' ? 0 : MOOD_FROM[mood];
  const next = order[order.indexOf(mood) + 1] as Exclude<MoodState, 'calm'> | undefined;
  return [from, next && mood !== 'hostile' ? MOOD_FROM[next] : walkAwayAt];
}

/** The heat a conversation starts at: the persona's mood, shifted by the difficulty but never out of that mood. */
export function startHeat(persona: Pick<Persona, 'startMood'>, difficulty: Difficulty): number {
  const rules = DIFFICULTY_RULES[difficulty];
  const [from, to] = band(persona.startMood, rules.walkAwayAt);
  return Math.max(from, Math.min(to - 3, START_HEAT[persona.startMood] + rules.startShift));
}

/** One reason the heat moved, shown beside the turn so the trainee sees cause and effect. */
export type MoodEffect = { why: string; delta: number };

/** What has happened before in the session, which changes how much a move is worth now. */
export type MoodHistory = { apologies: number; paraphrases: number; timedCommitments: number; repeatedEmpathy: number; ventDone: boolean };

const CAP = 2;

/** The base effect of each signal (negative calms), with the words shown to the trainee. */
function baseEffects(hits: readonly SignalHit[], history: MoodHistory, difficulty: Difficulty): MoodEffect[] {
  const out: MoodEffect[] = [];
  const count = (s: Signal) => Math.min(hits.find((h) => h.signal === s)?.count ?? 1, CAP);
  for (const { signal } of hits) {
    switch (signal) {
      case 'empathy':
        out.push({ why: 'Empathy that names what happened to them', delta: -12 });
        break;
      case 'generic_empathy':
        out.push({ why: 'Sympathy that could be said to anyone: it names nothing they told you', delta: -3 });
        break;
      case 'repeated_empathy':
        out.push(
          history.repeatedEmpathy >= 1
            ? { why: 'The same sympathy line again: it now sounds scripted', delta: 6 }
            : { why: 'The same sympathy line again: it no longer calms', delta: 0 },
        );
        break;
      case 'apology':
        out.push({
          why: history.apologies ? 'Another apology: still welcome, worth less each time' : 'A plain apology',
          delta: history.apologies ? -2 : -6,
        });
        break;
      case 'paraphrase':
        out.push({
          why: history.paraphrases ? 'Another summary' : 'Said the problem back: they know they were heard',
          delta: history.paraphrases ? -5 : -12,
        });
        break;
      case 'open_question':
        out.push({ why: 'An open question: they can explain in their own words', delta: -6 });
        break;
      case 'closed_question':
        out.push({ why: 'A yes/no question', delta: -2 });
        break;
      case 'solution':
        out.push({ why: 'A concrete remedy, once they had had their say', delta: -14 });
        break;
      case 'early_solution':
        out.push({ why: 'A fix offered before they had said what was wrong: they feel brushed off', delta: 6 });
        break;
      case 'commitment_timed':
        out.push({
          why: history.timedCommitments ? 'Another promise with a time' : 'A next step with a time they can hold you to',
          delta: history.timedCommitments ? -4 : -10,
        });
        break;
      case 'empty_promise':
        out.push({ why: 'A promise with no time and no remedy: it sounds empty', delta: 6 });
        break;
      case 'reassurance':
        out.push({ why: 'Reassurance', delta: -3 });
        break;
      case 'thanks':
        out.push({ why: 'Thanked them', delta: -3 });
        break;
      case 'blame':
        out.push({ why: 'Blame: it tells them it is their fault (or someone else’s)', delta: 18 * count('blame') });
        break;
      case 'dismissive':
        out.push({ why: 'A dismissive phrase: it brushes their feeling aside', delta: 20 * count('dismissive') });
        break;
      case 'deflection':
        out.push({ why: 'Pushed the problem elsewhere', delta: 12 * count('deflection') });
        break;
      case 'jargon':
        out.push({ why: 'Jargon they have to decode', delta: 5 * Math.min(hits.find((h) => h.signal === 'jargon')?.count ?? 1, 3) });
        break;
      case 'shouting':
        out.push({ why: 'Reads as shouting', delta: 15 });
        break;
      case 'long_reply':
        if (difficulty === 'interrupts') out.push({ why: 'Too long: they cut in before you finished', delta: 8 });
        break;
      case 'nothing':
        if (history.ventDone) out.push({ why: 'Nothing in the reply moves things on', delta: 5 });
        break;
    }
  }
  return out;
}

/** The persona's own triggers: a signal they react to, or words that calm or anger this person. */
function triggerEffects(text: string, hits: readonly SignalHit[], persona: Pick<Persona, 'triggers'>): MoodEffect[] {
  const out: MoodEffect[] = [];
  for (const t of persona.triggers) {
    const bySignal = t.signal !== undefined && hits.some((h) => h.signal === t.signal);
    const byWords = t.phrases !== undefined && t.phrases.length > 0 && findPhrase(text, t.phrases, true) !== undefined;
    const always = t.signal === undefined && (t.phrases === undefined || t.phrases.length === 0);
    if (bySignal || byWords || always) out.push({ why: t.why, delta: t.weight });
  }
  return out;
}

/**
 * The heat after one reply: each effect scaled by the difficulty (and damped while the customer is
 * abusive), summed, and kept between 0 and 110.
 */
export function nextHeat(input: {
  heat: number;
  text: string;
  hits: readonly SignalHit[];
  persona: Pick<Persona, 'triggers' | 'mayBecomeAbusive'>;
  difficulty: Difficulty;
  history: MoodHistory;
}): { heat: number; effects: MoodEffect[] } {
  const rules = DIFFICULTY_RULES[input.difficulty];
  const abusive = moodFor(input.heat, input.persona) === 'abusive';
  const raw = [...baseEffects(input.hits, input.history, input.difficulty), ...triggerEffects(input.text, input.hits, input.persona)];
  const effects = raw.map((e) => {
    const factor = e.delta > 0 ? rules.angerFactor : rules.calmFactor * (abusive ? ABUSIVE_CALM_FACTOR : 1);
    return { why: e.why, delta: Math.round(e.delta * factor) };
  });
  const sum = effects.reduce((s, e) => s + e.delta, 0);
  let heat = Math.max(0, Math.min(110, input.heat + sum));
  // Once abusive, they stay abusive whatever is said, and they do not walk off: they keep at it until the employee ends it.
  if (abusive) heat = Math.max(heat, MOOD_FROM.abusive);
  if (moodFor(heat, input.persona) === 'abusive') heat = Math.min(heat, rules.walkAwayAt - 1);
  return { heat, effects };
}
