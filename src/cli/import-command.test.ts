import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';

const fixture = (name: string) => join(import.meta.dirname, '../../test/fixtures/import', name);

describe('defuse import', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-import-'));
    runDefuse(dir, 'init', '--workspace', 'Lind Outfitters', '--email', 'owner@lind.test', '--password', 'a-long-password');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dry-runs, imports, skips what it imported before, and the record still verifies', () => {
    const file = fixture('freshdesk-tickets.csv');
    const dry = runDefuse(dir, 'import', file, '--format', 'freshdesk', '--dry-run', '--timezone', 'Europe/Madrid');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'Dry run of 4 rows from Freshdesk (windows-1252, dates in Europe/Madrid): would create 2 cases and 2 customers, skipped 0 imported before, refused 2',
    );
    expect(dry.stdout).toContain('line 6: "max-at-example" is not an email address');
    expect(dry.stdout).toContain('Nothing was changed.');

    const done = runDefuse(dir, 'import', file, '--format', 'freshdesk', '--timezone', 'Europe/Madrid', '--json');
    expect(done.code).toBe(0);
    const report = JSON.parse(done.stdout) as { created: number; sample: { externalId: string; ref: string }[] };
    expect(report.created).toBe(2);
    expect(report.sample[0]).toMatchObject({ externalId: '501', ref: expect.stringMatching(/^C-2024-\d{6}$/) });

    const again = runDefuse(dir, 'import', file, '--format', 'freshdesk', '--timezone', 'Europe/Madrid');
    expect(again.stdout).toContain('created 0 cases and 0 customers, skipped 2 imported before, refused 2');
    expect(runDefuse(dir, 'audit', 'verify').code).toBe(0);
  });

  it('answers bad arguments with one line and exit code 2', () => {
    const file = fixture('zendesk-tickets.csv');
    const zone = runDefuse(dir, 'import', file, '--format', 'zendesk', '--timezone', 'Nowhere/Land');
    expect([zone.code, zone.stderr.trim()]).toEqual([
      2,
      'defuse: --timezone "Nowhere/Land" is not a time zone (use a name such as Europe/Berlin)',
    ]);
    const format = runDefuse(dir, 'import', file, '--format', 'helpscout');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'helpscout' is invalid");
    const missing = runDefuse(dir, 'import', join(dir, 'nope.csv'), '--format', 'zendesk');
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `defuse: Cannot read ${join(dir, 'nope.csv')}`]);
  });
});
