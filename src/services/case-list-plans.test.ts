import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildFollowUpRow, buildWorkspace } from '../../test/factories.js';
import { buildPerson } from '../../test/people.js';
import { listMergedInto } from '../store/case-merges.js';
import { countCaseRows, LIST_PLAN_LIMITS, planList } from '../store/cases.js';
import { commitmentReportRows, commitmentsToEscalate, commitmentsToRemind } from '../store/commitments.js';
import { dashboardReplyRows, overduePromiseRows, repeatCustomerCounts } from '../store/dashboard.js';
import { customersForRetention } from '../store/data-rights.js';
import { type Database, openDatabase } from '../store/db.js';
import { listReplyEvents } from '../store/events.js';
import { dueFollowUps, pendingFollowUpsOf } from '../store/follow-ups.js';
import { migrateToLatest } from '../store/migrate.js';
import { insertRuleRow } from '../store/review-rules.js';
import { runOutClocks } from '../store/settings.js';
import type { Actor } from './context.js';
import { createCase } from './create-case.js';
import { createTeam } from './directory.js';
import { listCases } from './read-cases.js';
import { evaluateAllReviewRules, evaluateReviewRules } from './review-flags.js';

/**
 * The query plans SQLite picks for the queries that were slow at a million cases, with no planner
 * statistics (as after migrations) and after ANALYZE: the plan must not depend on whether
 * statistics exist. Plans are SQLite's; PostgreSQL plans from its own statistics, kept by autovacuum.
 * A plan "walks the cases" when it scans the whole table or a whole index of it with no key.
 */
