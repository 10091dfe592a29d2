/**
 * The moves the reply coach recognises in a draft reply. A playbook step names the moves it
 * expects, so the coach can say which ones the reply still lacks.
 */
import { MOVE_KINDS, type MoveKind } from './coach.js';
import { AppError, type FieldError } from './errors.js';
import type { Playbook, PlaybookStep } from './playbook.js';
import { BUILT_IN_PLAYBOOKS } from './playbook-library.js';

/** The reply coach's moves: what a playbook step can expect a reply to make. */
export const COACH_MOVES = MOVE_KINDS;
export type { MoveKind, Playbook, PlaybookStep };

/** Size limits, shared with the HTTP contracts so the API refuses what validation would refuse. */
export const PLAYBOOK_LIMITS = {
  keyLength: 60,
  nameLength: 80,
  summaryLength: 400,
  sourceLength: 600,
  maxSteps: 20,
  stepKeyLength: 40,
  titleLength: 80,
  goalLength: 300,
  maxGuidance: 12,
  guidanceLength: 400,
  maxPrompts: 12,
  promptLength: 300,
  doneWhenLength: 300,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Fresh copies of the built-in playbooks, one per method; callers may change them freely. */
export function builtInPlaybooks(): Playbook[] {
  return BUILT_IN_PLAYBOOKS.map((p) => structuredClone(p));
}

/** A fresh copy of the built-in playbook with this key, or undefined. */
export function findPlaybook(key: string): Playbook | undefined {
  const found = BUILT_IN_PLAYBOOKS.find((p) => p.key === key);
  return found ? structuredClone(found) : undefined;
}

/**
 * An editable copy under a new name: a new key derived from the name (suffixed when it is taken),
 * version 1, and a note of the version it came from. Throws `validation` if the copy is invalid.
 */
export function copyPlaybook(p: Playbook, newName: string, takenKeys: Iterable<string> = []): Playbook {
  const taken = new Set(takenKeys);
  for (const b of BUILT_IN_PLAYBOOKS) taken.add(b.key);
  taken.add(p.key);
  const base =
    slugify(newName)
      .slice(0, PLAYBOOK_LIMITS.keyLength - 4)
      .replace(/-+$/, '') || 'playbook';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  const copy: Playbook = {
    key,
    version: 1,
    name: newName.trim(),
    summary: p.summary,
    source: p.source,
    steps: structuredClone(p.steps),
    basedOn: { key: p.key, version: p.version },
  };
  assertValid(copy);
  return copy;
}

export type PlaybookChanges = { [K in 'name' | 'summary' | 'source' | 'steps']?: Playbook[K] | undefined };

/** The next version of a playbook with the changes applied; its key stays. Throws `validation` with field errors. */
export function revisePlaybook(p: Playbook, changes: PlaybookChanges): Playbook {
  const next: Playbook = {
    ...structuredClone(p),
    version: p.version + 1,
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.summary !== undefined && { summary: changes.summary }),
    ...(changes.source !== undefined && { source: changes.source }),
    ...(changes.steps !== undefined && { steps: structuredClone(changes.steps) }),
  };
  assertValid(next);
  return next;
}

/** Field errors of a playbook (empty when valid); paths are dotted, like `steps.2.guidance.0`. */
export function validatePlaybook(p: Playbook): FieldError[] {
  const errors: FieldError[] = [];
  const L = PLAYBOOK_LIMITS;
  if (!SLUG.test(p.key) || p.key.length > L.keyLength) {
    errors.push({ path: 'key', message: `lowercase letters, digits and single dashes, at most ${L.keyLength} characters` });
  }
  if (!Number.isInteger(p.version) || p.version < 1) errors.push({ path: 'version', message: 'a whole number from 1' });
  text(errors, 'name', p.name, L.nameLength);
  text(errors, 'summary', p.summary, L.summaryLength);
  text(errors, 'source', p.source, L.sourceLength);
  if (!Array.isArray(p.steps) || p.steps.length === 0) {
    errors.push({ path: 'steps', message: 'a playbook needs at least one step' });
    return errors;
  }
  if (p.steps.length > L.maxSteps) errors.push({ path: 'steps', message: `at most ${L.maxSteps} steps` });
  const seen = new Set<string>();
  p.steps.forEach((s, i) => {
    const at = `steps.${i}`;
    if (!SLUG.test(s.key) || s.key.length > L.stepKeyLength) {
      errors.push({ path: `${at}.key`, message: `lowercase letters, digits and single dashes, at most ${L.stepKeyLength} characters` });
    } else if (seen.has(s.key)) {
      errors.push({ path: `${at}.key`, message: `another step already uses the key "${s.key}"` });
    }
    seen.add(s.key);
    text(errors, `${at}.title`, s.title, L.titleLength);
    text(errors, `${at}.goal`, s.goal, L.goalLength);
    text(errors, `${at}.doneWhen`, s.doneWhen, L.doneWhenLength);
    list(errors, `${at}.guidance`, s.guidance, 1, L.maxGuidance, L.guidanceLength);
    list(errors, `${at}.prompts`, s.prompts, 0, L.maxPrompts, L.promptLength);
    if (s.expectedMoves !== undefined) {
      const moves = new Set<string>();
      s.expectedMoves.forEach((m, j) => {
        if (!(COACH_MOVES as readonly string[]).includes(m)) {
          errors.push({ path: `${at}.expectedMoves.${j}`, message: `one of ${COACH_MOVES.join(', ')}` });
        } else if (moves.has(m)) {
          errors.push({ path: `${at}.expectedMoves.${j}`, message: `"${m}" is listed twice` });
        }
        moves.add(m);
      });
    }
  });
  return errors;
}

/** The first step, in playbook order, that is not done yet; undefined when every step is done. */
export function nextStep(playbook: Playbook, doneStepKeys: Iterable<string>): PlaybookStep | undefined {
  const done = new Set(doneStepKeys);
  return playbook.steps.find((s) => !done.has(s.key));
}

export type PlaybookProgress = {
  done: number;
  total: number;
  /** Whole percent, 0–100. */
  percent: number;
  /** Key of the step to work on now; undefined when complete. */
  currentStepKey: string | undefined;
  isComplete: boolean;
};

/** How far a case is through a playbook; keys of steps the playbook does not have are ignored. */
export function progress(playbook: Playbook, doneStepKeys: Iterable<string>): PlaybookProgress {
  const done = new Set(doneStepKeys);
  const total = playbook.steps.length;
  const count = playbook.steps.filter((s) => done.has(s.key)).length;
  const current = nextStep(playbook, done);
  return {
    done: count,
    total,
    percent: total === 0 ? 0 : Math.floor((count * 100) / total),
    currentStepKey: current?.key,
    isComplete: current === undefined,
  };
}

function assertValid(p: Playbook): void {
  const errors = validatePlaybook(p);
  if (errors.length > 0) {
    const first = errors[0] as FieldError;
    throw new AppError('validation', `The playbook is not valid: ${first.path} ${first.message}`, errors);
  }
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

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
