import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';
import { openSqlite } from '../store/db.js';

/** Two cases of one customer in the workspace the CLI created. */
async function seedTwice(file: string): Promise<{ first: string; second: string }> {
  const database = openSqlite(file);
  try {
    const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const ctx = {
      db: database.db,
      actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
      now: new Date(),
    };
    const a = await createCase(ctx, { ...buildCase(), customer: { name: 'Kim Larsen', email: 'kim@example.test' } });
    const b = await createCase(ctx, { ...buildCase(), customerId: a.customerId });
    return { first: a.ref, second: b.ref };
  } finally {
    await database.close();
  }
}

describe('defuse cases merge and split', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-cases-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges and splits as the named person, keeps the chains intact, and refuses bad input with one line', async () => {
    expect(runDefuse(dir, 'init', '--workspace', 'Kim Shop', '--email', 'owner@kim.test', '--password', 'a-long-password').code).toBe(0);
    const { first, second } = await seedTwice(join(dir, 'defuse.db'));

    const notRef = runDefuse(dir, 'cases', 'merge', 'abc', first, '--by', 'owner@kim.test');
    expect(notRef.code).toBe(2);
    expect(notRef.stderr).toContain('must be a case reference');
    const self = runDefuse(dir, 'cases', 'merge', first, first, '--by', 'owner@kim.test');
    expect(self.code).toBe(2);
    expect(self.stderr.trim()).toBe('defuse: intoRef: a case cannot be merged into itself');

    const merged = runDefuse(dir, 'cases', 'merge', second, first, '--by', 'owner@kim.test', '--reason', 'Rang twice');
    expect(merged.stderr).toBe('');
    expect(merged.stdout.trim()).toBe(`Merged ${second} into ${first}; ${second} is closed as merged`);
    const split = runDefuse(
      dir,
      'cases',
      'split',
      first,
      '--title',
      'Parking',
      '--summary',
      'A parking fine too',
      '--by',
      'owner@kim.test',
    );
    expect(split.stdout.trim()).toMatch(new RegExp(`^Split C-\\d{4}-\\d{6} \\(“Parking”\\) off ${first}$`));
    const verify = runDefuse(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: .*every chain intact; 3 cases/m);
  }, 240_000);
});
