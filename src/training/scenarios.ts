import { CHANNELS } from '../domain/case.js';
import { AppError, type FieldError } from '../domain/errors.js';
import type { Playbook } from '../domain/playbook.js';
import { STRATEGIES } from '../domain/strategy.js';
import { DIFFICULTIES, MOOD_STATES, NEEDS, type PersonaLines, SCENARIO_LIMITS, type Scenario, SIGNALS } from '../domain/training.js';
import { BUILT_IN_SCENARIOS } from './scenario-library.js';

/** Rules over scenarios: the built-ins, copies under a new key, revisions as new versions, and validation. */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const L = SCENARIO_LIMITS;

export function builtInScenarios(): Scenario[] {
  return BUILT_IN_SCENARIOS.map((s) => structuredClone(s));
}

export function findBuiltInScenario(key: string): Scenario | undefined {
  const found = BUILT_IN_SCENARIOS.find((s) => s.key === key);
  return found ? structuredClone(found) : undefined;
}

/** The fields an admin may change; the key stays, the version goes up by one. */
export type ScenarioChanges = {
  [K in
    | 'title'
    | 'summary'
    | 'brief'
    | 'persona'
    | 'playbookKey'
    | 'steps'
    | 'strategy'
    | 'channel'
    | 'customerIsRight'
    | 'passMark'
    | 'rubric'
    | 'goal'
    | 'difficulties'
    | 'models']?: Scenario[K] | undefined;
};

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An editable copy under a new title: a free key from the title, version 1, and a note of where it came from. */
export function copyScenario(s: Scenario, newTitle: string, takenKeys: Iterable<string> = []): Scenario {
  const taken = new Set(takenKeys);
  for (const b of BUILT_IN_SCENARIOS) taken.add(b.key);
  taken.add(s.key);
  const base =
    slugify(newTitle)
      .slice(0, L.keyLength - 4)
      .replace(/-+$/, '') || 'scenario';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  const { basedOn: _, ...rest } = structuredClone(s);
  const copy: Scenario = { ...rest, key, version: 1, title: newTitle.trim(), basedOn: { key: s.key, version: s.version } };
  assertValid(copy);
  return copy;
}

/** The next version with the changes applied. Throws `validation` with field errors. */
export function reviseScenario(s: Scenario, changes: ScenarioChanges): Scenario {
  // Only the fields given change: a field present but undefined keeps its value.
  const given = Object.fromEntries(Object.entries(structuredClone(changes)).filter(([, v]) => v !== undefined)) as Partial<Scenario>;
  const next: Scenario = { ...structuredClone(s), ...given, key: s.key, version: s.version + 1 };
  if (s.basedOn) next.basedOn = s.basedOn;
  assertValid(next);
  return next;
}

/** Throws `validation` with field errors when the scenario is not valid (and, given its playbook, when its steps are not in it). */
export function assertValid(s: Scenario, playbook?: Playbook): void {
  const errors = validateScenario(s, playbook);
  if (errors.length > 0) {
    const first = errors[0] as FieldError;
    throw new AppError('validation', `The scenario is not valid: ${first.path} ${first.message}`, errors);
  }
}

const LINE_POOLS: (keyof PersonaLines)[] = ['opening', 'vent', 'calm', 'frustrated', 'angry', 'hostile', 'satisfied', 'walkAway'];

