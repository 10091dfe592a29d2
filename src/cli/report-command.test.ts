import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildCase } from '../../test/factories.js';
import { createCase } from '../services/create-case.js';
import { createTeam } from '../services/directory.js';
import { setWorkspaceSettings } from '../services/workspace-settings.js';
import { openSqlite } from '../store/db.js';

describe('defuse report', { timeout: 180_000 }, () => {
  let dir: string;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-report-'));
    expect(runDefuse(dir, 'init', '--workspace', 'Corner Shop', '--email', 'owner@corner.test', '--password', 'a-long-password').code).toBe(
      0,
    );
    const database = openSqlite(join(dir, 'defuse.db'));
    try {
      const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      const ctx = {
        db: database.db,
        actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
        now: new Date(),
      };
      const team = await createTeam(ctx, 'Front Desk');
      await createCase(ctx, { ...buildCase({ title: '@SUM(1+1) shouted at the desk', severity: 1 }), teamId: team.id });
      await createCase(ctx, buildCase({ severity: 3 }));
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the dashboard on the terminal, and as CSV for one team', () => {
    const text = runDefuse(dir, 'report', 'dashboard', '--from', today, '--to', today);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^cases\s+2\s+0\s+2$/m);
    const csv = runDefuse(dir, 'report', 'dashboard', '--from', today, '--to', today, '--team', 'front desk', '--csv', '--bom');
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFheadline\r\n')).toBe(true);
    expect(csv.stdout).toContain('\r\ncases,1,0,1\r\n');
  }, 120_000);

  it('writes one row per case, and says clearly what is wrong with bad arguments', () => {
    const cases = runDefuse(dir, 'report', 'cases', '--from', today, '--to', today);
    expect(cases.code).toBe(0);
    expect(cases.stdout.trimEnd().split('\r\n')).toHaveLength(3);
    const bad = runDefuse(dir, 'report', 'weather', '--from', today, '--to', today);
    expect(bad.code).toBe(2);
    const backwards = runDefuse(dir, 'report', 'dashboard', '--from', '2026-03-02', '--to', '2026-02-01');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr.trim().split('\n')).toHaveLength(1);
    expect(runDefuse(dir, 'report', 'dashboard', '--from', 'soon', '--to', today).code).toBe(2);
  }, 180_000);
});

describe("defuse report's days", { timeout: 180_000 }, () => {
  it("counts whole days of the workspace's time zone, as the dashboard page does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-report-zone-'));
    try {
      expect(
        runDefuse(dir, 'init', '--workspace', 'Night Shift', '--email', 'owner@night.test', '--password', 'a-long-password').code,
      ).toBe(0);
      const database = openSqlite(join(dir, 'defuse.db'));
      try {
        const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
        const ctx = (now: string) => ({
          db: database.db,
          actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
          now: new Date(now),
        });
        await setWorkspaceSettings(ctx('2026-03-01T12:00:00.000Z'), { timeZone: 'America/Los_Angeles' });
        // 1 March, 19:00 in Los Angeles (PST, UTC-8), though 2 March in UTC; and 1 March, 07:00 UTC, still 28 February there.
        await createCase(ctx('2026-03-02T03:00:00.000Z'), buildCase({ severity: 2 }));
        await createCase(ctx('2026-03-01T07:00:00.000Z'), buildCase({ severity: 2 }));
      } finally {
        await database.close();
      }
      const cases = runDefuse(dir, 'report', 'cases', '--from', '2026-03-01', '--to', '2026-03-01');
      expect(cases.code).toBe(0);
      const rows = cases.stdout.trimEnd().split('\r\n').slice(1);
      expect(rows.map((r) => r.split(',')[1])).toEqual(['2026-03-02T03:00:00.000Z']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
