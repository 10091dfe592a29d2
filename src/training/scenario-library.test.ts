import { describe, expect, it } from 'vitest';
import { builtInPlaybooks, findPlaybook } from '../domain/playbooks.js';
import { STRATEGIES } from '../domain/strategy.js';
import { MOOD_STATES, type PersonaLines } from '../domain/training.js';
import { BUILT_IN_SCENARIOS } from './scenario-library.js';
import { copyScenario, reviseScenario, validateScenario } from './scenarios.js';

const MOOD_POOLS = ['calm', 'frustrated', 'angry', 'hostile'] as const;
const OTHER_POOLS = ['vent', 'satisfied', 'walkAway'] as const;

describe('the built-in scenario library', () => {
  const all = BUILT_IN_SCENARIOS;

  it('has at least twelve valid scenarios with unique keys, each practising steps of its own playbook', () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    for (const s of all) {
      const playbook = findPlaybook(s.playbookKey);
      expect(playbook, s.key).toBeDefined();
      expect(validateScenario(s, playbook), s.key).toEqual([]);
      // A model reply for every step practised: the better alternative the result offers.
      for (const step of s.steps) expect(s.models[step], `${s.key} ${step}`).toBeTruthy();
    }
  });

  it('together covers every playbook, every strategy, every starting mood, and customers who are right and wrong', () => {
    expect(new Set(all.map((s) => s.playbookKey))).toEqual(new Set(builtInPlaybooks().map((p) => p.key)));
    expect(new Set(all.map((s) => s.strategy))).toEqual(new Set(STRATEGIES));
    expect(new Set(all.map((s) => s.persona.startMood))).toEqual(new Set(MOOD_STATES));
    expect(new Set(all.map((s) => s.customerIsRight))).toEqual(new Set([true, false]));
    // Where the customer is abusive, the right move is the abuse policy; where they are only hostile, it is not.
    const abusive = all.filter((s) => s.persona.startMood === 'abusive');
    expect(abusive.length).toBeGreaterThan(0);
    for (const s of abusive) expect(s.goal.abusePolicyIsRight, s.key).toBe(true);
    expect(all.some((s) => s.persona.startMood === 'hostile' && !s.goal.abusePolicyIsRight)).toBe(true);
    // A customer who is wrong is a chance to say a rule plainly: at least one such scenario requires it.
    expect(all.some((s) => !s.customerIsRight && s.rubric.mustSay.length > 0)).toBe(true);
    for (const d of ['patient', 'interrupts', 'threatens_to_leave'] as const)
      expect(all.some((s) => s.difficulties.includes(d))).toBe(true);
  });

  it('gives every persona at least four varied lines for every mood it can reach, and for venting, satisfaction and walking away', () => {
    const everyLine = new Map<string, string>();
    for (const s of all) {
      const lines = s.persona.lines;
      const pools: (keyof PersonaLines)[] = [...MOOD_POOLS, ...OTHER_POOLS, ...(s.persona.mayBecomeAbusive ? (['abusive'] as const) : [])];
      for (const pool of pools) {
        const list = lines[pool] ?? [];
        expect(list.length, `${s.key} ${pool}`).toBeGreaterThanOrEqual(4);
        expect(new Set(list).size, `${s.key} ${pool} repeats a line`).toBe(list.length);
      }
      expect(lines.opening.length, `${s.key} opening`).toBeGreaterThanOrEqual(2);
      for (const pool of Object.keys(lines) as (keyof PersonaLines)[]) {
        for (const line of lines[pool] ?? []) {
          const other = everyLine.get(line);
          expect(other, `“${line}” is in both ${other} and ${s.key}`).toBeUndefined();
          everyLine.set(line, `${s.key}`);
        }
      }
    }
  });

  it('copies under a new key and revises as a new version, validating each', () => {
    const [first] = all;
    if (!first) throw new Error('no scenarios');
    const copy = copyScenario(first, 'Our bakery: the lost cake', ['our-bakery-the-lost-cake']);
    expect(copy).toMatchObject({ key: 'our-bakery-the-lost-cake-2', version: 1, basedOn: { key: first.key, version: 1 } });
    const next = reviseScenario(copy, { passMark: 80, title: 'The lost cake' });
    expect(next).toMatchObject({ key: copy.key, version: 2, passMark: 80, title: 'The lost cake', basedOn: copy.basedOn });
    expect(() => reviseScenario(copy, { passMark: 120 })).toThrow(/passMark/);
    expect(() => reviseScenario(copy, { persona: { ...copy.persona, lines: { ...copy.persona.lines, calm: [] } } })).toThrow(
      /persona\.lines\.calm/,
    );
    const playbook = findPlaybook('six-tips');
    expect(validateScenario({ ...copy, playbookKey: 'six-tips' }, playbook).map((e) => e.path)).toContain('steps.0');
  });
});
