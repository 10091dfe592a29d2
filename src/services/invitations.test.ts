import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildWorkspace } from '../../test/factories.js';
import { inviteUser, reissueInvite } from './users.js';

describeEachDatabase('invitations by mail', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  const mailTo = (to: string) =>
    database.db
      .selectFrom('outbox_emails')
      .select(['kind', 'subject', 'text_body'])
      .where('to_address', '=', to)
      .orderBy('created_at')
      .execute();

  it('mails the one-time link, naming who invited them and the workspace; a new link is mailed again', async () => {
    const ws = await buildWorkspace(database.db, 'Harbor Books');
    const ctx = { ...ws.ctx(), publicUrl: 'https://defuse.example' };
    const { user, inviteToken } = await inviteUser(ctx, {
      email: 'New.Person@Example.test',
      name: 'Nia Park',
      role: 'employee',
      teamIds: [],
    });
    const [mail] = await mailTo('new.person@example.test');
    expect(mail?.kind).toBe('invitation');
    expect(mail?.subject).toContain('Harbor Books');
    expect(mail?.text_body).toContain(`https://defuse.example/invite/${inviteToken}`);
    expect(mail?.text_body).toContain('Hello Nia Park');

    const again = await reissueInvite(ctx, user.id);
    const mails = await mailTo('new.person@example.test');
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text_body).toContain(`/invite/${again.inviteToken}`);
    expect(again.inviteToken).not.toBe(inviteToken);

    // A refused invitation mails nothing.
    await expect(inviteUser(ctx, { email: 'new.person@example.test', name: 'Twice', role: 'employee', teamIds: [] })).rejects.toThrow();
    expect(await mailTo('new.person@example.test')).toHaveLength(2);
  });
});
