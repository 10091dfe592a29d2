import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';
import { openSqlite } from '../store/db.js';

const defuse = runDefuse;

/** Two records of one customer, each with a case, in the workspace the CLI created. */
async function seedDuplicates(file: string): Promise<{ kept: string; duplicate: string }> {
  const database = openSqlite(file);
  try {
    const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const ctx = {
      db: database.db,
      actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
      now: new Date(),
    };
    const a = await createCase(ctx, { ...buildCase(), customer: { name: 'Kim Larsen', email: 'kim@example.test' } });
    const b = await createCase(ctx, { ...buildCase(), customer: { name: 'Kim Larsen', phone: '555-0100' } });
    return { kept: a.customerId as string, duplicate: b.customerId as string };
  } finally {
    await database.close();
  }
}

describe('defuse customers merge', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-customers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('merges as the named person, keeps the chains intact, and refuses bad input with one line', async () => {
    expect(defuse(dir, 'init', '--workspace', 'Kim Shop', '--email', 'owner@kim.test', '--password', 'a-long-password').code).toBe(0);
    const { kept, duplicate } = await seedDuplicates(join(dir, 'defuse.db'));

    const notId = defuse(dir, 'customers', 'merge', 'abc', kept, '--by', 'owner@kim.test');
    expect(notId.code).toBe(2);
    expect(notId.stderr).toContain('must be a customer id');
    const self = defuse(dir, 'customers', 'merge', kept, kept, '--by', 'owner@kim.test');
    expect(self.code).toBe(2);
    expect(self.stderr.trim()).toBe('defuse: intoId: a customer cannot be merged into itself; name the record to keep');
    expect(defuse(dir, 'customers', 'merge', duplicate, kept, '--by', 'nobody@kim.test').code).toBe(1);

    const merged = defuse(dir, 'customers', 'merge', duplicate, kept, '--by', 'owner@kim.test');
    expect(merged.stderr).toBe('');
    expect(merged.stdout.trim()).toBe('Merged Kim Larsen into Kim Larsen: 1 case(s) moved; 2 case(s) in all');
    const again = defuse(dir, 'customers', 'merge', duplicate, kept, '--by', 'owner@kim.test');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already merged');
    const verify = defuse(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: .*every chain intact; 2 cases/m);
    // Seven runs of the real CLI, each starting Node and tsx: slow on a busy machine.
  }, 240_000);
});
