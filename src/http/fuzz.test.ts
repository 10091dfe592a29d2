import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { describeEachDatabase } from '../../test/databases.js';

type Route = { method: string; path: string };

/** A valid body per mutating route, so the fuzzer can also try near-misses of real requests. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/cases': { title: 'Fuzz', summary: 'Fuzzing', channel: 'chat', severity: 3, customerState: 'calm' },
  'PATCH /api/v1/cases/{ref}': { title: 'New title' },
  'PUT /api/v1/cases/{ref}/assignee': { assigneeId: null },
  'POST /api/v1/cases/{ref}/transitions': { to: 'acknowledged' },
  'POST /api/v1/cases/{ref}/parties': { employeeId: '01a20000-0000-7000-8000-000000000000', role: 'witness' },
  'POST /api/v1/cases/{ref}/events': { text: 'a note' },
  'POST /api/v1/cases/{ref}/help-request': { note: 'Please come to the till' },
  'POST /api/v1/cases/{ref}/help-request/take': {},
  'POST /api/v1/cases/{ref}/statements': { party: 'customer', authorName: 'Ann', body: 'My side' },
  'POST /api/v1/teams': { name: 'Team' },
  'POST /api/v1/employees': { name: 'Sam' },
  'POST /api/v1/customers': { name: 'Ann' },
  'POST /api/v1/cases/{ref}/commitments': { text: 'Call back', dueAt: '2999-01-01T10:00:00Z' },
  'PATCH /api/v1/cases/{ref}/commitments/{id}': { status: 'kept' },
  'POST /api/v1/cases/{ref}/follow-ups': { party: 'customer', dueAt: '2999-01-01T10:00:00Z' },
  'POST /api/v1/follow-ups/{id}/answer': { feltSupported: 3, wantsTraining: false, wantsHelp: false },
  'POST /api/v1/notifications/{id}/read': {},
  'POST /api/v1/notifications/read-all': {},
  'POST /api/v1/auth/sign-in': { email: 'nobody@example.com', password: 'not the password' },
  'POST /api/v1/auth/accept-invite': { token: 'unknown', password: 'long enough 1' },
  'POST /api/v1/auth/sign-out': {},
  'POST /api/v1/me/password': { currentPassword: 'not the password', newPassword: 'a new password 1' },
  'POST /api/v1/users': { email: 'new.person@example.com', name: 'New Person', role: 'employee', teamIds: [] },
  'PATCH /api/v1/users/{id}': { name: 'Renamed' },
  'POST /api/v1/users/{id}/invitation': {},
  'POST /api/v1/tokens': { name: 'fuzz' },
  'DELETE /api/v1/tokens/{id}': {},
  'POST /api/v1/cases/{ref}/replies': { body: 'Thank you for waiting. I will call you back tomorrow.' },
  'POST /api/v1/playbooks': { fromKey: 'five-steps', name: 'Fuzzed copy' },
  'PUT /api/v1/playbooks/{key}': { name: 'Fuzzed name', summary: 'Fuzzed summary' },
  'PUT /api/v1/cases/{ref}/playbook': { key: 'five-steps', strategy: 'negotiate', reason: 'Fuzzing the choice' },
  'POST /api/v1/cases/{ref}/playbook/steps': { stepKey: 'focus', note: 'fuzz' },
  'PUT /api/v1/cases/{ref}/resolution': {
    problem: 'Late delivery',
    options: ['Refund'],
    solution: 'Refund the shipping',
    policyRefs: [],
    cost: { amount: 5, currency: 'EUR' },
  },
  'POST /api/v1/cases/{ref}/resolution/decision': { decision: 'approve', note: 'ok' },
  'POST /api/v1/cases/{ref}/abuse': { note: 'Shouted insults' },
  'PUT /api/v1/settings/deadlines': { preset: 'eight_week', targets: [], caseTypes: [{ name: 'Payments', preset: 'fifteen_sixty' }] },
  'PUT /api/v1/notifications/preferences': { items: [{ kind: 'case_reported', inApp: true, email: true }] },
  'PUT /api/v1/settings/workspace': { currency: 'USD', timeZone: 'America/Los_Angeles' },
  'PUT /api/v1/settings/business-hours/{teamId}': {
    timeZone: null,
    week: { mon: { start: '09:00', end: '17:00' }, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
    holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
  },
  'DELETE /api/v1/settings/business-hours/{teamId}': {},
  'POST /api/v1/cases/{ref}/clocks/pause': { note: 'Waiting for the receipt' },
  'POST /api/v1/cases/{ref}/clocks/resume': {},
  'PUT /api/v1/settings/authority-limits': { roles: { employee: 100, supervisor: 1000, hr: 0, admin: null }, users: [] },
  'POST /api/v1/coach/analyze': { customer: 'You never called me back!', reply: 'I am sorry, I will call you tomorrow at 3pm.' },
  'POST /api/v1/forum/threads': { title: 'Fuzzed thread', body: 'Fuzzing the forum', asColleague: true },
  'POST /api/v1/forum/threads/{id}/posts': { body: 'A fuzzed reply' },
  'PUT /api/v1/forum/threads/{id}/vote': {},
  'DELETE /api/v1/forum/threads/{id}/vote': {},
  'PUT /api/v1/forum/threads/{id}/review': { answer: 'Reviewed while fuzzing' },
  'POST /api/v1/forum/threads/{id}/merge': { intoId: '01a20000-0000-7000-8000-000000000000' },
  'PATCH /api/v1/forum/posts/{id}': { body: 'Edited while fuzzing' },
  'POST /api/v1/forum/posts/{id}/reports': { reason: 'Fuzz' },
  'POST /api/v1/forum/posts/{id}/hide': { reason: 'Fuzz' },
  'POST /api/v1/training/scenarios': { fromKey: 'cake-not-ready', title: 'Fuzzed cake' },
  'PUT /api/v1/training/scenarios/{key}': { title: 'Fuzzed title', passMark: 75 },
  'POST /api/v1/training/sessions': { scenarioKey: 'cake-not-ready', difficulty: 'patient', seed: 1 },
  'POST /api/v1/training/sessions/{id}/turns': { reply: 'Tell me what happened?' },
  'POST /api/v1/training/sessions/{id}/end': { how: 'stop' },
  'POST /api/v1/training/quiz/{id}/answer': { strategy: 'withdraw' },
  'POST /api/v1/training/scenarios/from-case': { caseRef: 'C-2026-000001' },
  'POST /api/v1/training/assignments': {
    scenarioKeys: ['cake-not-ready'],
    userIds: ['01a20000-0000-7000-8000-000000000000'],
    dueAt: '2030-01-01T09:00:00Z',
  },
  'POST /api/v1/training/assignments/{id}/cancel': {},
  'PUT /api/v1/training/rules': {
    starterSet: ['cake-not-ready'],
    starterDueDays: 14,
    lowScore: { enabled: true, mark: 55, minReplies: 3, sinceDays: 60, dueDays: 14 },
    refresherAfterDays: 42,
    refresherDueDays: 7,
    reminderHours: 48,
    certification: { attempts: 3, passMark: 80, validDays: 365 },
  },
  'POST /api/v1/training/sessions/{id}/review': { total: 70, reason: 'Fuzzed review' },
  'POST /api/v1/themes/runs': {},
  'PATCH /api/v1/themes/{id}': { label: 'Refunds at the till', locked: true },
  'POST /api/v1/themes/{id}/merge': { into: '01a20000-0000-7000-8000-000000000000' },
  'POST /api/v1/themes/{id}/split': { label: 'Card refunds', caseRefs: ['C-2026-000001'] },
  'PUT /api/v1/cases/{ref}/theme': { themeId: '01a20000-0000-7000-8000-000000000000' },
  'POST /api/v1/improvements': { title: 'Show the card search on the till', description: 'Fewer refunds refused' },
  'PATCH /api/v1/improvements/{id}': { status: 'planned' },
  'POST /api/v1/audit/verify': {
    checkpoints: [
      {
        checkpoint: {
          format: 'defuse-checkpoint/1',
          workspaceId: '01a20000-0000-7000-8000-000000000000',
          seq: 1,
          at: '2026-01-01T00:00:00.000Z',
          previous: '0'.repeat(64),
          root: '0'.repeat(64),
          cases: 0,
          events: 0,
          customers: 0,
          accessLogEntries: 0,
          publicKey: 'AAAA',
        },
        signature: 'AAAA',
      },
    ],
  },
  'POST /api/v1/review-rules': {
    kind: 'unhappy_follow_ups',
    name: 'Unhappy',
    threshold: 3,
    windowMonths: 6,
    enabled: true,
    countExclusions: [],
  },
  'PUT /api/v1/review-rules/{id}': {
    kind: 'broken_promises',
    name: 'Promises',
    threshold: 2,
    windowMonths: 3,
    enabled: true,
    countExclusions: [],
  },
  'POST /api/v1/review-rules/evaluate': {},
  'POST /api/v1/review-flags/{id}/decision': { open: true, reason: 'A fair look' },
  'POST /api/v1/reviews': { employeeId: '01a20000-0000-7000-8000-000000000000', caseRefs: ['C-2026-000001'], reason: 'By hand' },
  'PUT /api/v1/reviews/{id}/cases/{ref}/finding': { allegation: 'Refused a refund', finding: 'inconclusive', policy: 'Returns policy' },
  'POST /api/v1/reviews/{id}/decision': { outcome: 'coaching', rationale: 'Coaching first' },
  'POST /api/v1/reviews/{id}/sign-off': {},
  'POST /api/v1/me/reviews/{id}/statement': { body: 'My side' },
  'POST /api/v1/me/reviews/{id}/waive': {},
  'POST /api/v1/me/reviews/{id}/appeal': { reason: 'Unfair' },
  'POST /api/v1/support-requests': { kind: 'talk', note: 'A hard morning' },
  'POST /api/v1/support-requests/{id}/accept': { kind: 'talk' },
  'POST /api/v1/support-requests/{id}/answer': { answer: 'Let us talk at three' },
  'POST /api/v1/support-requests/{id}/close': {},
  'POST /api/v1/digests/agendas': { teamId: '01a20000-0000-7000-8000-000000000000', week: '2026-W49' },
  'PATCH /api/v1/digests/agendas/{id}': { redact: ['till'] },
  'POST /api/v1/digests/agendas/{id}/approve': {},
  'POST /api/v1/digests/agendas/{id}/send': {},
  'POST /api/v1/digests/newsletters': { since: '2026-11-01' },
  'PATCH /api/v1/digests/newsletters/{id}': { story: 0, redact: ['till'] },
  'POST /api/v1/digests/newsletters/{id}/approve': {},
  'POST /api/v1/digests/newsletters/{id}/send': { to: ['everyone@example.test'] },
  'POST /api/v1/customers/{id}/merge': { intoId: '01a20000-0000-7000-8000-000000000000' },
  'PUT /api/v1/webhooks/settings': { allowPrivateTargets: false },
  'POST /api/v1/webhooks': { url: 'https://hooks.example.test/defuse', eventTypes: ['case.created'] },
  'PATCH /api/v1/webhooks/{id}': { description: 'Helpdesk' },
  'DELETE /api/v1/webhooks/{id}': {},
  'POST /api/v1/webhooks/{id}/rotate-secret': { overlapMinutes: 10 },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {},
  'DELETE /api/v1/cases/{ref}/status-link': {},
  'POST /api/v1/inbound-emails/{id}/place': { ref: 'C-2026-000001' },
  'POST /api/v1/inbound-emails/{id}/dismiss': {},
  'POST /api/v1/cases/{ref}/attachments': {},
  'POST /api/v1/imports': {},
  'POST /api/v1/customers/{id}/erase': { reason: 'asked by email' },
  'POST /api/v1/data-requests': {
    subjectKind: 'customer',
    subjectId: '01a20000-0000-7000-8000-000000000000',
    kind: 'erasure',
    regime: 'gdpr',
    requestedBy: 'The customer, by email',
    identityCheck: 'Wrote from the address on file',
  },
  'POST /api/v1/data-requests/{id}/complete': {},
  'POST /api/v1/data-requests/{id}/refuse': { reason: 'identity not confirmed' },
  'POST /api/v1/legal-holds': {
    matter: 'A claim',
    reason: 'Letter received',
    subjects: [{ kind: 'case', id: '01a20000-0000-7000-8000-000000000000' }],
  },
  'POST /api/v1/legal-holds/{id}/release': { reason: 'settled' },
  'PUT /api/v1/retention': { customerMonths: 24 },
  'PATCH /api/v1/teams/{id}': { name: 'Renamed team', archived: true },
  'POST /api/v1/cases/{ref}/tags': { tags: ['vip'] },
  'DELETE /api/v1/cases/{ref}/tags/{tag}': {},
  'POST /api/v1/cases/{ref}/merge': { intoRef: 'C-2026-000001' },
  'POST /api/v1/cases/{ref}/split': { title: 'A second matter', summary: 'Also a parking fine.' },
  'POST /api/v1/saved-replies': { title: 'Thanks', body: 'Thank you, {{customer.firstName|there}}.', teamId: null },
  'PUT /api/v1/saved-replies/{id}': { title: 'Thanks', body: 'Thank you.', teamId: null },
  'POST /api/v1/views': { name: 'Mine', filters: { tag: ['vip'] } },
  'DELETE /api/v1/views/{id}': {},
  'DELETE /api/v1/saved-replies/{id}': {},
  'POST /api/v1/cases/{ref}/saved-replies/{id}/render': {},
  'POST /api/v1/cases/bulk': { refs: ['C-2026-000001'], action: { kind: 'tag', tags: ['vip'] } },
};

/**
 * What a refused request may still change, each with why. Whole tables are left out of the
 * fingerprint; a table with columns listed is compared without those columns.
 */
