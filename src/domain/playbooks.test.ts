import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  builtInPlaybooks,
  COACH_MOVES,
  copyPlaybook,
  findPlaybook,
  nextStep,
  type Playbook,
  type PlaybookStep,
  progress,
  revisePlaybook,
  validatePlaybook,
} from './playbooks.js';
import { STRATEGIES } from './strategy.js';

function buildStep(overrides: Partial<PlaybookStep> = {}): PlaybookStep {
  return {
    key: 'listen',
    title: 'Listen',
    goal: 'You understand.',
    guidance: ['Stay quiet.'],
    prompts: [],
    doneWhen: 'They finished.',
    ...overrides,
  };
}

function buildPlaybook(overrides: Partial<Playbook> = {}): Playbook {
  return {
    key: 'test-book',
    version: 1,
    name: 'Test book',
    summary: 'For tests.',
    source: 'Our own.',
    steps: [buildStep({ key: 'a' }), buildStep({ key: 'b' }), buildStep({ key: 'c' })],
    ...overrides,
  };
}

function validationErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('built-in playbooks', () => {
  const books = builtInPlaybooks();

  it('has one per seed method: five steps, six tips, manager mediation and the four strategies', () => {
    expect(books.map((b) => b.key)).toEqual(['five-steps', 'six-tips', 'manager-mediation', ...STRATEGIES.map((s) => `strategy-${s}`)]);
    expect(findPlaybook('five-steps')?.steps).toHaveLength(5);
    expect(findPlaybook('six-tips')?.steps).toHaveLength(6);
    expect(findPlaybook('manager-mediation')?.steps.map((s) => s.key)).toEqual([
      'hear-both-sides',
      'empathise',
      'support-employee',
      'root-cause',
      'communicate-clearly',
      'offer-solution',
      'follow-up-both',
    ]);
  });

  it.each(books.map((b) => [b.key, b] as const))('%s validates and is complete', (_key, book) => {
    expect(validatePlaybook(book)).toEqual([]);
    expect(book.version).toBe(1);
    expect(book.steps.length).toBeGreaterThanOrEqual(3);
    // Where the method comes from, said for the people who use it: no internal reference.
    expect(book.source.length).toBeGreaterThan(40);
    expect(book.source).not.toMatch(/seed|PRODUCT|issue/i);
    for (const step of book.steps) {
      expect(step.guidance.length).toBeGreaterThan(0);
      expect(step.prompts.length).toBeGreaterThan(0);
      expect(step.doneWhen.trim().length).toBeGreaterThan(10);
      for (const m of step.expectedMoves ?? []) expect(COACH_MOVES).toContain(m);
    }
  });

  it('has unique keys and covers every method the product encodes', () => {
    expect(new Set(books.map((b) => b.key)).size).toBe(books.length);
    const sources = books.map((b) => b.source).join(' ');
    for (const idea of ['five-stage', 'Six habits', 'manager handles', 'steps back', 'delaying move', 'firm stance', 'Negotiation'])
      expect(sources).toContain(idea);
  });

  it('keeps guidance short enough to read mid-conversation', () => {
    for (const book of books)
      for (const step of book.steps)
        for (const line of step.guidance)
          for (const sentence of line.split(/(?<=[.?!])\s+/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(20);
  });

  it('carries "diffuse first, educate second" and "when the customer is wrong" into the steps', () => {
    const guidance = (key: string) =>
      findPlaybook(key)
        ?.steps.flatMap((s) => s.guidance)
        .join(' ') ?? '';
    expect(guidance('five-steps')).toMatch(/Calm first, explain later/);
    expect(guidance('strategy-confront')).toMatch(/Settle things, then explain/);
    expect(guidance('strategy-confront')).toMatch(/Explain the rule, not their mistake/);
    expect(guidance('manager-mediation')).toMatch(/feel foolish/);
  });

  it('hands out copies, so changing one does not change the library', () => {
    const mine = builtInPlaybooks()[0] as Playbook;
    mine.name = 'Changed';
    (mine.steps[0] as PlaybookStep).guidance.push('Extra');
    expect(findPlaybook('five-steps')?.name).toBe('Five steps for an upset customer');
    expect(findPlaybook('five-steps')?.steps[0]?.guidance).not.toContain('Extra');
  });

  it('finds nothing for an unknown key', () => {
    expect(findPlaybook('no-such-book')).toBeUndefined();
  });
});

describe('copyPlaybook', () => {
  const original = findPlaybook('six-tips') as Playbook;

  it('gives a new key from the name, version 1, and remembers where it came from', () => {
    const copy = copyPlaybook(revisePlaybook(original, { name: 'Six tips v2' }), 'Harbor & Pine: six tips');
    expect(copy.key).toBe('harbor-pine-six-tips');
    expect(copy.version).toBe(1);
    expect(copy.name).toBe('Harbor & Pine: six tips');
    expect(copy.basedOn).toEqual({ key: 'six-tips', version: 2 });
    expect(copy.steps).toEqual(original.steps);
  });

  it('never reuses a taken or built-in key', () => {
    expect(copyPlaybook(original, 'Harbor tips', ['harbor-tips']).key).toBe('harbor-tips-2');
    expect(copyPlaybook(original, 'Harbor tips', ['harbor-tips', 'harbor-tips-2']).key).toBe('harbor-tips-3');
    expect(copyPlaybook(original, 'Six tips').key).toBe('six-tips-2');
    expect(copyPlaybook(original, '¡¡¡').key).toBe('playbook');
  });

  it('shares no steps with the original', () => {
    const copy = copyPlaybook(original, 'Mine');
    copy.steps[0]?.guidance.push('Extra');
    expect(original.steps[0]?.guidance).not.toContain('Extra');
  });

  it('refuses an empty name', () => {
    const err = validationErrorOf(() => copyPlaybook(original, '   '));
    expect(err.errors).toContainEqual({ path: 'name', message: 'must not be empty' });
  });
});

describe('revisePlaybook', () => {
  const book = buildPlaybook();

  it('bumps the version, keeps the key and applies the changes', () => {
    const v2 = revisePlaybook(book, { name: 'Better book', steps: [...book.steps, buildStep({ key: 'd' })] });
    expect(v2).toMatchObject({ key: 'test-book', version: 2, name: 'Better book', summary: 'For tests.' });
    expect(v2.steps.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(revisePlaybook(v2, {}).version).toBe(3);
    expect(book.version).toBe(1);
    expect(book.steps).toHaveLength(3);
  });

  it('refuses duplicate step keys, naming the second one', () => {
    const err = validationErrorOf(() => revisePlaybook(book, { steps: [buildStep({ key: 'a' }), buildStep({ key: 'a' })] }));
    expect(err.errors?.map((e) => e.path)).toEqual(['steps.1.key']);
  });

  it('refuses a playbook without steps', () => {
    const err = validationErrorOf(() => revisePlaybook(book, { steps: [] }));
    expect(err.errors?.map((e) => e.path)).toEqual(['steps']);
  });

  it('refuses a step without guidance or a done-check', () => {
    const err = validationErrorOf(() => revisePlaybook(book, { steps: [buildStep({ guidance: [], doneWhen: ' ' })] }));
    expect(err.errors?.map((e) => e.path).sort()).toEqual(['steps.0.doneWhen', 'steps.0.guidance']);
  });
});

describe('validatePlaybook', () => {
  it('accepts a minimal playbook', () => {
    expect(validatePlaybook(buildPlaybook())).toEqual([]);
  });

  it('reports every bad field with its path', () => {
    const bad = buildPlaybook({
      key: 'Bad Key',
      version: 0,
      name: '',
      summary: 'x'.repeat(401),
      steps: [
        buildStep({ key: 'ok', title: 'x'.repeat(81), prompts: ['fine', ''] }),
        buildStep({ key: 'two', expectedMoves: ['empathy', 'empathy', 'shout' as never] }),
        buildStep({ key: 'no spaces allowed' }),
      ],
    });
    expect(validatePlaybook(bad).map((e) => e.path)).toEqual([
      'key',
      'version',
      'name',
      'summary',
      'steps.0.title',
      'steps.0.prompts.1',
      'steps.1.expectedMoves.1',
      'steps.1.expectedMoves.2',
      'steps.2.key',
    ]);
  });

  it('limits the number of steps and the length of each line', () => {
    const many = buildPlaybook({ steps: Array.from({ length: 21 }, (_, i) => buildStep({ key: `s${i}` })) });
    expect(validatePlaybook(many).map((e) => e.path)).toEqual(['steps']);
    const long = buildPlaybook({ steps: [buildStep({ guidance: ['y'.repeat(401)] })] });
    expect(validatePlaybook(long)).toEqual([{ path: 'steps.0.guidance.0', message: 'at most 400 characters' }]);
  });
});

describe('nextStep and progress', () => {
  const book = buildPlaybook();

  it('starts at the first step', () => {
    expect(nextStep(book, [])?.key).toBe('a');
    expect(progress(book, [])).toEqual({ done: 0, total: 3, percent: 0, currentStepKey: 'a', isComplete: false });
  });

  it('points at the first step not yet done, even when steps were done out of order', () => {
    expect(nextStep(book, ['a'])?.key).toBe('b');
    expect(nextStep(book, ['b', 'c'])?.key).toBe('a');
    expect(progress(book, ['b', 'c'])).toEqual({ done: 2, total: 3, percent: 66, currentStepKey: 'a', isComplete: false });
  });

  it('ignores keys the playbook does not have and counts repeats once', () => {
    expect(progress(book, ['a', 'a', 'zzz'])).toMatchObject({ done: 1, percent: 33, currentStepKey: 'b' });
  });

  it('is complete when every step is done', () => {
    expect(nextStep(book, ['c', 'b', 'a'])).toBeUndefined();
    expect(progress(book, ['a', 'b', 'c'])).toEqual({ done: 3, total: 3, percent: 100, currentStepKey: undefined, isComplete: true });
  });
});
