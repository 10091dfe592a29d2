import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';
import { openSqlite } from '../store/db.js';

/** A customer with one case, named in its summary, in the workspace the CLI created. */
async function seedCustomer(file: string): Promise<{ id: string; ref: string }> {
  const database = openSqlite(file);
  try {
    const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const ctx = {
      db: database.db,
      actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
      now: new Date(),
    };
    const c = await createCase(ctx, {
      ...buildCase({ summary: 'Lena Vogel wanted a refund.' }),
      customer: { name: 'Lena Vogel', email: 'lena@example.test' },
    });
    return { id: c.customerId as string, ref: c.ref };
  } finally {
    await database.close();
  }
}

describe('defuse customers export|erase and defuse holds', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-rights-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports, refuses an erasure under hold, releases the hold, erases, and the record still verifies', async () => {
    expect(runDefuse(dir, 'init', '--workspace', 'Vogel Shop', '--email', 'owner@vogel.test', '--password', 'a-long-password').code).toBe(
      0,
    );
    const { id, ref } = await seedCustomer(join(dir, 'defuse.db'));
    const out = join(dir, 'export.html');
    const exported = runDefuse(dir, 'customers', 'export', id, '--format', 'html', '--out', out);
    expect(exported.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Lena Vogel wanted a refund.');

    const held = runDefuse(dir, 'holds', 'create', '--matter', 'Vogel claim', '--reason', 'Solicitor letter', '--case', ref);
    expect(held.stdout).toContain(`on case ${ref} for "Vogel claim"`);
    const holdId = held.stdout.split(' ')[1] as string;
    const refused = runDefuse(dir, 'customers', 'erase', id, '--reason', 'asked');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^defuse: This customer cannot be erased while the legal hold "Vogel claim" holds it/);
    expect(runDefuse(dir, 'holds', 'release', holdId, '--reason', 'Settled').stdout.trim()).toBe('Released the hold "Vogel claim"');

    const erased = runDefuse(dir, 'customers', 'erase', id, '--reason', 'asked by email', '--json');
    expect(erased.stderr).toBe('');
    expect(JSON.parse(erased.stdout)).toMatchObject({ customerId: id, cases: 1 });
    const verify = runDefuse(dir, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('mentions in 1 events');
    expect(runDefuse(dir, 'customers', 'erase', 'abc', '--reason', 'x').code).toBe(2);
  }, 240_000);
});