const MAY_CHANGE_WHEN_REFUSED: Record<string, { why: string; columns?: string[] }> = {
  shared_counters: { why: 'a refused sign-in or a rate-limited request is counted: that is how limits hold across instances' },
  api_tokens: { why: 'authenticating stamps last_used_at, at most once a minute, whatever the answer', columns: ['last_used_at'] },
};

/** Every table of the schema in use, read from the database itself so new tables are covered. */
async function tableNames(t: TestApp): Promise<string[]> {
  const { db, kind } = t.database;
  const { rows } =
    kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name).sort();
}

/** Everything that could change, table by table: every row but the columns a refusal may change. */
async function fingerprint(t: TestApp, tables: string[]): Promise<Record<string, string>> {
  const contents = await Promise.all(
    tables.map(async (table) => {
      const ignored = new Set(MAY_CHANGE_WHEN_REFUSED[table]?.columns);
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.database.db);
      const kept = rows.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !ignored.has(column))));
      return [table, kept.sort().join('\n')] as const;
    }),
  );
  return Object.fromEntries(contents);
}

/** A valid body with one field replaced, one removed, or one unknown field added. */
const nearMiss = (valid: Record<string, unknown>) =>
  Object.keys(valid).length === 0
    ? fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ stringUnit: 'binary' }))
    : fc.oneof(
        fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.jsonValue({ stringUnit: 'binary' })).map(([k, v]) => ({ ...valid, [k]: v })),
        fc.constantFrom(...Object.keys(valid)).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
        fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ stringUnit: 'binary' })).map(([k, v]) => ({ ...valid, [k]: v })),
      );

