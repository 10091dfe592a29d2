import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCast } from '../../test/people.js';
import { modelReplies } from '../../test/practice.js';
import type { ZScenario, ZScenarioSummary, ZSession, ZSessionSummary } from '../contracts/training.js';
import { CAKE_NOT_READY } from '../training/scenarios-in-person.js';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Session = z.infer<typeof ZSession>;
type Summary = z.infer<typeof ZSessionSummary>;
type ScenarioView = z.infer<typeof ZScenario>;
type ScenarioItem = z.infer<typeof ZScenarioSummary>;

describeEachDatabase('training API', (kind) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
  }, 60_000);
  afterAll(async () => t.close());

  const as = (auth: Record<string, string>) => ({
    get: async (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth }),
    post: async (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload }),
    put: async (url: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: auth, payload }),
  });

  async function playCake(auth: Record<string, string>, replies: readonly string[], seed = 99): Promise<Session> {
    const api = as(auth);
    const started = await api.post('/training/sessions', { scenarioKey: 'cake-not-ready', difficulty: 'patient', seed });
    expect(started.statusCode, started.body).toBe(201);
    let session = started.json() as Session;
    for (const reply of replies) {
      if (session.status !== 'active') break;
      const res = await api.post(`/training/sessions/${session.id}/turns`, { reply });
      expect(res.statusCode, res.body).toBe(201);
      session = (res.json() as { session: Session }).session;
    }
    return session;
  }

  it('lists the library and shows a scenario with its persona, rubric and steps', async () => {
    const list = await as(cast.employeeA.auth).get('/training/scenarios');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as ScenarioItem[];
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items[0]).toMatchObject({ key: 'cake-not-ready', builtIn: true, playbookName: expect.any(String), personaName: 'Maria Santos' });
    const one = (await as(cast.employeeA.auth).get('/training/scenarios/refund-no-receipt')).json() as ScenarioView;
    expect(one.rubric.mustSay[0]?.label).toMatch(/30 days/);
    expect(one.rubricSteps.map((s) => s.key)).toEqual(one.steps);
    expect(one.difficultyLabels.interrupts).toMatch(/cuts in/);
    expect((await as(cast.employeeA.auth).get('/training/scenarios/no-such-thing')).statusCode).toBe(404);
  });

  it('plays a session turn by turn to a pass: the coach’s findings and the step per turn, then the result', async () => {
    const session = await playCake(cast.employeeA.auth, modelReplies(CAKE_NOT_READY));
    expect(session).toMatchObject({ status: 'finished', outcome: 'satisfied', passed: true, can: { play: false } });
    expect(session.opening).toBeTruthy();
    const [first] = session.turnsPlayed;
    expect(first?.reading.moves.map((m) => m.kind)).toContain('question');
    expect(first?.step).toMatchObject({ key: 'focus', wants: ['question'], done: true });
    expect(first?.effects.length).toBeGreaterThan(0);
    expect(first?.customer).toBeTruthy();
    expect(session.result?.parts?.empathy.value).toBeGreaterThanOrEqual(80);
    expect(session.result?.wentWell.length).toBeGreaterThan(2);
    // Finished: further replies are refused and change nothing.
    const again = await as(cast.employeeA.auth).post(`/training/sessions/${session.id}/turns`, { reply: 'Hello?' });
    expect(again.statusCode).toBe(409);
  });

  it('replays a seeded session word for word', async () => {
    const replies = ['Tell me what happened?', 'I understand how you feel.', 'Calm down, please.'];
    const a = await playCake(cast.employeeA.auth, replies, 4242);
    const b = await playCake(cast.employeeA.auth, replies, 4242);
    expect(b.opening).toBe(a.opening);
    expect(b.turnsPlayed.map((x) => x.customer)).toEqual(a.turnsPlayed.map((x) => x.customer));
    expect(b.mood).toEqual(a.mood);
  });

  it('ends under the abuse policy: wrong with an angry customer, right with an abusive one', async () => {
    const api = as(cast.employeeA.auth);
    const angry = (await api.post('/training/sessions', { scenarioKey: 'cake-not-ready', difficulty: 'patient' })).json() as Session;
    const wrong = (
      await api.post(`/training/sessions/${angry.id}/end`, { how: 'abuse_policy', note: 'She raised her voice.' })
    ).json() as Session;
    expect(wrong).toMatchObject({ outcome: 'ended_abuse_policy', passed: false, result: { ending: { right: false } } });
    const abusive = (await api.post('/training/sessions', { scenarioKey: 'abusive-caller', difficulty: 'patient' })).json() as Session;
    expect(abusive.mood.state).toBe('abusive');
    const right = (await api.post(`/training/sessions/${abusive.id}/end`, { how: 'abuse_policy' })).json() as Session;
    expect(right).toMatchObject({ outcome: 'ended_abuse_policy', passed: true, result: { ending: { right: true } } });
  });

  it('refuses a bad start or reply and changes nothing', async () => {
    const api = as(cast.employeeA.auth);
    expect((await api.post('/training/sessions', { scenarioKey: 'nope', difficulty: 'patient' })).statusCode).toBe(400);
    expect((await api.post('/training/sessions', { scenarioKey: 'cake-not-ready', difficulty: 'furious' })).statusCode).toBe(400);
    const s = (await api.post('/training/sessions', { scenarioKey: 'cake-not-ready', difficulty: 'patient' })).json() as Session;
    expect((await api.post(`/training/sessions/${s.id}/turns`, { reply: '   ' })).statusCode).toBe(400);
    expect(((await api.get(`/training/sessions/${s.id}`)).json() as Session).turns).toBe(0);
  });

  it('shows employees only their own sessions; supervisors their teams’; HR and admins all; only the owner plays', async () => {
    const mine = await playCake(cast.employeeA.auth, ['Tell me what happened?']);
    const theirs = await playCake(cast.employeeB.auth, ['Tell me what happened?']);
    const ids = async (auth: Record<string, string>) =>
      ((await as(auth).get('/training/sessions')).json().items as Summary[]).map((s) => s.id);

    expect(await ids(cast.employeeA.auth)).toContain(mine.id);
    expect(await ids(cast.employeeA.auth)).not.toContain(theirs.id);
    expect(await ids(cast.supervisorA.auth)).toContain(mine.id);
    expect(await ids(cast.supervisorA.auth)).not.toContain(theirs.id);
    expect(await ids(cast.supervisorB.auth)).toContain(theirs.id);
    expect(await ids(cast.supervisorB.auth)).not.toContain(mine.id);
    for (const all of [cast.hr.auth, t.auth]) expect(await ids(all)).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    expect((await as(cast.employeeB.auth).get(`/training/sessions/${mine.id}`)).statusCode).toBe(404);
    expect((await as(cast.supervisorB.auth).get(`/training/sessions/${mine.id}`)).statusCode).toBe(404);
    const seen = await as(cast.supervisorA.auth).get(`/training/sessions/${mine.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ user: { id: cast.employeeA.actor.userId }, can: { play: false } });
    expect((await as(cast.supervisorA.auth).post(`/training/sessions/${mine.id}/turns`, { reply: 'Hi' })).statusCode).toBe(404);
    expect((await as(t.auth).post(`/training/sessions/${mine.id}/end`, { how: 'stop' })).statusCode).toBe(404);
    // Pages: newest first, a cursor continues where the last page ended, and a made-up cursor is refused.
    const firstPage = await as(t.auth).get('/training/sessions?limit=2');
    const { items: page1, nextCursor } = firstPage.json() as { items: Summary[]; nextCursor: string };
    expect(page1).toHaveLength(2);
    const page2 = (await as(t.auth).get(`/training/sessions?limit=2&cursor=${nextCursor}`)).json().items as Summary[];
    expect(page2.map((s) => s.id)).not.toContain(page1[0]?.id);
    expect(Date.parse(page2[0]?.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(page1[1]?.startedAt ?? ''));
    expect((await as(t.auth).get('/training/sessions?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    // "mine=true" narrows a supervisor's list to their own practice.
    expect(
      ((await as(cast.supervisorA.auth).get('/training/sessions?mine=true')).json().items as Summary[]).every(
        (s) => s.user.id === cast.supervisorA.actor.userId,
      ),
    ).toBe(true);
  });

  it('lets admins copy a scenario and save versions; others may not; built-ins stay as they are', async () => {
    const copy = await as(t.auth).post('/training/scenarios', { fromKey: 'cake-not-ready', title: 'Our bakery: the lost cake' });
    expect(copy.statusCode, copy.body).toBe(201);
    const key = (copy.json() as ScenarioView).key;
    expect(copy.json()).toMatchObject({ version: 1, builtIn: false, basedOn: { key: 'cake-not-ready', version: 1 } });
    const revised = await as(t.auth).put(`/training/scenarios/${key}`, { passMark: 80, title: 'The lost cake' });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ version: 2, passMark: 80 });
    expect((await as(t.auth).get(`/training/scenarios/${key}?version=1`)).json()).toMatchObject({ version: 1, passMark: 70 });
    const bad = await as(t.auth).put(`/training/scenarios/${key}`, { steps: ['no-such-step'], models: { 'no-such-step': 'Hello.' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('steps.0');
    expect((await as(t.auth).put('/training/scenarios/cake-not-ready', { passMark: 10 })).statusCode).toBe(409);
    expect((await as(cast.supervisorA.auth).post('/training/scenarios', { fromKey: 'cake-not-ready', title: 'Mine' })).statusCode).toBe(
      403,
    );
    // A session on the copy plays its version.
    const s = await as(cast.employeeA.auth).post('/training/sessions', { scenarioKey: key, difficulty: 'patient' });
    expect(s.json()).toMatchObject({ scenario: { key, version: 2, title: 'The lost cake', passMark: 80 } });
  });

  it('answers the strategy quiz with the recommender’s reasons and the playbook', async () => {
    const items = (await as(cast.employeeA.auth).get('/training/quiz')).json().items as unknown[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    const res = await as(cast.employeeA.auth).post('/training/quiz/swearing-at-the-till/answer', { strategy: 'confront' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ correct: false, answer: 'withdraw', playbook: { key: 'strategy-withdraw' } });
    expect((res.json() as { reasons: string[] }).reasons[0]).toMatch(/abusive/);
    expect((await as(cast.employeeA.auth).post('/training/quiz/unknown/answer', { strategy: 'withdraw' })).statusCode).toBe(404);
  });
});
