import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/databases.js';
import { buildCast } from '../../../test/people.js';
import { recordSystemChange } from '../../services/case-change.js';
import { readStatusPage } from '../../services/status-page.js';
import { verifyTimelines } from '../../services/verify-timelines.js';
import { findCaseByRef } from '../../store/cases.js';
import { lastQueuedEmail } from '../../store/outbox.js';
import { formStartedToken } from '../form-timer.js';

const KEY = 'k'.repeat(40);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachDatabase('public complaint form and status page', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let slug: string;
  let ip = 0;
  beforeAll(async () => {
    t = await buildTestApp(kind, { secret: KEY });
    cast = await buildCast(t.workspace.ctx());
    slug = t.workspace.workspace.slug;
  });
  afterAll(async () => t.close());

  /** A form as a person sends it: shown a while ago, every required field filled. */
  const fields = (over: Record<string, string> = {}) =>
    new URLSearchParams({
      started: formStartedToken(KEY, Date.now() - 10_000),
      story: 'The coffee machine I bought last week leaks all over the counter.',
      name: 'Nora Price',
      email: 'nora@example.test',
      website: '',
      ...over,
    }).toString();
  // Each test posts from its own address, so the per-address limit is what a test means it to be.
  const post = (payload: string, remoteAddress = `10.0.0.${++ip}`) =>
    t.app.inject({ method: 'POST', url: `/public/complaint/${slug}`, headers: FORM, payload, remoteAddress });
  const counts = async () => {
    const n = async (table: 'cases' | 'customers' | 'outbox_emails' | 'statements') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { cases: await n('cases'), customers: await n('customers'), mail: await n('outbox_emails'), statements: await n('statements') };
  };
  const statusTokenOf = (body: string) => /\/public\/cases\/([A-Za-z0-9_-]{20,})/.exec(body)?.[1] ?? '';
  const caseOfRef = async (ref: string) =>
    (await t.app.inject({ url: `/api/v1/cases/${ref}`, headers: t.auth })).json() as {
      channel: string;
      teamId: string | null;
      statements: { party: string; body: string; authorName: string }[];
      reporterId: string | null;
    };

  it('shows a labelled form without script, with the workspace’s teams and a hidden trap field', async () => {
    const res = await t.app.inject(`/public/complaint/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    for (const name of ['story', 'when', 'teamId', 'employeeName', 'wants', 'name', 'email', 'phone'])
      expect(res.body).toContain(`<label for="${name}">`);
    expect(res.body).toContain(`<option value="${cast.teamA.id}">${cast.teamA.name}</option>`);
    expect(res.body).toMatch(/class="trap" aria-hidden="true">.*name="website" tabindex="-1"/);
    expect(res.body).toContain('name="viewport"');
    expect((await t.app.inject('/public/complaint/no-such-shop')).statusCode).toBe(404);
  });

  it('files a web-form case with the customer’s statement and acknowledges it with a working status link', async () => {
    const res = await post(fields({ teamId: cast.teamA.id, employeeName: 'emma involved', wants: 'A new machine, please.' }));
    expect(res.statusCode).toBe(201);
    const ref = /C-\d{4}-\d{6}/.exec(res.body)?.[0] ?? '';
    const kase = await caseOfRef(ref);
    expect(kase).toMatchObject({ channel: 'web_form', teamId: cast.teamA.id, reporterId: null });
    expect(kase.statements).toEqual([
      expect.objectContaining({ party: 'customer', authorName: 'Nora Price', body: expect.stringContaining('A new machine, please.') }),
    ]);
    const mail = await lastQueuedEmail(t.database.db, 'nora@example.test', 'acknowledgement');
    expect(mail).toMatchObject({ auto_submitted: 'auto-replied', reply_to: `reply+${ref.toLowerCase()}@replies.defuse.invalid` });
    const token = statusTokenOf(mail?.text_body ?? '');
    expect(token).toBe(statusTokenOf(res.body));
    const page = await t.app.inject(`/public/cases/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Your case ${ref}`);
    expect(page.body).toContain('We have your report.');
    expect(page.body).not.toContain('Emma');
    // The token is kept only as a hash.
    const links = await t.database.db.selectFrom('case_status_links').select('token_hash').execute();
    expect(links.map((l) => l.token_hash)).not.toContain(token);
    expect((await verifyTimelines(t.database.db, { caseRef: ref, workspaceId: t.workspace.workspace.id })).firstBreak).toBeNull();
  });

  it('refuses a filled trap field, a form sent at once, a forged time and bad answers, creating nothing', async () => {
    const before = await counts();
    const trap = await post(fields({ website: 'http://spam.test' }));
    expect(trap.statusCode).toBe(400);
    expect(trap.body).toContain('Please leave the last, hidden field empty');
    const fast = await post(fields({ started: formStartedToken(KEY, Date.now()) }));
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('quicker than we expected');
    const forged = await post(fields({ started: `${Date.now() - 60_000}.not-our-signature` }));
    expect(forged.statusCode).toBe(400);
    const bad = await post(fields({ email: 'not an address', story: 'short', when: '2999-01-01' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Please give an email address we can write to.');
    expect(bad.body).toContain('Please tell us what happened, in a sentence or more.');
    expect(bad.body).toMatch(/id="email"[^>]*aria-describedby="email-error" aria-invalid="true"/);
    // What the customer typed is kept, so they only fix what is wrong.
    expect(bad.body).toContain('value="Nora Price"');
    const huge = await post(fields({ story: 'x'.repeat(5001) }));
    expect(huge.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a sixth complaint from one address within the hour, wherever it comes from', async () => {
    const email = 'busy@example.test';
    for (let i = 0; i < 5; i++) expect((await post(fields({ email }))).statusCode).toBe(201);
    const before = await counts();
    const sixth = await post(fields({ email }));
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('try again in an hour');
    expect(await counts()).toEqual(before);
    // Acknowledgements to one sender are capped too: three went out, not five.
    const acks = await t.database.db.selectFrom('outbox_emails').select('id').where('to_address', '=', email).execute();
    expect(acks).toHaveLength(3);
  });

  it('lets the customer add information, which staff read on the case and its timeline', async () => {
    const filed = await post(fields({ email: 'olga@example.test', name: 'Olga Berg' }));
    const token = statusTokenOf(filed.body);
    const ref = /C-\d{4}-\d{6}/.exec(filed.body)?.[0] ?? '';
    const empty = await t.app.inject({ method: 'POST', url: `/public/cases/${token}`, headers: FORM, payload: 'message=%20' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Please write what you want to add.');
    const added = await t.app.inject({
      method: 'POST',
      url: `/public/cases/${token}`,
      headers: FORM,
      payload: 'message=It+was+on+Tuesday+at+about+3pm.',
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Thank you, we have added this to your case.');
    expect(added.body).toContain('It was on Tuesday at about 3pm.');
    const messages = (await t.app.inject({ url: `/api/v1/cases/${ref}/messages`, headers: t.auth })).json() as {
      items: { via: string; body: string }[];
    };
    expect(messages.items).toEqual([expect.objectContaining({ via: 'web', body: 'It was on Tuesday at about 3pm.' })]);
    const events = (await t.app.inject({ url: `/api/v1/cases/${ref}/events`, headers: t.auth })).json() as {
      items: { kind: string; data: Record<string, unknown> }[];
    };
    const message = events.items.find((e) => e.kind === 'customer_message');
    expect(message?.data).toMatchObject({ via: 'web', textCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The words stay beside the chain, not in it.
    expect(JSON.stringify(message?.data)).not.toContain('Tuesday');
    // An employee not on the case may not read them.
    expect((await t.app.inject({ url: `/api/v1/cases/${ref}/messages`, headers: cast.employeeB.auth })).statusCode).toBe(404);
  });

  it('stops a revoked link at once, and says so; staff see whether one works', async () => {
    const filed = await post(fields({ email: 'pia@example.test' }));
    const token = statusTokenOf(filed.body);
    const ref = /C-\d{4}-\d{6}/.exec(filed.body)?.[0] ?? '';
    expect((await t.app.inject({ url: `/api/v1/cases/${ref}/status-link`, headers: t.auth })).json()).toMatchObject({ active: true });
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${ref}/status-link`, headers: t.auth });
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect((await t.app.inject({ url: `/api/v1/cases/${ref}/status-link`, headers: t.auth })).json()).toMatchObject({ active: false });
    const page = await t.app.inject(`/public/cases/${token}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('This link no longer works');
    const post410 = await t.app.inject({ method: 'POST', url: `/public/cases/${token}`, headers: FORM, payload: 'message=hello' });
    expect(post410.statusCode).toBe(410);
    expect((await t.app.inject({ url: `/api/v1/cases/${ref}/messages`, headers: t.auth })).json()).toEqual({ items: [] });
    expect((await t.app.inject('/public/cases/not-a-real-token-at-all-1234')).statusCode).toBe(404);
  });

  it('expires a link the set number of days after its case closed', async () => {
    const filed = await post(fields({ email: 'quinn@example.test' }));
    const token = statusTokenOf(filed.body);
    const ref = /C-\d{4}-\d{6}/.exec(filed.body)?.[0] ?? '';
    const kase = await findCaseByRef(t.database.db, t.workspace.workspace.id, ref);
    const closedAt = new Date();
    await recordSystemChange(
      t.database.db,
      t.workspace.workspace.id,
      kase?.id ?? '',
      { status: 'closed' },
      (row) => [{ kind: 'status_changed', actorId: null, at: closedAt.toISOString(), data: { from: row.status, to: 'closed' } }],
      closedAt,
    );
    const day = 86_400_000;
    const at = (days: number) => new Date(closedAt.getTime() + days * day);
    expect((await readStatusPage(t.database.db, token, at(89), 90)).state).toBe('open');
    expect((await readStatusPage(t.database.db, token, at(91), 90)).state).toBe('expired');
    expect((await readStatusPage(t.database.db, token, at(11), 10)).state).toBe('expired');
    const page = await t.app.inject(`/public/cases/${token}`);
    expect(page.body).toContain('This case is closed.');
  });
});