describe('query plans at scale [sqlite]', () => {
  let dir: string;
  let database: Database;
  let captured: { sql: string; parameters: readonly unknown[] }[];
  let supervisor: Actor;
  let employee: Actor;
  let teamId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-plans-'));
    captured = [];
    database = openDatabase({ dataDir: dir, onQuery: (q) => captured.push({ sql: q.sql, parameters: q.parameters }) });
    await migrateToLatest(database);
    const { ctx } = await buildWorkspace(database.db);
    const team = await createTeam(ctx(), 'Front desk');
    teamId = team.id;
    supervisor = (await buildPerson(ctx(), 'supervisor', [team.id])).actor;
    employee = (await buildPerson(ctx(), 'employee', [team.id])).actor;
    for (let i = 0; i < 30; i++)
      await createCase(ctx(), buildCase({ teamId: team.id, summary: i % 10 === 0 ? 'A rare zeppelin case' : 'A refund refused' }));
    for (let i = 0; i < 5; i++)
      await createCase(
        { db: database.db, actor: employee, now: new Date() },
        buildCase({ teamId: team.id, severity: i % 2 === 0 ? 1 : 3 }),
      );
    // An unhappy answer on an employee's case (with a customer) and rules of every kind: the review-rule and retention passes have someone to weigh.
    const weighed = await createCase(ctx(), {
      ...buildCase({ teamId: team.id }),
      employees: [{ employeeId: employee.employeeId as string, role: 'primary' }],
      customer: { name: 'Robin Customer', email: 'robin@example.test' },
    });
    await database.db
      .insertInto('follow_ups')
      .values(buildFollowUpRow({ workspace_id: employee.workspaceId, case_id: weighed.id, party: 'customer', satisfaction: 1 }))
      .execute();
    for (const kind of ['unhappy_follow_ups', 'broken_promises', 'costly_cases'])
      await insertRuleRow(database.db, {
        workspace_id: employee.workspaceId,
        kind,
        name: kind,
        threshold: 2,
        window_months: 12,
        min_loss_minor: kind === 'costly_cases' ? 50_000 : null,
        currency: null,
        enabled: 1,
        count_exclusions: '[]',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      });
    // A few cases wait for a supervisor's help, so Needs attention has pages to compare.
    const some = await database.db.selectFrom('cases').select('id').orderBy('ref').limit(7).execute();
    for (const [i, c] of some.entries())
      await database.db
        .updateTable('cases')
        .set({ help_requested_at: new Date(Date.now() - (i % 3) * 60_000).toISOString() })
        .where('id', '=', c.id)
        .execute();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Makes ANALYZE's figures those of a workspace `factor` times bigger: more rows, the same number
   * of distinct values in grouping columns (team, status), unique columns still unique. A few
   * dozen test cases would otherwise make a full scan the planner's honest best.
   */
  function scaleStatistics(sqlite: SQLite.Database, factor: number) {
    const rows = sqlite.prepare('select tbl, idx, stat from sqlite_stat1').all() as { tbl: string; idx: string | null; stat: string }[];
    const update = sqlite.prepare('update sqlite_stat1 set stat = ? where tbl = ? and idx is ?');
    for (const r of rows) {
      const [n, ...avgs] = r.stat.split(' ');
      const scaled = [Number(n) * factor, ...avgs.map((a) => (Number(a) > 1 ? Number(a) * factor : Number(a)))];
      update.run(scaled.join(' '), r.tbl, r.idx);
    }
  }

  /** The plan lines of every SELECT a list call ran. */
  async function plansOf(actor: Actor, query: Parameters<typeof listCases>[1], limits = LIST_PLAN_LIMITS): Promise<string[]> {
    captured.length = 0;
    await listCases({ db: database.db, actor, now: new Date() }, query, limits);
    const selects = captured.filter((q) => /^\s*select/i.test(q.sql));
    expect(selects.length).toBeGreaterThan(0);
    const sqlite = new SQLite(join(dir, 'defuse.db'), { readonly: true });
    try {
      return selects.flatMap((q) =>
        (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail),
      );
    } finally {
      sqlite.close();
    }
  }

  /** The plan lines of some captured queries. */
  function explained(queries: { sql: string; parameters: readonly unknown[] }[]): string[] {
    const sqlite = new SQLite(join(dir, 'defuse.db'), { readonly: true });
    try {
      return queries.flatMap((q) =>
        (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail),
      );
    } finally {
      sqlite.close();
    }
  }

  const walksCases = (lines: string[]) =>
    lines.filter((l) => /^SCAN cases\b/.test(l) || /^SEARCH cases USING (COVERING )?INDEX \S+ \(workspace_id=\?\)$/.test(l));

  for (const statistics of ['without statistics', 'after ANALYZE'] as const) {
    describe(statistics, () => {
      beforeAll(() => {
        const sqlite = new SQLite(join(dir, 'defuse.db'));
        if (statistics === 'after ANALYZE') {
          sqlite.exec('analyze');
          scaleStatistics(sqlite, 30_000);
        } else sqlite.exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4');
        sqlite.close();
        // A new connection reads the statistics afresh.
        captured.length = 0;
      });

      it("reads Needs attention from each reason's own index, not by probing every case", async () => {
        const lines = await plansOf(supervisor, { attention: true, sort: 'updated_at', order: 'desc' });
        expect(lines.some((l) => l.includes('commitments_escalated_open'))).toBe(true);
        expect(lines.some((l) => l.includes('cases_help_requested'))).toBe(true);
        expect(lines.some((l) => l.includes('follow_ups_wants_help'))).toBe(true);
        expect(walksCases(lines)).toEqual([]);
      });

      it("reads the page's attention reasons and whole rows by id, not by walking the workspace's cases", async () => {
        const lines = await plansOf(supervisor, { attention: true, sort: 'updated_at', order: 'desc' });
        expect(lines.filter((l) => /^SEARCH cases USING INDEX \S+ \(workspace_id=\?\)$/.test(l))).toEqual([]);
        const page = await plansOf(supervisor, { sort: 'reported_at', order: 'desc' });
        expect(page.some((l) => /^SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)$/.test(l))).toBe(true);
      });

      it('finds customers by name through the trigram index of names, not by reading every customer', async () => {
        const lines = await plansOf(supervisor, { q: 'Helen Okafor', sort: 'reported_at', order: 'desc' });
        expect(lines.some((l) => /customers_names VIRTUAL TABLE/.test(l))).toBe(true);
        expect(
          lines.filter((l) => /^SCAN customers\b/.test(l) || /^SEARCH customers USING INDEX \S+ \(workspace_id=\?\)$/.test(l)),
        ).toEqual([]);
      });

      it('walks a large set of candidates to the same pages, totals and cursors as it sorts a small one', async () => {
        const pages = async (actor: Actor, query: Parameters<typeof listCases>[1], limits = LIST_PLAN_LIMITS) => {
          const out: unknown[] = [];
          let cursor: string | undefined;
          do {
            const page = await listCases({ db: database.db, actor, now: new Date() }, { ...query, limit: 2, cursor }, limits);
            out.push(page);
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          return out;
        };
        const lists: [Actor, Parameters<typeof listCases>[1]][] = [
          [supervisor, { attention: true }],
          [employee, {}],
          [employee, { status: ['reported'] }],
        ];
        for (const [actor, query] of lists)
          for (const sort of ['updated_at', 'next_due_at', 'severity'] as const) {
            const q = { ...query, sort, order: sort === 'next_due_at' ? ('asc' as const) : ('desc' as const) };
            const sorted = await pages(actor, q);
            const walked = await pages(actor, q, { ...LIST_PLAN_LIMITS, walkFrom: 0 });
            expect(walked).toEqual(sorted);
            expect(sorted.length).toBeGreaterThan(1);
          }
      });

      it('finds the same pages of a search whether it drives from the hits, walks or probes', async () => {
        for (const actor of [supervisor, employee])
          for (const q of ['refund', 'refund refused', 'zeppelin']) {
            const all = async (limits: typeof LIST_PLAN_LIMITS) => {
              const out: unknown[] = [];
              let cursor: string | undefined;
              do {
                const page = await listCases({ db: database.db, actor, now: new Date() }, { q, limit: 3, cursor }, limits);
                out.push(page);
                cursor = page.nextCursor ?? undefined;
              } while (cursor);
              return out;
            };
            const driven = await all(LIST_PLAN_LIMITS);
            expect(await all({ ...LIST_PLAN_LIMITS, driveFromHits: 0, walkFrom: 0 })).toEqual(driven);
            expect(await all({ ...LIST_PLAN_LIMITS, driveFromHits: 0, probeFromHits: 0 })).toEqual(driven);
          }
      });

      it('counts a search with many hits to the same total as one with few', async () => {
        const count = async (q: string, upTo: number, limits = LIST_PLAN_LIMITS) => {
          const query = { workspaceId: supervisor.workspaceId, q, hideMerged: true };
          return countCaseRows(database.db, query, upTo, await planList(database.db, query, limits));
        };
        for (const q of ['refund', 'refund refused', 'zeppelin'])
          for (const upTo of [3, 1000]) {
            const driven = await count(q, upTo);
            expect(await count(q, upTo, { ...LIST_PLAN_LIMITS, driveFromHits: 0 })).toEqual(driven);
            expect(await count(q, upTo, { ...LIST_PLAN_LIMITS, driveFromHits: 0, probeFromHits: 0 })).toEqual(driven);
          }
        expect(await count('refund', 3)).toEqual({ count: 3, capped: true });
        expect((await count('zeppelin', 1000)).capped).toBe(false);
      });

      it("finds an employee's own cases through the reporter, handler and party indexes", async () => {
        const lines = await plansOf(employee, { sort: 'reported_at', order: 'desc' });
        expect(lines.some((l) => l.includes('cases_ws_reporter'))).toBe(true);
        expect(lines.some((l) => l.includes('cases_ws_assignee_due'))).toBe(true);
        expect(lines.some((l) => l.includes('case_parties_employee'))).toBe(true);
        expect(walksCases(lines)).toEqual([]);
      });

      it('keeps the cases an employee is named in as ids, not one lookup in the ids index per case', async () => {
        for (const limits of [LIST_PLAN_LIMITS, { ...LIST_PLAN_LIMITS, walkFrom: 0 }])
          for (const query of [{}, { status: ['reported' as const] }]) {
            const lines = await plansOf(employee, { ...query, sort: 'next_due_at', order: 'asc' }, limits);
            expect(lines.some((l) => l.includes('case_parties_employee'))).toBe(true);
            expect(lines.filter((l) => /COVERING INDEX sqlite_autoindex_cases_1/.test(l))).toEqual([]);
          }
      });

      it('walks the sort index for a search with more hits, each entry looked up in the hits read once', async () => {
        const searchWalks = { ...LIST_PLAN_LIMITS, driveFromHits: 0 };
        // The employee's own cases are few here: walking them too takes a lower bound.
        const walks: [Actor, typeof LIST_PLAN_LIMITS][] = [
          [supervisor, searchWalks],
          [employee, { ...searchWalks, walkFrom: 0 }],
        ];
        for (const [actor, limits] of walks) {
          const lines = await plansOf(actor, { q: 'refund refused', sort: 'reported_at', order: 'desc' }, limits);
          expect(lines.some((l) => /^SEARCH cases USING (COVERING )?INDEX cases_ws_reported_at \(workspace_id=\?\)$/.test(l))).toBe(true);
          expect(lines.filter((l) => /cases_fts VIRTUAL TABLE INDEX 0:=M/.test(l))).toEqual([]);
          expect(lines.filter((l) => /TEMP B-TREE FOR ORDER BY/.test(l))).toEqual([]);
        }
      });

      it("counts a supervisor's open cases from the status index alone, their own cases beside their teams' as rowids", async () => {
        const lines = await plansOf(supervisor, { status: ['reported', 'acknowledged'], sort: 'next_due_at', order: 'asc' });
        expect(lines.some((l) => /^SEARCH cases USING COVERING INDEX cases_ws_status /.test(l))).toBe(true);
        expect(lines.filter((l) => /^SEARCH cases USING INDEX cases_ws_status /.test(l))).toEqual([]);
      });

      it("walks the sort index for a team of many cases, and reads a small team's from the team's index", async () => {
        const large = await plansOf(supervisor, { teamId, sort: 'reported_at', order: 'desc' }, { ...LIST_PLAN_LIMITS, walkFrom: 0 });
        expect(large.some((l) => /^SEARCH cases USING INDEX cases_ws_reported_at \(workspace_id=\?\)$/.test(l))).toBe(true);
        expect(large.filter((l) => /TEMP B-TREE FOR ORDER BY/.test(l))).toEqual([]);
        const small = await plansOf(supervisor, { teamId, sort: 'reported_at', order: 'desc' });
        expect(small.filter((l) => /cases_ws_reported_at/.test(l))).toEqual([]);
        expect(small.some((l) => /^SEARCH cases USING INDEX cases_ws_team \(workspace_id=\? AND team_id=\?\)$/.test(l))).toBe(true);
      });

      it('walks the sort index for a search probing per case with a status filter, not every case of the status', async () => {
        const limits = { ...LIST_PLAN_LIMITS, driveFromHits: 0, probeFromHits: 0 };
        const lines = await plansOf(
          supervisor,
          { q: 'refund', status: ['reported', 'acknowledged'], sort: 'reported_at', order: 'desc' },
          limits,
        );
        expect(lines.some((l) => /^SEARCH cases USING INDEX cases_ws_reported_at \(workspace_id=\?\)$/.test(l))).toBe(true);
        expect(lines.filter((l) => /TEMP B-TREE FOR ORDER BY/.test(l))).toEqual([]);
      });

      it('drives a search with few hits from the full-text index', async () => {
        const lines = await plansOf(supervisor, { q: 'zeppelin', sort: 'reported_at', order: 'desc' });
        expect(lines.some((l) => /cases_fts VIRTUAL TABLE/.test(l))).toBe(true);
        expect(walksCases(lines)).toEqual([]);
      });

      it("reads the dashboard's replies through each period case's events, not every reply once per case", async () => {
        captured.length = 0;
        const to = new Date(Date.now() + 60_000).toISOString();
        await dashboardReplyRows(database.db, { workspaceId: supervisor.workspaceId, from: '2000-01-01T00:00:00.000Z', to });
        const lines = explained(captured);
        expect(lines.some((l) => /^SEARCH case_events USING INDEX \S+ \(case_id=\?\)$/.test(l))).toBe(true);
        expect(lines.some((l) => l.includes('case_events_kind_at'))).toBe(false);
      });

      it("finds the threat filter's cases from the flagged cases' index, not by checking every case", async () => {
        const lines = await plansOf(supervisor, { threat: true, sort: 'reported_at', order: 'desc' });
        expect(lines.some((l) => l.includes('cases_flagged'))).toBe(true);
        // Their customers' cases by customer, not a walk of a workspace index that holds the customer too.
        expect(lines.some((l) => /USING INDEX cases_customer \(workspace_id=\? AND customer_id=\?\)/.test(l))).toBe(true);
        expect(lines.filter((l) => /cases_ws_reported_at \(workspace_id=\?\)$/.test(l))).toEqual([]);
        expect(walksCases(lines)).toEqual([]);
      });

      it("finds the abuse-flag filter's cases from the flagged customers' index, not by checking every case", async () => {
        const lines = await plansOf(supervisor, { abuseFlagged: true, sort: 'reported_at', order: 'desc' });
        expect(lines.some((l) => l.includes('customers_flagged'))).toBe(true);
        // Their customers' cases by customer, not a walk of a workspace index that holds the customer too.
        expect(lines.some((l) => /USING INDEX cases_customer \(workspace_id=\? AND customer_id=\?\)/.test(l))).toBe(true);
        expect(lines.filter((l) => /cases_ws_reported_at \(workspace_id=\?\)$/.test(l))).toEqual([]);
        expect(walksCases(lines)).toEqual([]);
      });

      it('lists the cases merged into a case from the index of merged cases, not by walking the workspace', async () => {
        captured.length = 0;
        await listMergedInto(database.db, supervisor.workspaceId, '00000000-0000-7000-8000-000000000000');
        const lines = explained(captured);
        expect(lines.some((l) => l.includes('cases_merged_into'))).toBe(true);
        expect(walksCases(lines)).toEqual([]);
      });

      it("reads the period's replies and their scores from the replies' own index, not each reply's event row", async () => {
        captured.length = 0;
        await listReplyEvents(database.db, supervisor.workspaceId, '2000-01-01T00:00:00.000Z', 100);
        const lines = explained(captured);
        expect(
          lines.some((l) => /^SEARCH case_events USING COVERING INDEX case_events_replies \(workspace_id=\? AND at>\?\)$/.test(l)),
        ).toBe(true);
        expect(lines.filter((l) => /TEMP B-TREE/.test(l))).toEqual([]);
      });

      it("reads the commitments report's period from the workspace's promises by date, not every promise", async () => {
        captured.length = 0;
        await commitmentReportRows(database.db, supervisor.workspaceId, '2000-01-01T00:00:00.000Z');
        const lines = explained(captured);
        expect(lines.some((l) => l.includes('commitments_ws_created'))).toBe(true);
        expect(lines.filter((l) => /^SCAN commitments\b/.test(l))).toEqual([]);
      });

      it('reads the SLA sweep from the partial indexes of running clocks', async () => {
        captured.length = 0;
        await runOutClocks(database.db, 'acknowledge', new Date(Date.now() + 86_400_000 * 30), 50);
        await runOutClocks(database.db, 'resolve', new Date(Date.now() + 86_400_000 * 30), 50);
        const lines = explained(captured);
        expect(lines.some((l) => l.includes('cases_acknowledge_running'))).toBe(true);
        expect(lines.some((l) => l.includes('cases_resolve_running'))).toBe(true);
      });

      it("reads the promises' and follow-ups' sweeps from their partial indexes, each next batch by one seek", async () => {
        const now = new Date(Date.now() + 86_400_000 * 30);
        const after = { at: '2000-01-01T00:00:00.000Z', id: '00000000-0000-7000-8000-000000000000' };
        captured.length = 0;
        await commitmentsToRemind(database.db, now, 50, after);
        await commitmentsToEscalate(database.db, now, 50, after);
        await dueFollowUps(database.db, now, 50, { after: { dueAt: after.at, id: after.id } });
        const lines = explained(captured);
        for (const index of ['commitments_to_remind', 'commitments_to_escalate', 'follow_ups_to_send'])
          expect(lines.filter((l) => l.includes(index)).length, index).toBe(1);
        expect(lines.filter((l) => /TEMP B-TREE/.test(l))).toEqual([]);
      });

      it("reads the dashboard's overdue promises from the open ones, each case by id, and a user's waiting follow-ups by workspace", async () => {
        captured.length = 0;
        const to = new Date(Date.now() + 60_000).toISOString();
        await overduePromiseRows(database.db, { workspaceId: supervisor.workspaceId, from: '2000-01-01T00:00:00.000Z', to }, to);
        await pendingFollowUpsOf(database.db, supervisor.workspaceId, supervisor.userId);
        const lines = explained(captured);
        expect(
          lines.some((l) => /^SEARCH commitments USING INDEX commitments_open_ws_due \(workspace_id=\? AND due_at<\?\)$/.test(l)),
        ).toBe(true);
        expect(lines.some((l) => /^SEARCH cases USING INDEX sqlite_autoindex_cases_1 \(id=\?\)$/.test(l))).toBe(true);
        expect(walksCases(lines)).toEqual([]);
        expect(
          lines.some((l) => /^SEARCH follow_ups USING INDEX follow_ups_ws_status_due \(workspace_id=\? AND status=\?\)$/.test(l)),
        ).toBe(true);
        expect(lines.filter((l) => /^SCAN (commitments|follow_ups)\b/.test(l))).toEqual([]);
      });

      it("counts a filtered period's repeat customers from the period's range, not every case in customer order", async () => {
        captured.length = 0;
        const to = new Date(Date.now() + 60_000).toISOString();
        await repeatCustomerCounts(database.db, {
          workspaceId: supervisor.workspaceId,
          from: '2000-01-01T00:00:00.000Z',
          to,
          channel: ['email'],
        });
        const lines = explained(captured);
        expect(
          lines.some((l) =>
            /^SEARCH cases USING COVERING INDEX cases_ws_reported_at \(workspace_id=\? AND reported_at>\? AND reported_at<\?\)$/.test(l),
          ),
        ).toBe(true);
        expect(lines.filter((l) => l.includes('cases_customer'))).toEqual([]);
        expect(walksCases(lines)).toEqual([]);
      });

      it("walks the retention pass's customers from the index of those on file and reads their cases by customer", async () => {
        captured.length = 0;
        const page = await customersForRetention(database.db, supervisor.workspaceId, '2000-01-01T00:00:00.000Z', undefined, 50);
        expect(page.length).toBeGreaterThan(0);
        await customersForRetention(database.db, supervisor.workspaceId, '2000-01-01T00:00:00.000Z', page[0]?.id, 50);
        const lines = explained(captured);
        expect(lines.filter((l) => l.includes('customers_on_file')).length).toBe(2);
        // The second batch is empty (one customer here): only the first reads cases.
        expect(
          lines.filter((l) => /^SEARCH cases USING INDEX cases_customer \(workspace_id=\? AND customer_id=\?\)$/.test(l)),
        ).toHaveLength(1);
        expect(walksCases(lines)).toEqual([]);
        expect(lines.filter((l) => /^SCAN customers\b/.test(l))).toEqual([]);
      });

      it("reads the review-rule pass from the candidate indexes once, then each employee's cases by key", async () => {
        captured.length = 0;
        expect(await evaluateAllReviewRules(database.db, new Date())).toBe(0);
        const selects = captured.filter((q) => /^\s*select/i.test(q.sql));
        const lines = explained(selects);
        for (const index of ['cases_ws_loss', 'resolutions_ws_cost', 'follow_ups_unhappy', 'commitments_broken'])
          expect(
            lines.some((l) => l.includes(index)),
            index,
          ).toBe(true);
        // The candidates were read once; the one employee with a case a rule weighs had their facts read.
        expect(selects.filter((q) => q.sql.includes('"resolutions"."approval_state"'))).toHaveLength(1);
        expect(walksCases(lines)).toEqual([]);
        expect(lines.filter((l) => /cases_ws_reported_at|case_parties_employee/.test(l))).toEqual([]);
        expect(lines.filter((l) => /^SCAN (case_parties|follow_ups|commitments|resolutions)\b/.test(l))).toEqual([]);
      });

      it('reads the review rules for the people of a closed case from their own cases, probing the candidate indexes', async () => {
        captured.length = 0;
        expect(await evaluateReviewRules(database.db, employee.workspaceId, new Date(), [employee.employeeId as string])).toEqual([]);
        const lines = explained(captured.filter((q) => /^\s*select/i.test(q.sql)));
        for (const index of ['case_parties_employee', 'commitments_broken'])
          expect(
            lines.some((l) => l.includes(index)),
            index,
          ).toBe(true);
        expect(walksCases(lines)).toEqual([]);
        expect(lines.filter((l) => /cases_ws_reported_at/.test(l))).toEqual([]);
        expect(lines.filter((l) => /^SCAN (case_parties|follow_ups|commitments|resolutions)\b/.test(l))).toEqual([]);
      });
    });
  }
});
