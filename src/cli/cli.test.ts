import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../../test/factories.js';
import type { NewCaseInput } from '../services/case-input.js';
import { addNote } from '../services/change-case.js';
import { createCase } from '../services/create-case.js';
import { openSqlite } from '../store/db.js';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

/** Runs the real CLI (through tsx) against a data dir; returns exit code and output. */
function defuse(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DEFUSE_DATA_DIR: dataDir, DEFUSE_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a case with two events into the workspace the CLI created, as the server would. */
async function seedCase(file: string, input: NewCaseInput): Promise<string> {
  const database = openSqlite(file);
  try {
    const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const ctx = {
      db: database.db,
      actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
      now: new Date(),
    };
    const kase = await createCase(ctx, input);
    await addNote(ctx, kase.ref, 'Called the customer back as promised.');
    return kase.ref;
  } finally {
    await database.close();
  }
}

// Each test starts several CLI processes (tsx compiles on start): slow on a busy two-core machine.
describe('defuse CLI', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help and exits 0; bad arguments give one line and exit 2', () => {
    const help = defuse(dir, '--help');
    expect(help.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'init', 'token', 'audit', 'backup', 'restore', 'demo']) expect(help.stdout).toContain(cmd);
    const bad = defuse(dir, 'init', '--workspace', 'X', '--email', 'not-an-email', '--password', 'longenoughpw');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be an email address');
    expect(defuse(dir, 'frobnicate').code).toBe(2);
    const badCurrency = defuse(dir, 'init', '--workspace', 'Y', '--email', 'y@y.test', '--password', 'longenoughpw', '--currency', 'usd');
    expect([badCurrency.code, badCurrency.stderr]).toEqual([2, expect.stringContaining('--currency must be an ISO 4217 code')]);
    const badZone = defuse(
      dir,
      'init',
      '--workspace',
      'Y',
      '--email',
      'y@y.test',
      '--password',
      'longenoughpw',
      '--time-zone',
      'Mars/Olympus',
    );
    expect([badZone.code, badZone.stderr]).toEqual([2, expect.stringContaining('--time-zone must be an IANA zone')]);
    const badEnv = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'migrate'], {
      env: { ...process.env, PORT: 'abc', DEFUSE_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(badEnv.status).toBe(2);
    expect(badEnv.stderr.trim().split('\n')).toHaveLength(1);
    expect(badEnv.stderr).toContain('PORT');
  });

  it('inits a workspace, issues tokens, verifies timelines and names the event a tamperer altered', async () => {
    const init = defuse(
      dir,
      'init',
      ...['--workspace', 'Corner Shop', '--email', 'owner@corner.test', '--password', 'a-long-password'],
      ...['--currency', 'USD', '--time-zone', 'America/Los_Angeles'],
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/API token \(shown once\): dfs_/);
    expect(defuse(dir, 'init', '--workspace', 'Corner Shop', '--email', 'x@corner.test', '--password', 'a-long-password').code).toBe(1);
    const token = defuse(dir, 'token', 'create', '--email', 'owner@corner.test', '--name', 'ci');
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^dfs_[\w-]{40,}$/);
    expect(defuse(dir, 'token', 'create', '--email', 'nobody@corner.test').code).toBe(1);

    const ref = await seedCase(join(dir, 'defuse.db'), buildCase());
    expect(defuse(dir, 'audit', 'verify').stdout).toContain('every chain intact');
    // The owner is an admin, not a new employee: the rules find nothing to assign yet.
    expect(defuse(dir, 'training', 'run-rules').stdout).toContain('Training rules applied: assigned 0, reminded 0, overdue 0');

    const db = new SQLite(join(dir, 'defuse.db'));
    expect(db.prepare("SELECT currency, time_zone FROM workspaces WHERE slug = 'corner-shop'").get()).toEqual({
      currency: 'USD',
      time_zone: 'America/Los_Angeles',
    });
    db.prepare("update case_events set at = '2020-01-01T00:00:00.000Z' where seq = 2").run();
    const eventId = (db.prepare('select id from case_events where seq = 2').get() as { id: string }).id;
    db.close();
    const broken = defuse(dir, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`case ${ref} event #2 (${eventId})`);
    expect(defuse(dir, 'audit', 'verify', '--case', 'C-1999-000001').code).toBe(1);
    expect(defuse(dir, 'audit', 'verify', '--case', 'nonsense').code).toBe(2);
  });

  it('signs a checkpoint to keep elsewhere, and with it catches a case deleted together with the stored checkpoints', async () => {
    const own = mkdtempSync(join(tmpdir(), 'defuse-cli-cp-'));
    try {
      expect(defuse(own, 'init', '--workspace', 'Kiosk', '--email', 'owner@kiosk.test', '--password', 'a-long-password').code).toBe(0);
      await seedCase(join(own, 'defuse.db'), buildCase());
      const kept = join(own, 'kept-checkpoint.json');
      const signed = defuse(own, 'audit', 'checkpoint', '--out', kept);
      expect(signed.code).toBe(0);
      expect(existsSync(kept)).toBe(true);
      await seedCase(join(own, 'defuse.db'), buildCase());
      expect(defuse(own, 'audit', 'verify', '--checkpoint', kept).stdout).toContain('only grew since checkpoint #1');

      // Delete the first case and every stored checkpoint: nothing left inside the database shows it…
      const db = new SQLite(join(own, 'defuse.db'));
      const first = (db.prepare('select id from cases order by ref limit 1').get() as { id: string }).id;
      for (const table of ['case_events', 'statements', 'case_parties']) db.prepare(`delete from ${table} where case_id = ?`).run(first);
      db.prepare('delete from cases where id = ?').run(first);
      db.prepare('delete from audit_frontier').run();
      db.prepare('delete from audit_checkpoints').run();
      db.close();
      expect(defuse(own, 'audit', 'verify').code).toBe(0);
      // …but the copy kept elsewhere does.
      const broken = defuse(own, 'audit', 'verify', '--checkpoint', kept);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('checkpoint #1');
      expect(broken.stderr).toContain('no longer holds it');
      expect(defuse(own, 'audit', 'verify', '--checkpoint', join(own, 'defuse.db')).code).toBe(2);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
  it('exports the cases a user may see, with outcome and root cause, as CSV or JSON', () => {
    const csv = defuse(dir, 'export', 'cases', '--email', 'owner@corner.test');
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header).toBe(
      'ref,title,status,severity,channel,team,assignee,reportedAt,resolvedAt,outcome,rootCauseCategory,rootCauseWhys,contributingFactors',
    );
    expect(rows).toHaveLength(1);
    const json = defuse(dir, 'export', 'cases', '--email', 'owner@corner.test', '--format', 'json', '--root-cause', 'training');
    expect(JSON.parse(json.stdout)).toEqual({ items: [], truncated: false });
    const bad = defuse(dir, 'export', 'cases', '--email', 'owner@corner.test', '--root-cause', 'weather');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown root cause "weather"');
    expect(defuse(dir, 'export', 'cases', '--email', 'nobody@corner.test').code).toBe(1);
  });

  it('backs up and restores the embedded database', () => {
    const file = join(dir, 'backup.db');
    expect(defuse(dir, 'backup', file).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(defuse(dir, 'backup', file).code).toBe(2);
    const db = new SQLite(join(dir, 'defuse.db'));
    db.prepare('delete from api_tokens').run();
    db.close();
    expect(defuse(dir, 'restore', file).code).toBe(0);
    const after = new SQLite(join(dir, 'defuse.db'), { readonly: true });
    expect((after.prepare('select count(*) as n from api_tokens').get() as { n: number }).n).toBe(2);
    after.close();
    expect(defuse(dir, 'restore', join(dir, 'missing.db')).code).toBe(2);
  });
});
