import type { Channel } from './case.js';
import type { Strategy } from './strategy.js';

/**
 * Vocabulary and shape of training: practice scenarios (a simulated customer to talk to), the
 * customer's mood during a practice session, and how a session ends. The scenario library and the
 * session engine are in src/training/; this file holds what the HTTP contracts and the web app share.
 */

/** How upset the simulated customer is; `abusive` only for personas that can become abusive. */
export const MOOD_STATES = ['calm', 'frustrated', 'angry', 'hostile', 'abusive'] as const;
export type MoodState = (typeof MOOD_STATES)[number];

/** How hard the customer makes it: patient, cuts in on long replies, or threatens to leave. */
export const DIFFICULTIES = ['patient', 'interrupts', 'threatens_to_leave'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * How a session ended: the customer is satisfied, walked away (or ran out of patience), the employee
 * ended it under the abuse policy, or the employee stopped without an ending.
 */
export const PRACTICE_OUTCOMES = ['satisfied', 'walked_away', 'ended_abuse_policy', 'stopped'] as const;
export type PracticeOutcome = (typeof PRACTICE_OUTCOMES)[number];

/**
 * What a reply did, as the session engine reads it from the coach's findings: the moves that count
 * (empathy that names what happened, a summary, an open question, a concrete next step with a time…)
 * and the ones that hurt (blame, dismissive phrases, jargon, shouting, empty promises…).
 */
export const SIGNALS = [
  'empathy',
  'generic_empathy',
  'repeated_empathy',
  'apology',
  'paraphrase',
  'open_question',
  'closed_question',
  'solution',
  'early_solution',
  'commitment_timed',
  'empty_promise',
  'reassurance',
  'thanks',
  'blame',
  'dismissive',
  'deflection',
  'jargon',
  'shouting',
  'long_reply',
  'nothing',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** What the customer must have heard before they are satisfied (each counts once it has happened). */
export const NEEDS = [
  'empathy',
  'apology',
  'paraphrase',
  'open_question',
  'solution',
  'commitment_timed',
  'reassurance',
  'thanks',
] as const;
export type Need = (typeof NEEDS)[number];

/** A rubric line: said when any of its phrases occurs in a reply (plain words, case-insensitive; not a pattern). */
export type RubricRule = { label: string; phrases: string[]; why: string };

/**
 * Something about a reply that makes this customer calmer (negative weight) or angrier (positive): a
 * signal, words, or (with neither) every reply, for a customer whose mood drifts on its own.
 */
export type PersonaTrigger = { signal?: Signal | undefined; phrases?: string[] | undefined; weight: number; why: string };

/** What the customer says, by mood and moment. Every list has several lines so two sessions differ. */
export type PersonaLines = {
  /** The first thing they say. */
  opening: string[];
  /** More of the story, said while they still have things to get off their chest. */
  vent: string[];
  calm: string[];
  frustrated: string[];
  angry: string[];
  hostile: string[];
  /** Only for personas that can become abusive. */
  abusive?: string[] | undefined;
  satisfied: string[];
  walkAway: string[];
};

export type Persona = {
  name: string;
  /** Who they are, in a line. */
  who: string;
  whatHappened: string;
  wants: string;
  /** How upset they are when the conversation starts. */
  startMood: MoodState;
  /** In words, for the trainee: what calms this person and what makes them angrier. */
  calmer: string[];
  angrier: string[];
  triggers: PersonaTrigger[];
  /** Replies they need to have had heard (listened to, not solved at) before a solution lands. */
  ventTurns: number;
  mayBecomeAbusive: boolean;
  lines: PersonaLines;
};

export type Scenario = {
  key: string;
  version: number;
  title: string;
  /** One line for the library. */
  summary: string;
  /** What the trainee knows before starting, from the employee's side of the counter. */
  brief: string;
  persona: Persona;
  playbookKey: string;
  /** The playbook steps this conversation practises, in order (steps that expect moves in a reply). */
  steps: string[];
  strategy: Strategy;
  channel: Channel;
  /** Whether the customer has the facts on their side; when not, the rule has to be said kindly and clearly. */
  customerIsRight: boolean;
  /** 0–100: the session score needed to pass. */
  passMark: number;
  rubric: { mustSay: RubricRule[]; neverSay: RubricRule[] };
  /** When the customer counts as satisfied: calm enough and every need met; or the abuse policy is the right ending. */
  goal: { calmAt: number; needs: Need[]; abusePolicyIsRight: boolean };
  difficulties: Difficulty[];
  /** A model reply per playbook step: the better alternative the result offers for a turn on that step. */
  models: Record<string, string>;
  /** Set on copies: the scenario version this one started from. */
  basedOn?: { key: string; version: number };
};

export const SCENARIO_LIMITS = {
  keyLength: 60,
  titleLength: 100,
  summaryLength: 300,
  briefLength: 1200,
  nameLength: 80,
  personaTextLength: 600,
  maxListItems: 24,
  lineLength: 400,
  maxRules: 12,
  maxPhrases: 16,
  phraseLength: 80,
  maxTriggers: 16,
  replyLength: 2000,
  noteLength: 1000,
} as const;

export type StrategyQuizItem = { id: string; situation: string };
export type { Strategy };
