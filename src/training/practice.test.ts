import { describe, expect, it } from 'vitest';
import { BOUNDARY_REPLIES, modelReplies, play, playWell, resultOf } from '../../test/practice.js';
import { DIFFICULTIES } from '../domain/training.js';
import { START_HEAT } from './mood.js';
import { BUILT_IN_SCENARIOS } from './scenario-library.js';
import { CAKE_NOT_READY } from './scenarios-in-person.js';
import { ABUSIVE_CALLER } from './scenarios-phone.js';

/*
 * Quality of the simulated customer, through the real coach: the five steps done well calm an angry
 * customer and pass; each of the usual ways of getting it wrong fails; the abuse policy is right only
 * with a customer who is really abusive.
 */

const cake = CAKE_NOT_READY;
const [FOCUS, VENT, EMPATHISE, SUMMARISE, SOLVE] = modelReplies(cake) as [string, string, string, string, string];

describe('practice session quality (the five steps, with an angry customer who is right)', () => {
  it('the five steps done well lead to a calm customer and a pass within a few turns, at every difficulty', () => {
    for (const difficulty of DIFFICULTIES) {
      const s = play(cake, [FOCUS, VENT, EMPATHISE, SUMMARISE, SOLVE], difficulty, 11);
      const result = resultOf(cake, s);
      expect(s.state.outcome, difficulty).toBe('satisfied');
      expect(s.state.mood).toBe('calm');
      expect(s.turns.length).toBeLessThanOrEqual(5);
      expect(result.passed, result.verdict).toBe(true);
      expect(result.total).toBeGreaterThanOrEqual(90);
      // The mood falls as the steps are done: calmer after each reply than before it.
      for (const t of s.turns) expect(t.heatAfter, `reply ${t.n}`).toBeLessThanOrEqual(t.heatBefore);
      expect(result.wentWell.map((w) => w.text)).toEqual(expect.arrayContaining([expect.stringContaining('Let them have their say')]));
    }
  });

  it('a dismissive, blaming sequence makes them angrier and fails', () => {
    const s = play(cake, [
      'Calm down, it’s only a cake.',
      'That’s not our fault. You should have called ahead to check.',
      'Look, these things happen. You’ll just have to wait like everyone else.',
    ]);
    const result = resultOf(cake, s);
    expect(s.turns[0]?.heatAfter).toBeGreaterThan(s.turns[0]?.heatBefore ?? 0);
    expect(s.state.outcome).toBe('walked_away');
    expect(result.passed).toBe(false);
    expect(result.parts?.tone.value).toBeLessThan(40);
    // What to change quotes the words and offers a better line.
    const calmDown = result.toChange.find((c) => c.quote === 'Calm down');
    expect(calmDown?.better).toBeTruthy();
    expect(result.toChange.some((c) => c.quote?.includes('only a cake'))).toBe(true);
  });

  it('one empathy sentence repeated five times stops calming, and fails', () => {
    const line = 'I understand how frustrating it is that the cake isn’t ready.';
    const s = play(cake, [line, line, line, line, line]);
    const [first, ...rest] = s.turns;
    expect(first?.signals).toContain('empathy');
    for (const t of rest) {
      expect(t.signals, `reply ${t.n}`).toContain('repeated_empathy');
      expect(t.heatAfter, `reply ${t.n} does not calm`).toBeGreaterThanOrEqual(t.heatBefore);
    }
    expect(s.state.heat).toBeGreaterThan(first?.heatAfter ?? 0);
    expect(s.state.outcome).not.toBe('satisfied');
    expect(resultOf(cake, s).passed).toBe(false);
  });

  it('empathy that ignores what they said counts for little, and fails', () => {
    const s = play(cake, [
      'I understand how you feel.',
      'That must be frustrating.',
      'I hear you.',
      'I can imagine how that feels.',
      'I know how annoying that is.',
    ]);
    const result = resultOf(cake, s);
    expect(s.turns.every((t) => t.signals.includes('generic_empathy'))).toBe(true);
    // Five sympathetic replies barely move an angry customer.
    expect(s.state.heat).toBeGreaterThan(START_HEAT.angry - 12 - 25);
    expect(s.state.outcome).not.toBe('satisfied');
    expect(result.passed).toBe(false);
    expect(result.parts?.empathy.value).toBeLessThanOrEqual(40);
    expect(result.toChange.some((c) => c.text.includes('names nothing they told you'))).toBe(true);
  });

  it('a solution before the customer has vented scores lower, and pushing solutions without listening fails', () => {
    const pushy = play(cake, [
      'Here’s what I can do: our baker will make the cake now, free of charge, ready by 1:30pm today.',
      'I can also refund your deposit today if you prefer, and I’ll call you at 1pm to confirm.',
      'We can make the cake by 1:30pm today or refund you today. I’ll call you at 1pm.',
    ]);
    expect(pushy.turns[0]?.signals).toContain('early_solution');
    expect(pushy.turns[0]?.heatAfter).toBeGreaterThan(pushy.turns[0]?.heatBefore ?? 0);
    expect(pushy.state.outcome).not.toBe('satisfied');
    expect(resultOf(cake, pushy).passed).toBe(false);

    // The same good conversation, but opening with the fix: the remedy scores lower than when it came after listening.
    const good = resultOf(cake, play(cake, [FOCUS, VENT, EMPATHISE, SUMMARISE, SOLVE]));
    const early = resultOf(cake, play(cake, [SOLVE, FOCUS, VENT, EMPATHISE, SUMMARISE, SOLVE]));
    expect(early.parts?.solution.value).toBeLessThan(good.parts?.solution.value ?? 0);
    expect(early.total).toBeLessThan(good.total);
    expect(early.toChange.some((c) => c.text.includes('Let them vent first'))).toBe(true);
  });

  it('empty promises make them angrier: a promise with no time, or a bare “I promise”', () => {
    for (const reply of ['I’ll look into it.', 'I promise it will be fine.']) {
      const s = play(cake, [FOCUS, reply]);
      const t = s.turns[1];
      expect(t?.signals, reply).toContain('empty_promise');
      expect(t?.heatAfter, reply).toBeGreaterThan(t?.heatBefore ?? 0);
    }
    // The same promise with a time on it calms.
    const timed = play(cake, [FOCUS, 'I’ll call you back by 1pm today with the baker’s answer.']).turns[1];
    expect(timed?.signals).toContain('commitment_timed');
    expect(timed?.heatAfter).toBeLessThan(timed?.heatBefore ?? 0);
  });

  it('ending under the abuse policy with a customer who is angry but not abusive fails', () => {
    const s = play(cake, [FOCUS, { end: 'abuse_policy' }]);
    const result = resultOf(cake, s);
    expect(s.state.outcome).toBe('ended_abuse_policy');
    expect(s.state.abusePolicyRight).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.ending.text).toMatch(/not abusive/);
  });

  it('with a really abusive customer, ending under the abuse policy is recognised as right', () => {
    const s = play(ABUSIVE_CALLER, [BOUNDARY_REPLIES[0], { end: 'abuse_policy' }]);
    const result = resultOf(ABUSIVE_CALLER, s);
    expect(s.turns[0]?.moodAfter).toBe('abusive');
    expect(s.state.abusePolicyRight).toBe(true);
    expect(result.passed, result.verdict).toBe(true);
    expect(result.ending.right).toBe(true);
    // Charm does not fix abuse: the best replies barely reach an abusive customer, and they do not walk off either.
    const charmed = play(ABUSIVE_CALLER, [EMPATHISE, SUMMARISE, SOLVE]);
    expect(charmed.state.mood).toBe('abusive');
    expect(charmed.state.status).toBe('active');
    // Stopping without the policy is not the right ending with this customer.
    expect(resultOf(ABUSIVE_CALLER, play(ABUSIVE_CALLER, [BOUNDARY_REPLIES[0], { end: 'stop' }])).passed).toBe(false);
  });

  it('answering abuse with abuse fails even when the conversation is then ended under the policy', () => {
    const s = play(ABUSIVE_CALLER, ['Shut up, you idiot.', { end: 'abuse_policy' }]);
    const result = resultOf(ABUSIVE_CALLER, s);
    expect(result.passed).toBe(false);
    expect(result.verdict).toMatch(/rules out/);
  });
});

