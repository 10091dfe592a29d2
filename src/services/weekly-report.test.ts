import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { createCase } from './create-case.js';
import { sendWeeklyReports, WEEKLY_REPORT_KIND } from './weekly-report.js';

// Monday 9 March 2026; the workspace is in New York (UTC−4 from 8 March), so its Monday 07:00 is 11:00 UTC.
const BEFORE_SEVEN = new Date('2026-03-09T10:30:00.000Z');
const AFTER_SEVEN = new Date('2026-03-09T11:30:00.000Z');

describeEachDatabase('the weekly summary by mail', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const mails = () =>
    database.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'subject', 'text_body'])
      .where('workspace_id', '=', ws.workspace.id)
      .where('kind', '=', WEEKLY_REPORT_KIND)
      .execute();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    await database.db.updateTable('workspaces').set({ time_zone: 'America/New_York' }).where('id', '=', ws.workspace.id).execute();
    cast = await buildCast(ws.ctx());
    // Last week: two of team A's cases and one of team B's; the week before: one of team A's.
    for (const [at, team] of [
      ['2026-03-02T15:00:00.000Z', cast.teamA.id],
      ['2026-03-06T15:00:00.000Z', cast.teamA.id],
      ['2026-03-07T15:00:00.000Z', cast.teamB.id],
      ['2026-02-25T15:00:00.000Z', cast.teamA.id],
    ] as const)
      await createCase(ws.ctx(new Date(at)), { ...buildCase(), teamId: team });
  });
  afterAll(async () => database.dispose());

  it('waits for Monday morning on the workspace’s clock, then mails supervisors their teams and admins everything, once', async () => {
    expect(await sendWeeklyReports(database.db, BEFORE_SEVEN)).toBe(0);
    // The admin and the two supervisors; employees and HR get none.
    expect(await sendWeeklyReports(database.db, AFTER_SEVEN, 'https://defuse.example')).toBe(3);
    const sent = await mails();
    const admin = sent.find((m) => m.to_address === ws.user.email);
    expect(admin?.subject).toBe('Conflicts last week: 3 cases (the whole workspace)');
    expect(admin?.text_body).toContain('Cases reported: 3 (1 the week before)');
    expect(admin?.text_body).toContain('https://defuse.example/dashboard');
    const supervisorA = await database.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', cast.supervisorA.actor.userId)
      .executeTakeFirstOrThrow();
    expect(sent.find((m) => m.to_address === supervisorA.email)?.text_body).toContain('Cases reported: 2 (1 the week before)');
    // A second pass the same week queues nothing more.
    expect(await sendWeeklyReports(database.db, new Date('2026-03-10T12:00:00.000Z'))).toBe(0);
    expect(await mails()).toHaveLength(3);
  });
});