/**
 * Requests per route: a short run in the suite; `npm run test:fuzz` sets DEFUSE_FUZZ_REQUESTS
 * (100,000) and spreads it over the routes.
 */
function runsPerRoute(kind: string, routeCount: number): number {
  const total = Number(process.env.DEFUSE_FUZZ_REQUESTS);
  if (Number.isInteger(total) && total > 0) return Math.ceil(total / routeCount);
  return kind === 'sqlite' ? 60 : 25;
}
const FUZZ_TIMEOUT_MS = process.env.DEFUSE_FUZZ_REQUESTS ? 4 * 3600_000 : 480_000;

describeEachDatabase('every mutating route under random bodies', (kind) => {
  let t: TestApp;
  let routes: Route[];
  let reads: { path: string; query: string[] }[];
  let ref: string;
  let spareTokenId: string;
  let playbookKey: string;
  let compared: string[];
  beforeAll(async () => {
    t = await buildTestApp(kind);
    // A token other than the one the fuzzer authenticates with, for DELETE /tokens/{id} to aim at.
    const spare = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: t.auth, payload: { name: 'spare' } });
    spareTokenId = spare.json().id;
    // A workspace playbook for PUT /playbooks/{key} to revise (built-ins cannot be edited).
    const copy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/playbooks',
      headers: t.auth,
      payload: { fromKey: 'six-tips', name: 'Fuzz' },
    });
    playbookKey = copy.json().key;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: VALID_BODIES['POST /api/v1/cases'] ?? {},
    });
    ref = created.json().ref;
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    reads = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/api/v1/') && 'get' in ops && !path.endsWith('/events/stream'))
      .map(([path, ops]) => ({
        path,
        query: ((ops.get as { parameters?: { in: string; name: string }[] }).parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name),
      }));
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
    compared = (await tableNames(t)).filter((table) => !MAY_CHANGE_WHEN_REFUSED[table] || MAY_CHANGE_WHEN_REFUSED[table].columns);
  });
  afterAll(async () => t.close());

  it('covers every mutating route with a known valid body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes)
      expect(VALID_BODIES, `${r.method} ${r.path} needs a sample body here`).toHaveProperty([`${r.method} ${r.path}`]);
  });

  it('fingerprints every table but those a refusal may change', async () => {
    const tables = await tableNames(t);
    expect(tables.length).toBeGreaterThanOrEqual(25);
    for (const excluded of Object.keys(MAY_CHANGE_WHEN_REFUSED)) expect(tables, `${excluded} is no table`).toContain(excluded);
    expect(compared).toEqual(
      expect.arrayContaining([
        'cases',
        'case_events',
        'event_outbox',
        'event_processors',
        'follow_ups',
        'outbox_emails',
        'jobs',
        'api_tokens',
      ]),
    );
    expect(compared).not.toContain('shared_counters');
  });

  it(
    'never answers 5xx to a read with random query parameters',
    async () => {
      let requests = 0;
      for (const route of reads) {
        const url = route.path.replace('{ref}', ref).replace('{id}', t.workspace.user.id).replace('{key}', playbookKey);
        const name = route.query.length
          ? fc.oneof(fc.constantFrom(...route.query), fc.string({ maxLength: 8 }))
          : fc.string({ maxLength: 8 });
        const value = fc.oneof(
          fc.string({ maxLength: 30, unit: 'binary' }),
          fc.integer().map(String),
          fc.constantFrom('', 'true', '-1', '9'.repeat(30)),
        );
        const runs = Math.max(5, Math.ceil(runsPerRoute(kind, reads.length) / 4));
        await fc.assert(
          fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 4 }), async (query) => {
            const res = await t.app.inject({ method: 'GET', url, query, headers: t.auth });
            expect(res.statusCode, `GET ${url} ${JSON.stringify(query)}`).toBeLessThan(500);
            if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
          }),
          { numRuns: runs },
        );
        requests += runs;
      }
      console.info(`fuzz [${kind}]: ${requests} reads over ${reads.length} routes with random query parameters, 0 answered 5xx`);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never answers 5xx, and a refused request changes nothing',
    async () => {
      let requests = 0;
      for (const route of routes) {
        const valid = VALID_BODIES[`${route.method} ${route.path}`] ?? {};
        const id = route.path.startsWith('/api/v1/tokens') ? spareTokenId : t.workspace.user.id;
        const url = route.path.replace('{ref}', ref).replace('{id}', id).replace('{key}', playbookKey);
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.jsonValue({ stringUnit: 'binary' }), nearMiss(valid)), async (body) => {
            const before = await fingerprint(t, compared);
            const res = await t.app.inject({
              method: route.method as 'POST',
              url,
              headers: { ...t.auth, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            expect(res.statusCode, `${route.method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers['content-type']).toContain('application/problem+json');
              const after = await fingerprint(t, compared);
              const changed = compared.filter((table) => after[table] !== before[table]);
              expect(changed, `${route.method} ${url} was refused (${res.statusCode}) but changed these tables`).toEqual([]);
            }
          }),
          { numRuns: runsPerRoute(kind, routes.length) },
        );
        requests += runsPerRoute(kind, routes.length);
      }
      console.info(
        `fuzz [${kind}]: ${requests} requests over ${routes.length} mutating routes, 0 answered 5xx, 0 refused requests changed a row`,
      );
      // Every table is fingerprinted twice per refused request, for every mutating route: it grows with both.
    },
    FUZZ_TIMEOUT_MS,
  );
});
