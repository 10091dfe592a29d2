import { createCoach } from '../src/coach/index.js';
import { findPlaybook } from '../src/domain/playbooks.js';
import type { Difficulty, Scenario } from '../src/domain/training.js';
import {
  customerSoFar,
  endPractice,
  expectedMovesNow,
  type PracticeState,
  type PracticeTurn,
  playTurn,
  practiceResult,
  practisedSteps,
  startPractice,
} from '../src/training/practice.js';

/** Test helper: plays a scripted session through the real coach, as the service does. */
const coach = createCoach();
export const NOW = new Date('2026-03-02T10:00:00Z');

export type Scripted = { state: PracticeState; turns: PracticeTurn[] };

export function play(
  scenario: Scenario,
  replies: readonly (string | { end: 'abuse_policy' | 'stop' })[],
  difficulty: Difficulty = 'patient',
  seed = 1,
): Scripted {
  const playbook = findPlaybook(scenario.playbookKey);
  if (!playbook) throw new Error(`no playbook ${scenario.playbookKey}`);
  let state = startPractice(scenario, difficulty, seed);
  const turns: PracticeTurn[] = [];
  for (const reply of replies) {
    if (state.status !== 'active') break;
    if (typeof reply !== 'string') {
      state = endPractice(state, reply.end);
      break;
    }
    const reading = coach.analyze({
      customer: customerSoFar(state),
      reply,
      now: NOW,
      timeZone: 'Europe/London',
      expectedMoves: expectedMovesNow(scenario, playbook, state),
    }).reply;
    if (!reading) throw new Error('no reading');
    const next = playTurn(scenario, playbook, state, reply, reading);
    state = next.state;
    turns.push(next.turn);
  }
  return { state, turns };
}

export function resultOf(scenario: Scenario, s: Scripted) {
  const playbook = findPlaybook(scenario.playbookKey);
  if (!playbook) throw new Error('no playbook');
  return practiceResult(scenario, playbook, s.state, s.turns);
}

/** The scenario's model replies, in the order of its steps. */
export function modelReplies(scenario: Scenario): string[] {
  const playbook = findPlaybook(scenario.playbookKey);
  if (!playbook) throw new Error('no playbook');
  return practisedSteps(scenario, playbook).flatMap((s) => (scenario.models[s.key] ? [scenario.models[s.key] as string] : []));
}

/** What an employee says to an abusive customer before ending the conversation: a calm boundary, said again. */
export const BOUNDARY_REPLIES = [
  'I want to help you, but I won’t be spoken to like that. If it carries on, I will end this conversation.',
  'I’ve asked you to stop the insults. I can help with the problem itself, but not like this.',
  'This is the last time I’ll ask: please stop insulting me, or I will end this conversation.',
] as const;

/**
 * The right way through a scenario: its model replies in step order; with an abusive customer, a
 * calm boundary until they are abusive, then the abuse policy.
 */
export function playWell(scenario: Scenario, difficulty: Difficulty = 'patient', seed = 1): Scripted {
  if (!scenario.goal.abusePolicyIsRight) return play(scenario, modelReplies(scenario), difficulty, seed);
  for (let n = 0; n <= BOUNDARY_REPLIES.length; n++) {
    const s = play(scenario, BOUNDARY_REPLIES.slice(0, n), difficulty, seed);
    if (s.state.mood === 'abusive' || n === BOUNDARY_REPLIES.length)
      return play(scenario, [...BOUNDARY_REPLIES.slice(0, n), { end: 'abuse_policy' }], difficulty, seed);
  }
  throw new Error('unreachable');
}