describe('every built-in scenario', () => {
  it('passes when played the right way (its model replies, or a boundary and the abuse policy), at every difficulty', () => {
    for (const scenario of BUILT_IN_SCENARIOS) {
      for (const difficulty of scenario.difficulties) {
        const s = playWell(scenario, difficulty, 5);
        const result = resultOf(scenario, s);
        expect(result.passed, `${scenario.key} [${difficulty}]: ${result.verdict}`).toBe(true);
        expect(s.turns.length, scenario.key).toBeLessThanOrEqual(6);
      }
    }
  });

  it('fails when the customer is brushed off', () => {
    for (const scenario of BUILT_IN_SCENARIOS) {
      const s = play(scenario, ['Calm down.', 'That’s not my problem. You should have read the terms.', 'Whatever. It is what it is.']);
      expect(resultOf(scenario, s).passed, scenario.key).toBe(false);
    }
  });
});

describe('seeded replay', () => {
  const replies = [FOCUS, 'I understand how you feel.', 'Calm down.', EMPATHISE, SUMMARISE, SOLVE];

  it('a seeded session replays word for word', () => {
    for (const difficulty of DIFFICULTIES) {
      const a = play(cake, replies, difficulty, 424242);
      const b = play(cake, replies, difficulty, 424242);
      expect(b.state).toEqual(a.state);
      expect(b.turns.map((t) => t.customer)).toEqual(a.turns.map((t) => t.customer));
      expect(b.state.customerLines).toEqual(a.state.customerLines);
    }
  });

  it('two seeds do not give word-for-word the same session', () => {
    const transcripts = new Set([1, 2, 3, 4, 5, 6].map((seed) => play(cake, replies, 'interrupts', seed).state.customerLines.join('\n')));
    expect(transcripts.size).toBeGreaterThan(1);
  });

  it('the seed picks the words, never the mood: every seed ends the same way', () => {
    const outcomes = new Set([7, 8, 9, 10].map((seed) => `${play(cake, replies, 'patient', seed).state.outcome}`));
    expect(outcomes.size).toBe(1);
  });

  it('a line is not said twice in a session until its pool is used up', () => {
    const s = play(cake, ['I hear you.', 'Okay.', 'Right.', 'I see.', 'Mm.'], 'patient', 3);
    const said = s.state.customerLines;
    expect(new Set(said).size).toBe(said.length);
  });
});
