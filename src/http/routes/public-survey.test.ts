import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/databases.js';
import { buildResolvedCase, lastEmailTo, surveyTokenIn } from '../../../test/follow-through.js';
import { buildCast } from '../../../test/people.js';
import { sendDueFollowUps } from '../../services/send-due-follow-ups.js';

describeEachDatabase('public survey pages', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  });
  afterAll(async () => t.close());

  /** A resolved case whose customer survey mail went out; returns its ref and the link's token. */
  async function sentSurvey(email: string) {
    const kase = await buildResolvedCase(t.workspace.ctx(), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
      customerEmail: email,
    });
    await sendDueFollowUps(t.database.db, new Date(Date.now() + 4 * 86_400_000), 'http://localhost', { caseId: kase.id });
    return { ref: kase.ref, token: surveyTokenIn((await lastEmailTo(t.database.db, email))?.text_body ?? '') };
  }

  const followUpsOf = async (ref: string) =>
    (
      (await t.app.inject({ url: `/api/v1/cases/${ref}/follow-ups`, headers: t.auth })).json() as {
        items: { party: string; status: string; answer: unknown }[];
      }
    ).items;

  it('shows an accessible form on GET and records nothing, however often it is opened', async () => {
    const { ref, token } = await sentSurvey('gina@example.test');
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject(`/public/survey/${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<form method="post">');
      expect(res.body).toContain('name="satisfaction"');
      expect(res.body).toContain('<label for="comment">');
      expect(res.body).not.toContain('<script');
      // It names the business and the case, not the title staff gave it.
      expect(res.body).toContain(`How did ${t.workspace.workspace.name} do?`);
      expect(res.body).toContain(`About your case ${ref}.`);
    }
    expect((await followUpsOf(ref)).find((f) => f.party === 'customer')).toMatchObject({ status: 'sent', answer: null });
  });

  it('records a form post once, refuses the second, and re-shows the form on bad values without recording', async () => {
    const { ref, token } = await sentSurvey('hugo@example.test');
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: `/public/survey/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const bad = await post('satisfaction=9&wouldReturn=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    expect(bad.body).toContain('<form method="post">');
    expect((await followUpsOf(ref)).find((f) => f.party === 'customer')?.status).toBe('sent');

    const ok = await post('satisfaction=4&wouldReturn=yes&comment=Thanks%20a%20lot');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Thank you');
    expect((await followUpsOf(ref)).find((f) => f.party === 'customer')?.answer).toEqual({
      satisfaction: 4,
      wouldReturn: true,
      comment: 'Thanks a lot',
    });

    const again = await post('satisfaction=1&wouldReturn=no');
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject(`/public/survey/${token}`)).statusCode).toBe(409);
  });

  it('takes JSON from API clients, and an unhappy answer reopens the case', async () => {
    const { ref, token } = await sentSurvey('ines@example.test');
    const res = await t.app.inject({
      method: 'POST',
      url: `/public/survey/${token}`,
      payload: { satisfaction: 1, wouldReturn: false, comment: 'Nothing changed' },
    });
    expect(res.statusCode).toBe(200);
    const kase = (await t.app.inject({ url: `/api/v1/cases/${ref}`, headers: t.auth })).json() as { status: string };
    expect(kase.status).toBe('reopened');
  });

  it('answers 404 for an unknown link', async () => {
    const res = await t.app.inject('/public/survey/this-token-does-not-exist-at-all');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Survey not found');
    const post = await t.app.inject({ method: 'POST', url: '/public/survey/nope', payload: { satisfaction: 3, wouldReturn: true } });
    expect(post.statusCode).toBe(404);
  });

  it('answers 410 for an expired link', async () => {
    const { token } = await sentSurvey('jo@example.test');
    await t.database.db
      .updateTable('follow_ups')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('status', '=', 'sent')
      .execute();
    expect((await t.app.inject(`/public/survey/${token}`)).statusCode).toBe(410);
    const post = await t.app.inject({ method: 'POST', url: `/public/survey/${token}`, payload: { satisfaction: 3, wouldReturn: true } });
    expect(post.statusCode).toBe(410);
  });
});
