import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { keepEverythingOpen } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import { digestHtml, digestMarkdown } from '../insights/render-digest.js';
import { findCaseByRef } from '../store/cases.js';
import { listOutbox } from '../store/outbox.js';
import { addStatement } from './add-statement.js';
import { runWeeklyAgendas } from './agendas.js';
import { transitionCase } from './change-case.js';
import { addCommitment, closeCommitment } from './commitments.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { createEmployee } from './directory.js';
import { proposeResolution } from './resolution.js';

const NOW = new Date('2026-12-02T12:00:00Z');
const WEEK = '2026-W49';
const DAY = 86_400_000;

/** Every party name and detail of the cases below: none may appear in anything that goes out. */
const SECRETS = [
  'Tom',
  'Bauer',
  'Emma',
  'Involved',
  'Bill',
  'Hope',
  'Sara',
  'Eli',
  'tom.bauer',
  '7946',
  '884213',
  'March',
  'C-2026-',
  'Quinn',
];
const leaks = (text: string) => SECRETS.filter((s) => new RegExp(`(?<![\\p{L}])${s}`, 'u').test(text));

/** A JSON view with what only a reviewer's eyes get (what each redaction replaced, the case reference) taken out. */
const published = (value: unknown): string =>
  JSON.stringify(value, (key, v) =>
    key === 'original' || key === 'caseRef' || key === 'restorable' || key === 'candidates' || key === 'approvedBy' ? undefined : v,
  );

