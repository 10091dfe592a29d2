import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateNarratives } from '../../bench/narratives.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';
import { buildCase } from '../../test/factories.js';
import { buildResolvedCase, keepEverythingOpen } from '../../test/follow-through.js';
import { buildCast } from '../../test/people.js';
import { processEvents } from '../../test/process-events.js';
import { normalizedMutualInformation } from '../insights/nmi.js';
import { listMemberRows, listThemeRows } from '../store/themes.js';
import { transitionCase } from './change-case.js';
import { createCase } from './create-case.js';
import { caseTheme } from './steer-themes.js';
import { caseDocId } from './theme-documents.js';
import { mineWorkspaceThemes, runDueThemeMining } from './theme-mining.js';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00Z');

type ThemeJson = {
  id: string;
  label: string;
  customLabel: string | null;
  size: number;
  trend: string;
  locked: boolean;
  detail?: { teams: { count: number }[]; weekly: unknown[]; channels: unknown[] };
  examples: { ref: string; phrases: string[] }[];
};

describeEachDatabase('themes', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  /** Case refs by the topic their text was generated from; employee A is party to the first of each. */
  const byTopic = new Map<string, string[]>();
  const get = async (url: string, auth: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: auth });
  const send = async (method: 'POST' | 'PATCH' | 'PUT', url: string, auth: Record<string, string>, payload: object = {}) =>
    t.app.inject({ method, url, headers: auth, payload });

  beforeAll(async () => {
    t = await buildTestApp(kind);
    cast = await buildCast(t.workspace.ctx());
    // 100 cases about six kinds of problem over eight weeks; shelf prices mostly in the last fortnight.
    const narratives = generateNarratives(100, 7, { topics: 6 });
    for (const [i, n] of narratives.entries()) {
      const recent = n.topic === 'shelf-price' || i % 9 === 0;
      const at = new Date(NOW.getTime() - (recent ? (i % 12) + 1 : 15 + (i % 40)) * DAY);
      const refs = byTopic.get(n.topic) ?? [];
      const kase = await createCase(t.workspace.ctx(at), {
        ...buildCase({ title: n.text.split('.')[0]?.slice(0, 120) ?? 'A case', summary: n.text }),
        teamId: i % 2 === 0 ? cast.teamA.id : cast.teamB.id,
        employees: refs.length === 0 ? [{ employeeId: cast.employeeA.actor.employeeId as string, role: 'primary' }] : [],
      });
      byTopic.set(n.topic, [...refs, kase.ref]);
    }
    await mineWorkspaceThemes(t.database.db, t.workspace.actor.workspaceId, 'cli', () => NOW);
  }, 120_000);
  afterAll(async () => t.close());

  const listAs = async (auth: Record<string, string>) =>
    (await get('/api/v1/themes', auth)).json() as { items: ThemeJson[]; lastRun: { state: string } };
  const themeOfRef = async (ref: string) =>
    (await get(`/api/v1/cases/${ref}/theme`, t.auth)).json() as { theme: { id: string } | null; phrases: string[]; pinned: boolean };

  it('finds the kinds of problem, and shows each reader the figures and cases their role may see', async () => {
    const admin = await listAs(t.auth);
    expect(admin.lastRun.state).toBe('done');
    expect(admin.items.length).toBeGreaterThanOrEqual(3);
    expect(admin.items.length).toBeLessThanOrEqual(10);
    // The themes follow the kinds of problem the texts were written about.
    const topics: string[] = [];
    const themes: string[] = [];
    for (const [topic, refs] of byTopic)
      for (const r of refs) {
        topics.push(topic);
        themes.push((await themeOfRef(r)).theme?.id ?? 'none');
      }
    expect(normalizedMutualInformation(topics, themes)).toBeGreaterThan(0.5);
    const first = admin.items[0] as ThemeJson;
    expect(first.detail?.weekly).toHaveLength(12);
    expect(first.detail?.teams.reduce((a, x) => a + x.count, 0)).toBe(first.size);
    expect(first.examples.length).toBeGreaterThan(0);
    expect(first.examples[0]?.phrases.length).toBeGreaterThan(0);

    // An employee sees labels and workspace-wide counts, no figures, and only cases they are part of.
    const employee = await listAs(cast.employeeA.auth);
    expect(employee.items.map((x) => [x.id, x.size])).toEqual(admin.items.map((x) => [x.id, x.size]));
    const mine = new Set([...byTopic.values()].map((refs) => refs[0]));
    for (const item of employee.items) {
      expect(item.detail).toBeUndefined();
      for (const e of item.examples) expect(mine).toContain(e.ref);
    }
    const other = await listAs(cast.employeeB.auth);
    expect(other.items.flatMap((x) => x.examples)).toEqual([]);
    // Supervisors see their teams' cases only, but the same workspace-wide figures.
    const supervisor = await listAs(cast.supervisorA.auth);
    expect(supervisor.items[0]?.detail?.teams).toEqual(first.detail?.teams);
  });

  it('says which phrases put a case in its theme, and filters by team and date', async () => {
    const ref = [...byTopic.values()][0]?.[3] as string;
    const mine = await themeOfRef(ref);
    expect(mine.theme).not.toBeNull();
    expect(mine.phrases.length).toBeGreaterThan(0);
    const all = await listAs(t.auth);
    const teamA = (await get(`/api/v1/themes?teamId=${cast.teamA.id}`, t.auth)).json() as { items: ThemeJson[] };
    const total = (items: ThemeJson[]) => items.reduce((a, x) => a + x.size, 0);
    expect(total(teamA.items)).toBeLessThan(total(all.items));
    expect(total(teamA.items)).toBeGreaterThan(0);
    const since = new Date(NOW.getTime() - 14 * DAY).toISOString().slice(0, 10);
    const recent = (await get(`/api/v1/themes?since=${since}`, t.auth)).json() as { items: ThemeJson[] };
    expect(total(recent.items)).toBeLessThan(total(all.items));
    expect((await get('/api/v1/themes?since=yesterday', t.auth)).statusCode).toBe(400);
  });

  it('alerts supervisors to an emerging theme', async () => {
    const emerging = (await listAs(t.auth)).items.filter((x) => x.trend === 'emerging');
    expect(emerging.length).toBeGreaterThan(0);
    const alerts = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('kind', '=', 'theme_emerging')
      .where('workspace_id', '=', t.workspace.actor.workspaceId)
      .execute();
    expect(alerts.map((a) => a.user_id)).toContain(cast.supervisorA.actor.userId);
    expect(alerts.map((a) => a.user_id)).not.toContain(cast.employeeA.actor.userId);
    expect(alerts[0]?.title).toMatch(/^Emerging theme: /);
  });

  it('places a new case in its theme without re-mining', async () => {
    await processEvents(t.database.db); // the themes processor starts from its first run
    const [topic, refs] = [...byTopic.entries()][1] as [string, string[]];
    // The theme most cases of that kind are in.
    const themesOfKind = await Promise.all(refs.map(async (r) => (await themeOfRef(r)).theme?.id));
    const theme = [...new Set(themesOfKind)].sort(
      (x, y) => themesOfKind.filter((v) => v === y).length - themesOfKind.filter((v) => v === x).length,
    )[0];
    // A long narrative of that kind: clearly about it, as a new case usually is once told in full.
    const text = generateNarratives(400, 99, { topics: 6 })
      .filter((n) => n.topic === topic)
      .sort((a, b) => b.text.length - a.text.length)[0]?.text as string;
    const kase = await createCase(t.workspace.ctx(NOW), { ...buildCase({ summary: text }), teamId: cast.teamA.id });
    expect((await themeOfRef(kase.ref)).theme).toBeNull();
    await processEvents(t.database.db);
    const placed = await themeOfRef(kase.ref);
    expect(placed.theme?.id).toBe(theme);
    expect(placed.phrases.length).toBeGreaterThan(0);
  });

  it("keeps people's edits through a re-mine: a name, a lock, a moved case, a merge", async () => {
    const [a, b, c] = (await listAs(t.auth)).items as [ThemeJson, ThemeJson, ThemeJson];
    expect((await send('PATCH', `/api/v1/themes/${a.id}`, cast.supervisorA.auth, { label: 'Shelf and till prices' })).statusCode).toBe(200);
    expect((await send('PATCH', `/api/v1/themes/${b.id}`, t.auth, { locked: true })).statusCode).toBe(200);
    const bMembers = (await listMemberRows(t.database.db, t.workspace.actor.workspaceId, [b.id])).map((m) => m.doc_id);
    const moved = a.examples[0]?.ref as string;
    const move = await send('PUT', `/api/v1/cases/${moved}/theme`, t.auth, { themeId: c.id });
    expect(move.statusCode).toBe(200);
    expect(move.json()).toMatchObject({ theme: { id: c.id }, pinned: true });
    // Employees and HR may not steer.
    expect((await send('PATCH', `/api/v1/themes/${a.id}`, cast.employeeA.auth, { label: 'x' })).statusCode).toBe(403);
    expect((await send('PATCH', `/api/v1/themes/${a.id}`, cast.hr.auth, { label: 'x' })).statusCode).toBe(403);

    const before = await listAs(t.auth);
    const d = before.items.find((x) => ![a.id, b.id, c.id].includes(x.id)) as ThemeJson;
    const dRefs = (await listMemberRows(t.database.db, t.workspace.actor.workspaceId, [d.id])).map((m) => m.case_id);
    const merge = await send('POST', `/api/v1/themes/${d.id}/merge`, t.auth, { into: c.id });
    expect(merge.statusCode).toBe(200);
    expect((merge.json() as ThemeJson).size).toBe(c.size + 1 + dRefs.length);

    // Re-mine through the page: the run is queued, the job runs it.
    const run = await send('POST', '/api/v1/themes/runs', cast.supervisorA.auth);
    expect(run.statusCode).toBe(202);
    expect(run.json()).toMatchObject({ state: 'queued' });
    expect(await runDueThemeMining(t.database.db, () => NOW)).toBe(1);
    expect((await get(`/api/v1/themes/runs/${run.json().id}`, t.auth)).json()).toMatchObject({ state: 'done', progress: 1 });

    const after = await listAs(t.auth);
    const byId = new Map(after.items.map((x) => [x.id, x]));
    expect(byId.get(a.id)?.label).toBe('Shelf and till prices');
    expect(byId.get(b.id)?.locked).toBe(true);
    const bAfter = new Set((await listMemberRows(t.database.db, t.workspace.actor.workspaceId, [b.id])).map((m) => m.doc_id));
    for (const doc of bMembers) expect(bAfter).toContain(doc);
    expect((await themeOfRef(moved)).theme?.id).toBe(c.id);
    expect(byId.has(d.id)).toBe(false);
    const cCases = new Set((await listMemberRows(t.database.db, t.workspace.actor.workspaceId, [c.id])).map((m) => m.case_id));
    expect(dRefs.filter((id) => cCases.has(id))).toEqual(dRefs);
    // A merged theme's page answers with the theme it went into.
    expect(((await get(`/api/v1/themes/${d.id}`, t.auth)).json() as ThemeJson).id).toBe(c.id);
    const rows = await listThemeRows(t.database.db, t.workspace.actor.workspaceId, ['merged']);
    expect(rows.map((r) => r.id)).toContain(d.id);
  });

  it('splits cases off into a theme of their own that a re-mine keeps', async () => {
    const [a] = (await listAs(t.auth)).items as [ThemeJson];
    const refs = a.examples.slice(0, 2).map((e) => e.ref);
    const split = await send('POST', `/api/v1/themes/${a.id}/split`, t.auth, { label: 'Price tags left up', caseRefs: refs });
    expect(split.statusCode).toBe(201);
    const created = split.json() as ThemeJson;
    expect(created).toMatchObject({ label: 'Price tags left up', size: 2 });
    await mineWorkspaceThemes(t.database.db, t.workspace.actor.workspaceId, 'cli', () => NOW);
    for (const ref of refs) expect((await themeOfRef(ref)).theme?.id).toBe(created.id);
    const bad = await send('POST', `/api/v1/themes/${a.id}/split`, t.auth, { label: 'Nope', caseRefs: ['C-2026-999999'] });
    expect(bad.statusCode).toBe(400);
  });

  it('answers the case sidebar for a case in no theme yet', async () => {
    const kase = await createCase(t.workspace.ctx(NOW), buildCase({ summary: 'Quarterly tax filing for the Lisbon office.' }));
    const view = await caseTheme(t.workspace.ctx(NOW), kase.ref);
    expect(view).toMatchObject({ theme: null, phrases: [], can: { move: true } });
    expect(caseDocId('x')).toBe('case:x');
  });

  it('re-mines every night at 02:00 workspace time, once a night', async () => {
    // Far enough ahead that every run so far is more than 20 hours old, whatever today's clock says.
    expect(await runDueThemeMining(t.database.db, () => new Date('2099-01-01T13:00:00Z'))).toBe(0);
    expect(await runDueThemeMining(t.database.db, () => new Date('2099-01-02T02:30:00Z'))).toBe(1);
    expect(await runDueThemeMining(t.database.db, () => new Date('2099-01-02T02:50:00Z'))).toBe(0);
    const last = await t.database.db
      .selectFrom('theme_runs')
      .select(['trigger', 'state'])
      .where('workspace_id', '=', t.workspace.actor.workspaceId)
      .orderBy('requested_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ trigger: 'nightly', state: 'done' });
  });

  it('places a case again when it closes, with its root cause', async () => {
    await processEvents(t.database.db);
    const kase = await buildResolvedCase(t.workspace.ctx(NOW), {
      teamId: cast.teamA.id,
      employeeId: cast.employeeA.actor.employeeId as string,
    });
    await processEvents(t.database.db);
    const closeAt = new Date(NOW.getTime() + 3_600_000);
    await transitionCase(t.workspace.ctx(closeAt), kase.ref, { to: 'following_up' });
    await transitionCase(t.workspace.ctx(closeAt), kase.ref, {
      ...(await keepEverythingOpen(t.database.db, kase, t.workspace.actor.workspaceId)),
      to: 'closed',
      outcome: 'Refunded and apologised',
      rootCause: {
        category: 'process',
        whys: ['The shelf tag still showed the old promotion price', 'Nobody took the old tags down after the promotion'],
        factors: ['old tag on the shelf'],
      },
    });
    await processEvents(t.database.db, { now: () => closeAt });
    const [member] = (await listMemberRows(t.database.db, t.workspace.actor.workspaceId)).filter((m) => m.case_id === kase.id);
    expect(member?.assigned_at).toBe(closeAt.toISOString());
    expect(member?.source).toBe('placed');
  });

  it('fails a run the process stopped in the middle of, so a new one can start', async () => {
    const stuck = await t.database.db
      .insertInto('theme_runs')
      .values({
        id: '01a20000-0000-7000-8000-00000000abcd',
        workspace_id: t.workspace.actor.workspaceId,
        state: 'running',
        trigger: 'person',
        requested_by: null,
        requested_at: '2026-01-01T00:00:00.000Z',
        started_at: '2026-01-01T00:00:01.000Z',
        finished_at: null,
        progress: 0.4,
        step: 'grouping similar texts',
        documents: null,
        themes: null,
        born: null,
        error: null,
        model: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await send('POST', '/api/v1/themes/runs', t.auth);
    expect(run.json().id).not.toBe(stuck.id);
    expect((await get(`/api/v1/themes/runs/${stuck.id}`, t.auth)).json()).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('interrupted'),
    });
  });
});
