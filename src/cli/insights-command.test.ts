import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

function defuse(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'insights', 'redact', ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LINE = JSON.stringify({
  id: 'a',
  text: 'Tom told Ingrid Halvorsen to call 07700 900123 about order #88123.',
  names: [
    { name: 'Tom Okafor', role: 'employee' },
    { name: 'Ingrid Halvorsen', role: 'customer' },
  ],
});

describe('defuse insights redact', { timeout: 180_000 }, () => {
  it('--json prints each text redacted with what it removed, keeping the id', () => {
    const r = defuse(['--json'], `${LINE}\n${JSON.stringify({ id: 2, text: 'Nothing to hide here.' })}\n`);
    expect(r.code).toBe(0);
    const [first, second] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first.id).toBe('a');
    expect(first.text).toBe('An employee (A) told the customer to call [phone] about order [order number].');
    expect(first.removed.map((x: { kind: string; text: string }) => [x.kind, x.text])).toEqual([
      ['name', 'Tom'],
      ['name', 'Ingrid Halvorsen'],
      ['phone', '07700 900123'],
      ['order', '#88123'],
    ]);
    expect(second).toEqual({ id: 2, text: 'Nothing to hide here.', removed: [] });
  });

  it('reads --input FILE and prints a readable summary by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-redact-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${LINE}\n`);
    const r = defuse(['--input', file]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a: An employee (A) told the customer');
    expect(r.stdout).toContain('name     "Ingrid Halvorsen" → the customer');
  });

  it('refuses bad input with one line on stderr and exit code 2, printing nothing', () => {
    for (const [input, message] of [
      [`${LINE}\nnot json\n`, 'line 2: not JSON'],
      ['{"id":"x"}\n', 'line 1: text'],
      ['{"id":"x","text":"hi","names":[3]}\n', 'line 1: names.0'],
    ] as const) {
      const r = defuse([], input);
      expect(r.code, input).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
    expect(defuse(['--input', '/nonexistent/file.jsonl']).code).toBe(2);
  });
});