describeEachDatabase('learning digests', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let refs: { late: string; promise: string; small: string; calm: string };
  const at = (daysAgo: number): ServiceContext => t.workspace.ctx(new Date(NOW.getTime() - daysAgo * DAY));
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, auth: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });

  /** Drives a case to closed with its resolution, outcome and root cause. */
  async function close(ctx: ServiceContext, ref: string, outcome: string, whys: string[], factors: string[]) {
    for (const to of ['investigating', 'resolving'] as const) await transitionCase(ctx, ref, { to });
    await proposeResolution(ctx, ref, {
      problem: 'The order was late and nobody called back',
      options: ['Refund the delivery'],
      solution: 'Emma Involved refunded the delivery and Bill Hope phoned Tom Bauer on 14 March.',
      policyRefs: [],
      cost: { amount: 40, currency: 'EUR' },
    });
    await transitionCase(ctx, ref, { to: 'resolved' });
    const kase = await findCaseByRef(ctx.db, ctx.actor.workspaceId, ref);
    const open = kase ? await keepEverythingOpen(ctx.db, kase, ctx.actor.workspaceId) : {};
    await transitionCase(ctx, ref, { to: 'closed', ...open, outcome, rootCause: { category: 'process', whys, factors } });
  }

  beforeAll(async () => {
    t = await buildTestApp(kind);
    const admin = t.workspace.ctx(NOW);
    cast = await buildCast(admin);
    // Team A has four people in the directory (big enough for the newsletter); team B has two.
    const bill = await createEmployee(admin, { name: 'Bill Hope', teamId: cast.teamA.id });
    await createEmployee(admin, { name: 'Quinn Larsen', teamId: cast.teamA.id });
    const emma = cast.employeeA.actor.employeeId as string;

    const late = await createCase(at(6), {
      ...buildCase({
        title: 'Tom Bauer shouted at Emma over a late order',
        summary:
          'Tom Bauer (tom.bauer@example.test, +44 20 7946 0958) came back about order #884213. Emma Involved tried to help until Bill took over at the till.',
        severity: 1,
        customerState: 'hostile',
        riskFlags: ['threatened_review'],
      }),
      teamId: cast.teamA.id,
      customer: { name: 'Tom Bauer', email: 'tom.bauer@example.test' },
      employees: [
        { employeeId: emma, role: 'primary' },
        { employeeId: bill.id, role: 'witness' },
      ],
    });
    await addStatement(at(6), late.ref, {
      party: 'customer',
      authorName: 'Tom Bauer',
      body: "Emma told me to come back on 14 March. I rang 020 7946 0958 twice and Emma's colleague hung up.",
    });
    await addStatement(at(6), late.ref, {
      party: 'employee',
      employeeId: emma,
      body: 'Mr Bauer said he would post a review. BILL HOPE took over at the till.',
    });
    await close(
      at(5),
      late.ref,
      'Tom Bauer accepted the refund from Emma.',
      ['Emma could not see where the order was'],
      ['Bill was alone on the till'],
    );

    const promise = await createCase(at(10), {
      ...buildCase({ title: 'Callback promised to Tom Bauer never came', severity: 2, customerState: 'angry' }),
      teamId: cast.teamA.id,
      customer: { name: 'Tom Bauer', email: 'tom.bauer@example.test' },
      employees: [{ employeeId: emma, role: 'primary' }],
    });
    const c = await addCommitment(at(10), promise.ref, {
      text: 'Emma calls Tom back by five',
      dueAt: new Date(NOW.getTime() - 9 * DAY).toISOString(),
    });
    await closeCommitment(at(8), promise.ref, c.id, { status: 'broken' });
    await close(at(7), promise.ref, 'Emma apologised to Tom.', ['Nobody owned the callback'], ['Emma went home at five']);

    const calm = await createCase(at(3), { ...buildCase({ severity: 4, customerState: 'calm' }), teamId: cast.teamA.id });
    const small = await createCase(at(4), {
      ...buildCase({ title: 'Eli was threatened over a refund', severity: 1, customerState: 'hostile' }),
      teamId: cast.teamB.id,
    });
    await close(at(2), small.ref, 'Eli was moved to the back office.', ['Eli was alone'], ['Late shift']);
    refs = { late: late.ref, promise: promise.ref, small: small.ref, calm: calm.ref };
  }, 120_000);
  afterAll(async () => t.close());

  describe('team-meeting agenda', () => {
    let id: string;

    it('chooses by the stated rule: a broken promise outweighs a more serious case', async () => {
      const res = await api('POST', '/api/v1/digests/agendas', cast.supervisorA.auth, { teamId: cast.teamA.id, week: WEEK });
      expect(res.statusCode).toBe(201);
      const agenda = res.json();
      id = agenda.id;
      expect(agenda).toMatchObject({ status: 'draft', period: WEEK, team: { id: cast.teamA.id } });
      expect(agenda.rules[0]).toContain('a broken promise 25');
      expect(agenda.stories).toHaveLength(1);
      // severity 2 (30) + broken promise (25) + cost 40 (5) = 60 beats severity 1 (40) + risk (10) + cost (5) = 55
      expect(agenda.stories[0]).toMatchObject({ caseRef: refs.promise, points: 60 });
      expect(agenda.stories[0].chosenBecause[0]).toBe('severity 2 (+30)');
      expect(agenda.stories[0].chosenBecause).toContain('a promise was broken (+25)');
      expect(agenda.candidates.map((c: { caseRef: string }) => c.caseRef)).toEqual([refs.promise, refs.late, refs.calm]);
      expect(agenda.stories[0].questions).toHaveLength(3);
      expect(agenda.stories[0].questions[1]).toContain('promise');
      // Asking again finds the same agenda.
      const again = await api('POST', '/api/v1/digests/agendas', cast.supervisorA.auth, { teamId: cast.teamA.id, week: WEEK });
      expect(again.json().id).toBe(id);
    });

    it('lets the supervisor swap the case, and tells it with every name and detail removed', async () => {
      const res = await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { caseRef: refs.late });
      expect(res.statusCode).toBe(200);
      const story = res.json().stories[0];
      expect(story.caseRef).toBe(refs.late);
      expect(leaks(published(res.json()))).toEqual([]);
      // The reviewer sees each redaction and what it replaced.
      const removed = [...story.heading, ...story.whatHappened].filter((s: { redaction?: object }) => s.redaction);
      expect(removed.map((s: { redaction: { original: string } }) => s.redaction.original)).toEqual(
        expect.arrayContaining(['Tom Bauer', 'Emma', 'tom.bauer@example.test']),
      );
      expect(story.sides.map((s: { who: string }) => s.who)).toEqual(['The customer', 'The employee']);
      expect(story.playbook.suggests.length).toBeGreaterThan(0);
      const other = await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { caseRef: refs.small });
      expect(other.statusCode).toBe(400);
    });

    it('redacts more by hand, refuses to restore a known name, and restores a false positive', async () => {
      const more = await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { redact: ['till'] });
      const text = (segs: { text: string }[]) => segs.map((s) => s.text).join('');
      expect(text(more.json().stories[0].whatHappened)).not.toMatch(/till/);
      expect(text(more.json().stories[0].whatHappened)).toContain('[removed]');
      const before = (await api('GET', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth)).body;
      const refused = await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { restore: ['Bauer'] });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await api('GET', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth)).body).toBe(before);
      const restorable: string[] = more.json().stories[0].restorable;
      expect(restorable).not.toContain('Tom Bauer');
      if (restorable[0]) {
        const back = await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { restore: [restorable[0]] });
        expect(back.statusCode).toBe(200);
        expect(back.json().stories[0].restore).toEqual([restorable[0]]);
        await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { restore: [] });
      }
    });

    it('cannot be mailed before approval: 409, and nothing is queued or changed', async () => {
      const outbox = (await listOutbox(t.database.db)).length;
      const before = (await api('GET', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth)).body;
      const res = await api('POST', `/api/v1/digests/agendas/${id}/send`, cast.supervisorA.auth);
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/not approved/);
      expect((await listOutbox(t.database.db)).length).toBe(outbox);
      expect((await api('GET', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth)).body).toBe(before);
      // The weekly pass does not mail a draft either (it drafts team B's agenda, which had none).
      expect(await runWeeklyAgendas(t.database.db, NOW)).toEqual({ drafted: 1, mailed: 0 });
      expect((await listOutbox(t.database.db)).filter((e) => e.kind === 'team-meeting-agenda')).toEqual([]);
    });

    it('once approved, is mailed to the team supervisors with nothing unredacted in it', async () => {
      const approved = await api('POST', `/api/v1/digests/agendas/${id}/approve`, cast.supervisorA.auth);
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: cast.supervisorA.actor.userId }, can: { send: true } });
      expect(leaks(published(approved.json()))).toEqual([]);
      const sent = await api('POST', `/api/v1/digests/agendas/${id}/send`, cast.supervisorA.auth);
      expect(sent.statusCode).toBe(200);
      const mails = (await listOutbox(t.database.db)).filter((e) => e.kind === 'team-meeting-agenda');
      expect(mails.map((m) => m.to_address)).toEqual([expect.stringContaining('sara.team')]);
      for (const m of mails) expect(leaks(`${m.subject}\n${m.text_body}\n${m.html_body}`)).toEqual([]);
      expect(mails[0]?.text_body).toContain('Questions for the team');
      expect((await api('POST', `/api/v1/digests/agendas/${id}/send`, cast.supervisorA.auth)).statusCode).toBe(409);
      expect((await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.supervisorA.auth, { redact: ['order'] })).statusCode).toBe(409);
    });

    it("the weekly pass drafts every team's agenda and mails the approved ones only", async () => {
      const list = (await api('GET', `/api/v1/digests/agendas?week=${WEEK}`, cast.supervisorB.auth)).json();
      expect(list.items.map((a: { team: { id: string } }) => a.team.id)).toEqual([cast.teamB.id]);
      const b = list.items[0];
      expect(b.stories[0].caseRef).toBe(refs.small);
      await api('POST', `/api/v1/digests/agendas/${b.id}/approve`, cast.supervisorB.auth);
      expect(await runWeeklyAgendas(t.database.db, NOW)).toEqual({ drafted: 0, mailed: 1 });
      const mail = (await listOutbox(t.database.db)).filter((e) => e.kind === 'team-meeting-agenda').map((m) => m.to_address);
      // Which of the two was queued first depends on the clock the test runs at, not on the product.
      expect([...mail].sort()).toEqual([expect.stringContaining('sara.team'), expect.stringContaining('sol.other')]);
    });

    it('is for its team supervisors, HR and admins only', async () => {
      expect((await api('GET', `/api/v1/digests/agendas/${id}`, cast.employeeA.auth)).statusCode).toBe(403);
      expect((await api('GET', `/api/v1/digests/agendas/${id}`, cast.supervisorB.auth)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/digests/agendas/${id}`, cast.hr.auth)).statusCode).toBe(200);
      expect((await api('PATCH', `/api/v1/digests/agendas/${id}`, cast.hr.auth, { redact: ['x1'] })).statusCode).toBe(403);
      const listB = (await api('GET', `/api/v1/digests/agendas?week=${WEEK}`, cast.supervisorB.auth)).json();
      expect(listB.items.every((a: { team: { id: string } }) => a.team.id === cast.teamB.id)).toBe(true);
    });

    it('sums up across teams what they share, with counts', async () => {
      const res = await api('GET', `/api/v1/digests/management-summary?week=${WEEK}`, cast.hr.auth);
      expect(res.statusCode).toBe(200);
      expect(res.json().sharedRootCauses).toEqual([
        {
          category: 'process',
          total: 3,
          teams: [
            { teamId: cast.teamA.id, name: cast.teamA.name, count: 2 },
            { teamId: cast.teamB.id, name: cast.teamB.name, count: 1 },
          ],
        },
      ]);
      const mine = (await api('GET', `/api/v1/digests/management-summary?week=${WEEK}`, cast.supervisorA.auth)).json();
      expect(mine.teams.map((x: { id: string }) => x.id)).toEqual([cast.teamA.id]);
      expect(mine.sharedRootCauses).toEqual([]);
      expect((await api('GET', '/api/v1/digests/management-summary', cast.employeeA.auth)).statusCode).toBe(403);
      expect((await api('GET', '/api/v1/digests/management-summary?week=2026-W60', cast.hr.auth)).statusCode).toBe(400);
    });
  });

  describe('newsletter', () => {
    let id: string;

    it('tells the top finished cases and leaves out a story from too small a group', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/digests/newsletters',
        headers: cast.hr.auth,
        payload: { since: '2026-11-01' },
      });
      expect(res.statusCode).toBe(201);
      const n = res.json();
      id = n.id;
      expect(n.stories.map((s: { caseRef: string }) => s.caseRef)).toEqual([refs.promise, refs.late]);
      expect(n.leftOut).toBe('One story was left out: the team it comes from has fewer than 4 people.');
      expect(n.rules.join(' ')).toContain('fewer than 4 people');
      expect(n.stories[1].lesson.map((s: { text: string }) => s.text).join('')).toContain('What caused it: process.');
      expect(n.stories[0].links.length).toBeGreaterThan(0);
      expect(leaks(published(n))).toEqual([]);
    });

    it('is hidden from employees until approved, and cannot be mailed before', async () => {
      expect((await api('GET', `/api/v1/digests/newsletters/${id}`, cast.employeeA.auth)).statusCode).toBe(404);
      expect((await api('GET', '/api/v1/digests/newsletters', cast.employeeA.auth)).json().items).toEqual([]);
      const outbox = (await listOutbox(t.database.db)).length;
      const refused = await api('POST', `/api/v1/digests/newsletters/${id}/send`, cast.hr.auth, { to: ['all@example.test'] });
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await listOutbox(t.database.db)).length).toBe(outbox);
      expect(
        (await api('POST', `/api/v1/digests/newsletters/${id}/send`, cast.employeeA.auth, { to: ['a@example.test'] })).statusCode,
      ).toBe(403);
    });

    it('is approved by a reviewer, then read by employees and mailed with nothing unredacted in any output', async () => {
      const edit = await api('PATCH', `/api/v1/digests/newsletters/${id}`, cast.hr.auth, { story: 0, redact: ['callback'] });
      expect(edit.statusCode).toBe(200);
      expect((await api('PATCH', `/api/v1/digests/newsletters/${id}`, cast.hr.auth, { story: 5, redact: ['x1'] })).statusCode).toBe(400);
      const approved = await api('POST', `/api/v1/digests/newsletters/${id}/approve`, cast.hr.auth);
      expect(approved.json().status).toBe('approved');
      const seen = await api('GET', `/api/v1/digests/newsletters/${id}`, cast.employeeB.auth);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().stories).toHaveLength(2);
      expect(seen.json().stories[0].caseRef).toBeNull();
      expect(JSON.stringify(seen.json())).not.toContain('"original"');
      expect(JSON.stringify(seen.json()).toLowerCase()).not.toContain('callback');
      expect(leaks(JSON.stringify(seen.json()))).toEqual([]);
      const sent = await api('POST', `/api/v1/digests/newsletters/${id}/send`, cast.hr.auth, {
        to: ['All@Example.test', 'all@example.test', 'staff@example.test'],
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json().sentTo).toEqual(['all@example.test', 'staff@example.test']);
      const mails = (await listOutbox(t.database.db)).filter((e) => e.kind === 'newsletter');
      expect(mails).toHaveLength(2);
      for (const m of mails) expect(leaks(`${m.subject}\n${m.text_body}\n${m.html_body}`)).toEqual([]);
      expect(mails[0]?.html_body).toContain('<h3>The lesson</h3>');
    });

    it('writes Markdown and HTML of the approved document with nothing unredacted', async () => {
      const doc = (await api('GET', `/api/v1/digests/newsletters/${id}`, cast.employeeA.auth)).json();
      const markdown = digestMarkdown(doc);
      const html = digestHtml(doc);
      expect(markdown).toContain('## ');
      expect(html).toContain('<!doctype html>');
      expect(leaks(markdown)).toEqual([]);
      expect(leaks(html)).toEqual([]);
    });
  });
});
