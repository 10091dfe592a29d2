import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefuse } from '../../test/cli.js';
import { buildCase } from '../../test/factories.js';
import { isoWeekOf } from '../domain/iso-week.js';
import { transitionCase } from '../services/change-case.js';
import { createCase } from '../services/create-case.js';
import { createTeam } from '../services/directory.js';
import { openSqlite } from '../store/db.js';

const defuse = runDefuse;

describe('defuse digest', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-digest-'));
    expect(defuse(dir, 'init', '--workspace', 'Corner Shop', '--email', 'owner@corner.test', '--password', 'a-long-password').code).toBe(0);
    const database = openSqlite(join(dir, 'defuse.db'));
    try {
      const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      const ctx = {
        db: database.db,
        actor: { userId: user.id, workspaceId: user.workspace_id, role: 'admin' as const, teamIds: [], employeeId: null },
        now: new Date(),
      };
      const team = await createTeam(ctx, 'Front Desk');
      const kase = await createCase(ctx, {
        ...buildCase({
          title: 'Greta Lindqvist shouted at the desk',
          summary: 'Greta Lindqvist (greta@example.test) was told to wait an hour.',
          severity: 1,
        }),
        teamId: team.id,
        customer: { name: 'Greta Lindqvist', email: 'greta@example.test' },
      });
      await transitionCase(ctx, kase.ref, { to: 'acknowledged' });
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes this week's agendas and the management summary, as Markdown or HTML by the extension", () => {
    const md = join(dir, 'agenda.md');
    const r = defuse(dir, 'digest', 'team-meeting', '--out', md);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Front Desk: draft');
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`# Team meeting: Front Desk, week ${isoWeekOf(new Date())}`);
    expect(text).toContain('DRAFT, not approved');
    expect(text).toContain('## The customer shouted at the desk');
    expect(text).toContain('# Management summary');
    expect(text).not.toMatch(/Greta|Lindqvist|greta@/);
    const html = join(dir, 'agenda.html');
    expect(defuse(dir, 'digest', 'team-meeting', '--team', 'front desk', '--week', isoWeekOf(new Date()), '--out', html).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h3>Questions for the team</h3>');
    expect(page).not.toContain('Management summary');
    expect(page).not.toMatch(/Greta|Lindqvist/);
  }, 60_000);

  it('writes the newsletter (a draft until approved)', () => {
    const r = defuse(dir, 'digest', 'newsletter', '--since', '2020-01-01');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Draft newsletter');
    expect(r.stdout).toContain('# What we learned from conflicts since 2020-01-01');
    expect(r.stdout).toContain('fewer than 4 people');
  }, 60_000);

  it('refuses bad arguments with one line and exit 2', () => {
    const week = defuse(dir, 'digest', 'team-meeting', '--week', '2026-W60');
    expect(week.code).toBe(2);
    expect(week.stderr).toContain('must be an ISO week');
    expect(defuse(dir, 'digest', 'team-meeting', '--out', join(dir, 'agenda.txt')).code).toBe(2);
    expect(defuse(dir, 'digest', 'team-meeting', '--team', 'Nowhere').stderr).toContain('No team "Nowhere"');
    expect(defuse(dir, 'digest', 'newsletter', '--since', 'yesterday').code).toBe(2);
  }, 90_000);
});
