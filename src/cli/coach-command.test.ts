import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createCoach } from '../coach/index.js';
import { ZCoachResult } from '../contracts/coach.js';

/** Due times depend on the moment of analysis; everything else must match exactly. */
const withoutDue = (value: unknown) => JSON.parse(JSON.stringify(value, (k, v) => (k === 'due' ? undefined : v)));

const MAIN = new URL('./main.ts', import.meta.url).pathname;

/** Runs the real CLI (through tsx) with optional stdin; returns exit code and output. */
function defuse(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'coach', ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('defuse coach', { timeout: 180_000 }, () => {
  it('--json prints the API shape, with spans pointing at the words', () => {
    const customer = "Third time asking. I want my money back or I'm calling my lawyer.";
    const reply = "Calm down. I'll call you back tomorrow at 3pm.";
    const r = defuse(['--customer', customer, '--reply', reply, '--json']);
    expect(r.code).toBe(0);
    const result = ZCoachResult.parse(JSON.parse(r.stdout));
    expect(result.customer?.escalation.map((f) => [f.kind, customer.slice(...f.span)])).toEqual([
      ['repeat_contact', 'Third time'],
      ['legal', 'my lawyer'],
    ]);
    expect(result.reply?.problems.map((f) => [f.kind, reply.slice(...f.span)])).toEqual([['dismissive', 'Calm down']]);
    expect(result.reply?.moves.find((m) => m.kind === 'commitment')?.due).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The same findings as the library, and so as the API, which serves the library's result as is.
    expect(withoutDue(result)).toEqual(withoutDue(createCoach().analyze({ customer, reply })));
  });

  it('reads stdin as the reply, with the customer message before a "---" line, and prints a readable summary', () => {
    const r = defuse([], 'Where is my refund?\n---\nSorry about that. What happened?\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wants       refund          "refund"');
    expect(r.stdout).toContain('move     question     "What happened?" (open)');
  });

  it('--jsonl answers every line with its id, reports bad lines in place and exits 1', () => {
    const input = ['{"id":"a","reply":"Thank you!"}', 'not json', '{"id":7,"customer":"I want a refund"}', '{"id":"empty"}', ''].join('\n');
    const r = defuse(['--jsonl'], input);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 7, 'empty']);
    expect(lines[0].reply.moves[0].kind).toBe('thanks');
    expect(lines[1].error).toBe('not valid JSON');
    expect(lines[2].customer.wants[0].kind).toBe('refund');
    expect(lines[3].error).toMatch(/customer message, a reply, or both/);
    expect(r.stderr.trim()).toBe('defuse: 2 of 4 lines could not be analysed');
  });

  it('bad arguments give one line on stderr and exit 2', () => {
    const mixed = defuse(['--jsonl', '--reply', 'hi']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    const empty = defuse(['--reply', '   ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('nothing to analyse');
    expect(defuse(['--expect', 'hugging', '--reply', 'hi']).code).toBe(2);
  });
});
