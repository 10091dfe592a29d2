import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { insertNotifications } from '../store/notifications.js';
import { createCase } from './create-case.js';
import { listMyNotifications, markNotificationRead } from './notifications.js';

describeEachDatabase('the bell, grouped and in order of urgency', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('bundles a case’s notifications and puts a call for help, then a severity 1 case, first', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const sup = cast.supervisorA.actor;
    const minor = await createCase(ws.ctx(), { ...buildCase({ severity: 4 }), teamId: cast.teamA.id });
    const serious = await createCase(ws.ctx(), { ...buildCase({ severity: 1 }), teamId: cast.teamA.id });
    const helped = await createCase(ws.ctx(), { ...buildCase({ severity: 4 }), teamId: cast.teamA.id });
    const note = (caseId: string, kind: string, at: string) =>
      insertNotifications(
        database.db,
        [{ workspaceId: sup.workspaceId, userId: sup.userId, kind, caseId, title: kind, body: '' }],
        new Date(at),
      );
    await note(helped.id, 'help_requested', '2026-12-01T08:00:00Z');
    await note(serious.id, 'case_reported', '2026-12-01T09:00:00Z');
    for (const at of ['2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z']) await note(minor.id, 'commitment_due', at);

    const ctx = { db: database.db, actor: sup, now: new Date('2026-12-01T13:00:00Z') };
    const mine = await listMyNotifications(ctx, false);
    const ours = mine.groups.filter((g) => [minor.ref, serious.ref, helped.ref].includes(g.caseRef ?? ''));
    expect(ours.map((g) => [g.caseRef, g.priority, g.items.length])).toEqual([
      [helped.ref, 'urgent', 1],
      [serious.ref, 'high', 1],
      [minor.ref, 'normal', 3],
    ]);

    // Once the call for help is read, its group falls behind every group with something unread.
    const help = ours[0]?.items[0];
    if (!help) throw new Error('no help notification');
    await markNotificationRead(ctx, help.id);
    const after = (await listMyNotifications(ctx, false)).groups.map((g) => g.caseRef);
    expect(after.indexOf(helped.ref)).toBeGreaterThan(after.indexOf(minor.ref));
  });
});
