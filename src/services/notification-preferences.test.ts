import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { buildEmail } from './emails/layout.js';
import { getMyNotificationPreferences, setMyNotificationPreferences } from './notification-preferences.js';
import { notifyPeople } from './notifications.js';

describeEachDatabase('notification preferences per kind', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('sends each kind where the person chose, keeps urgent kinds on, and refuses silencing them', async () => {
    const ws = await buildWorkspace(database.db);
    const cast = await buildCast(ws.ctx());
    const sup = cast.supervisorA.actor;
    const other = cast.supervisorB.actor;
    const ctx = (actor: typeof sup) => ({ db: database.db, actor, now: new Date() });
    const user = async (id: string) =>
      database.db.selectFrom('users').select(['id', 'email', 'workspace_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const people = [await user(sup.userId), await user(other.userId)];

    const before = await getMyNotificationPreferences(ctx(sup));
    const reported = before.items.find((i) => i.kind === 'case_reported');
    expect(reported).toMatchObject({ inApp: true, email: false, chosen: false, required: false });
    // An employee is not offered the kinds only supervisors receive.
    expect((await getMyNotificationPreferences(ctx(cast.employeeA.actor))).items.map((i) => i.kind)).not.toContain('approval_requested');

    // Email only for new cases; the bell only for approvals.
    await setMyNotificationPreferences(ctx(sup), {
      items: [
        { kind: 'case_reported', inApp: false, email: true },
        { kind: 'approval_requested', inApp: true, email: false },
      ],
    });
    await expect(
      setMyNotificationPreferences(ctx(sup), {
        items: [
          { kind: 'help_taken', inApp: false, email: false },
          { kind: 'help_requested', inApp: false, email: false },
        ],
      }),
    ).rejects.toMatchObject({ code: 'validation', errors: [{ path: 'items.1.inApp' }] });
    await expect(
      setMyNotificationPreferences(ctx(sup), { items: [{ kind: 'no_such_kind', inApp: true, email: true }] }),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    // The refused saves changed nothing.
    expect((await getMyNotificationPreferences(ctx(sup))).items.find((i) => i.kind === 'help_taken')?.chosen).toBe(false);

    const now = new Date('2026-12-01T09:00:00Z');
    await notifyPeople(
      database.db,
      people,
      { kind: 'case_reported', caseId: null, title: 'New case in your team', body: 'Refund refused' },
      now,
    );
    await notifyPeople(
      database.db,
      people,
      { kind: 'approval_requested', caseId: null, title: 'Approval needed', body: '£300 refund' },
      now,
      buildEmail('Approval needed', ['£300 refund']),
    );
    const bell = async (id: string) =>
      (await database.db.selectFrom('notifications').select('kind').where('user_id', '=', id).execute()).map((r) => r.kind).sort();
    const mail = async (email: string) =>
      (
        await database.db
          .selectFrom('outbox_emails')
          .select(['kind', 'subject'])
          .where('to_address', '=', email)
          .where('kind', '!=', 'invitation')
          .execute()
      )
        .map((r) => r.kind)
        .sort();
    expect(await bell(sup.userId)).toEqual(['approval_requested']);
    expect(await mail(people[0]?.email ?? '')).toEqual(['case_reported']);
    // The other supervisor made no choice: the defaults (bell for both, mail for the approval).
    expect(await bell(other.userId)).toEqual(['approval_requested', 'case_reported']);
    expect(await mail(people[1]?.email ?? '')).toEqual(['approval_requested']);
  });
});
