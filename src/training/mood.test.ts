import { describe, expect, it } from 'vitest';
import type { Persona } from '../domain/training.js';
import { DIFFICULTY_RULES, type MoodHistory, moodFor, nextHeat, START_HEAT, startHeat } from './mood.js';
import type { SignalHit } from './read-reply.js';

const persona: Pick<Persona, 'triggers' | 'mayBecomeAbusive' | 'startMood'> = {
  startMood: 'angry',
  mayBecomeAbusive: false,
  triggers: [{ phrases: ['only a cake'], weight: 15, why: 'Played down' }],
};
const history: MoodHistory = { apologies: 0, paraphrases: 0, timedCommitments: 0, repeatedEmpathy: 0, ventDone: true };
const hits = (...signals: SignalHit['signal'][]): SignalHit[] => signals.map((signal) => ({ signal }));
const step = (h: SignalHit[], over: Partial<Parameters<typeof nextHeat>[0]> = {}) =>
  nextHeat({ heat: 60, text: '', hits: h, persona, difficulty: 'interrupts', history, ...over }).heat;

describe('mood', () => {
  it('reads heat as a state; abusive only for personas that can become abusive', () => {
    expect(moodFor(10, persona)).toBe('calm');
    expect(moodFor(30, persona)).toBe('frustrated');
    expect(moodFor(55, persona)).toBe('angry');
    expect(moodFor(80, persona)).toBe('hostile');
    expect(moodFor(95, persona)).toBe('hostile');
    expect(moodFor(95, { mayBecomeAbusive: true })).toBe('abusive');
  });

  it('empathy, a summary, an open question and a timed next step calm; blame, dismissive phrases, jargon, shouting and empty promises anger', () => {
    for (const calming of ['empathy', 'paraphrase', 'open_question', 'commitment_timed', 'solution'] as const) {
      expect(step(hits(calming)), calming).toBeLessThan(60);
    }
    for (const angering of ['blame', 'dismissive', 'jargon', 'shouting', 'empty_promise', 'early_solution'] as const) {
      expect(step(hits(angering)), angering).toBeGreaterThan(60);
    }
  });

  it('the same empathy again no longer calms, and a third time sounds scripted', () => {
    expect(step(hits('repeated_empathy'))).toBe(60);
    expect(step(hits('repeated_empathy'), { history: { ...history, repeatedEmpathy: 1 } })).toBeGreaterThan(60);
    expect(step(hits('generic_empathy'))).toBeGreaterThan(step(hits('empathy')));
  });

  it('moves are worth less the second time', () => {
    const again = { ...history, apologies: 1, paraphrases: 1, timedCommitments: 1 };
    for (const s of ['apology', 'paraphrase', 'commitment_timed'] as const) {
      expect(step(hits(s), { history: again }), s).toBeGreaterThan(step(hits(s)));
    }
  });

  it('persona triggers weigh in, by words or on every reply', () => {
    expect(step([], { text: 'Honestly, it’s only a cake.' })).toBe(75);
    expect(step([], { text: 'It isn’t only a cake, I know.' })).toBe(60);
    const drifting = { ...persona, triggers: [{ weight: 10, why: 'Spoiling for a fight' }] };
    expect(step([], { persona: drifting })).toBe(70);
  });

  it('the difficulty changes the start and how fast they anger', () => {
    expect(startHeat(persona, 'patient')).toBeLessThan(startHeat(persona, 'interrupts'));
    expect(startHeat(persona, 'threatens_to_leave')).toBeGreaterThan(startHeat(persona, 'interrupts'));
    // The start never leaves the persona's own mood.
    expect(moodFor(startHeat({ startMood: 'abusive' }, 'patient'), { mayBecomeAbusive: true })).toBe('abusive');
    expect(moodFor(startHeat({ startMood: 'calm' }, 'threatens_to_leave'), persona)).toBe('calm');
    const blame = hits('blame');
    expect(step(blame, { difficulty: 'patient' })).toBeLessThan(step(blame, { difficulty: 'threatens_to_leave' }));
    // Long replies cost only with a customer who interrupts.
    expect(step(hits('long_reply'), { difficulty: 'interrupts' })).toBeGreaterThan(60);
    expect(step(hits('long_reply'), { difficulty: 'patient' })).toBe(60);
  });

  it('an abusive customer is hardly calmed and does not walk off', () => {
    const abusive = { ...persona, mayBecomeAbusive: true };
    const calmed = step(hits('empathy', 'paraphrase'), { heat: START_HEAT.abusive, persona: abusive });
    expect(moodFor(calmed, abusive)).toBe('abusive');
    const provoked = step(hits('dismissive', 'blame'), { heat: START_HEAT.abusive, persona: abusive });
    expect(provoked).toBeLessThan(DIFFICULTY_RULES.interrupts.walkAwayAt);
  });
});