/** Field errors of a scenario (empty when valid); paths are dotted, like `persona.lines.calm.2`. */
export function validateScenario(s: Scenario, playbook?: Playbook): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (typeof s.key !== 'string' || !SLUG.test(s.key) || s.key.length > L.keyLength) {
    err('key', `lowercase letters, digits and single dashes, at most ${L.keyLength} characters`);
  }
  if (!Number.isInteger(s.version) || s.version < 1) err('version', 'a whole number from 1');
  text(errors, 'title', s.title, L.titleLength);
  text(errors, 'summary', s.summary, L.summaryLength);
  text(errors, 'brief', s.brief, L.briefLength);
  if (!(STRATEGIES as readonly string[]).includes(s.strategy)) err('strategy', `one of ${STRATEGIES.join(', ')}`);
  if (!(CHANNELS as readonly string[]).includes(s.channel)) err('channel', `one of ${CHANNELS.join(', ')}`);
  if (typeof s.customerIsRight !== 'boolean') err('customerIsRight', 'true or false');
  if (!Number.isInteger(s.passMark) || s.passMark < 0 || s.passMark > 100) err('passMark', 'a whole number from 0 to 100');
  if (typeof s.playbookKey !== 'string' || !SLUG.test(s.playbookKey)) err('playbookKey', 'a playbook key');

  const p = s.persona;
  if (!p || typeof p !== 'object') {
    err('persona', 'required');
  } else {
    text(errors, 'persona.name', p.name, L.nameLength);
    for (const f of ['who', 'whatHappened', 'wants'] as const) text(errors, `persona.${f}`, p[f], L.personaTextLength);
    if (!(MOOD_STATES as readonly string[]).includes(p.startMood)) err('persona.startMood', `one of ${MOOD_STATES.join(', ')}`);
    if (p.startMood === 'abusive' && !p.mayBecomeAbusive) err('persona.startMood', 'an abusive start needs mayBecomeAbusive');
    list(errors, 'persona.calmer', p.calmer, 0, L.maxListItems, L.lineLength);
    list(errors, 'persona.angrier', p.angrier, 0, L.maxListItems, L.lineLength);
    if (!Number.isInteger(p.ventTurns) || p.ventTurns < 0 || p.ventTurns > 4) err('persona.ventTurns', 'a whole number from 0 to 4');
    if (typeof p.mayBecomeAbusive !== 'boolean') err('persona.mayBecomeAbusive', 'true or false');
    if (!Array.isArray(p.triggers) || p.triggers.length > L.maxTriggers) err('persona.triggers', `a list of at most ${L.maxTriggers}`);
    else
      p.triggers.forEach((t, i) => {
        const at = `persona.triggers.${i}`;
        if (t.signal !== undefined && !(SIGNALS as readonly string[]).includes(t.signal))
          err(`${at}.signal`, `one of ${SIGNALS.join(', ')}`);
        if (t.phrases !== undefined) list(errors, `${at}.phrases`, t.phrases, 1, L.maxPhrases, L.phraseLength);
        if (!Number.isInteger(t.weight) || t.weight < -30 || t.weight > 30) err(`${at}.weight`, 'a whole number from -30 to 30');
        text(errors, `${at}.why`, t.why, L.lineLength);
      });
    const lines = p.lines;
    if (!lines || typeof lines !== 'object') err('persona.lines', 'required');
    else {
      for (const pool of LINE_POOLS) list(errors, `persona.lines.${pool}`, lines[pool], 1, L.maxListItems, L.lineLength);
      if (p.mayBecomeAbusive || lines.abusive !== undefined) {
        list(errors, 'persona.lines.abusive', lines.abusive, p.mayBecomeAbusive ? 1 : 0, L.maxListItems, L.lineLength);
      }
    }
  }

  const r = s.rubric;
  if (!r || typeof r !== 'object') err('rubric', 'required');
  else
    for (const kind of ['mustSay', 'neverSay'] as const) {
      const rules = r[kind];
      if (!Array.isArray(rules) || rules.length > L.maxRules) {
        err(`rubric.${kind}`, `a list of at most ${L.maxRules}`);
        continue;
      }
      rules.forEach((rule, i) => {
        text(errors, `rubric.${kind}.${i}.label`, rule.label, L.lineLength);
        text(errors, `rubric.${kind}.${i}.why`, rule.why, L.lineLength);
        list(errors, `rubric.${kind}.${i}.phrases`, rule.phrases, 1, L.maxPhrases, L.phraseLength);
      });
    }

  const g = s.goal;
  if (!g || typeof g !== 'object') err('goal', 'required');
  else {
    if (!Number.isInteger(g.calmAt) || g.calmAt < 0 || g.calmAt > 100) err('goal.calmAt', 'a whole number from 0 to 100');
    if (!Array.isArray(g.needs) || g.needs.some((n) => !(NEEDS as readonly string[]).includes(n)))
      err('goal.needs', `a list of ${NEEDS.join(', ')}`);
    if (typeof g.abusePolicyIsRight !== 'boolean') err('goal.abusePolicyIsRight', 'true or false');
    else if (g.abusePolicyIsRight && p && !p.mayBecomeAbusive) err('goal.abusePolicyIsRight', 'only for a persona that can become abusive');
  }

  if (
    !Array.isArray(s.difficulties) ||
    s.difficulties.length === 0 ||
    s.difficulties.some((d) => !(DIFFICULTIES as readonly string[]).includes(d))
  ) {
    err('difficulties', `at least one of ${DIFFICULTIES.join(', ')}`);
  }
  if (
    !Array.isArray(s.steps) ||
    s.steps.length === 0 ||
    s.steps.length > 20 ||
    s.steps.some((k) => typeof k !== 'string' || !SLUG.test(k))
  ) {
    err('steps', 'one to 20 playbook step keys');
  } else if (playbook) {
    s.steps.forEach((key, i) => {
      const step = playbook.steps.find((st) => st.key === key);
      if (!step) err(`steps.${i}`, `the playbook ${playbook.key} has no step "${key}"`);
      else if (!(step.expectedMoves ?? []).length) err(`steps.${i}`, `the step "${key}" expects nothing of a reply`);
    });
  }
  if (!s.models || typeof s.models !== 'object' || Array.isArray(s.models)) err('models', 'a model reply per step key');
  else
    for (const [key, line] of Object.entries(s.models)) {
      if (Array.isArray(s.steps) && !s.steps.includes(key)) err(`models.${key}`, 'not one of the scenario’s steps');
      text(errors, `models.${key}`, line, L.replyLength);
    }
  return errors;
}

function text(errors: FieldError[], path: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') errors.push({ path, message: 'must not be empty' });
  else if (value.length > max) errors.push({ path, message: `at most ${max} characters` });
}

function list(errors: FieldError[], path: string, items: unknown, min: number, max: number, itemMax: number): void {
  if (!Array.isArray(items)) {
    errors.push({ path, message: 'must be a list' });
    return;
  }
  if (items.length < min) errors.push({ path, message: `needs at least ${min} item${min === 1 ? '' : 's'}` });
  if (items.length > max) errors.push({ path, message: `at most ${max} items` });
  items.forEach((item, i) => {
    text(errors, `${path}.${i}`, item, itemMax);
  });
}
