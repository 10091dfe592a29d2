import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildPerson } from '../../test/people.js';
import { LIST_PLAN_LIMITS } from '../store/cases.js';
import { type Database, openDatabase } from '../store/db.js';
import type { Actor } from './context.js';
import { createCase } from './create-case.js';
import { createTeam } from './directory.js';
import { listCases } from './read-cases.js';

const PG_URL = process.env.TEST_DATABASE_URL;

/**
 * The plans PostgreSQL takes for lists that were slow at scale, with sequential scans priced out (a
 * few rows would always be read whole otherwise). A case search: the full-text match and the named customers' cases are one OR
 * the indexes can serve, never a check of every case against the customers' set (a hashed SubPlan
 * in the cases' filter walked a million cases for a word no case has), and the customers named are
 * read through the trigram index of migration 0052, not by checking each of the workspace's. The
 * repeat-customer filter: its probe per case reads migration 0053's index alone. One person's
 * cases and Needs attention, once their sets are larger than the plan's limit (lowered here to a
 * few cases): the list walks its sort index, never joining from the set, whose ids (and the
 * reopened cases' teams) are read from migration 0055's indexes alone, and the follow-ups Needs
 * attention checks from migration 0056's.
 */
describe.skipIf(!PG_URL)('list plans [postgres]', () => {
  let database: TestDatabase;
  let capturing: Database;
  let captured: { sql: string; parameters: readonly unknown[] }[];
  let client: pg.Client;
  let ctx: ReturnType<Awaited<ReturnType<typeof buildWorkspace>>['ctx']>;
  let employee: Actor;
  let supervisor: Actor;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const schema = database.pgSchema as string;
    captured = [];
    capturing = openDatabase({
      dataDir: '',
      databaseUrl: PG_URL,
      pgSchema: schema,
      onQuery: (q) => captured.push({ sql: q.sql, parameters: q.parameters }),
    });
    client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await client.connect();
    const ws = await buildWorkspace(capturing.db);
    for (let i = 0; i < 12; i++)
      await createCase(ws.ctx(), {
        ...buildCase({ title: i % 4 === 0 ? 'A rare zeppelin case' : 'A refund refused' }),
        customer: i % 3 === 0 ? { name: 'Helen Okafor', email: 'helen@example.test' } : { name: 'Ingrid Halvorsen' },
      });
    // An employee who reported, handles and is named in some cases, and some cases that need attention.
    const team = await createTeam(ws.ctx(), 'Front desk');
    employee = (await buildPerson(ws.ctx(), 'employee', [team.id])).actor;
    supervisor = (await buildPerson(ws.ctx(), 'supervisor', [team.id])).actor;
    for (let i = 0; i < 6; i++)
      await createCase(i % 2 === 0 ? { db: capturing.db, actor: employee, now: new Date() } : ws.ctx(), {
        ...buildCase({ teamId: team.id, title: 'A refund refused', ...(i % 2 === 0 ? {} : { assigneeId: employee.userId }) }),
        employees: i % 3 === 0 ? [] : [{ employeeId: employee.employeeId as string, role: 'primary' }],
      });
    await client.query(
      `update cases set help_requested_at = reported_at where workspace_id = $1 and ref in (
      select ref from cases where workspace_id = $1 order by ref desc limit 4)`,
      [ws.workspace.id],
    );
    await client.query(
      `update cases set status = 'reopened' where workspace_id = $1 and ref in (
      select ref from cases where workspace_id = $1 order by ref desc limit 3)`,
      [ws.workspace.id],
    );
    // Enough other customers that reading the workspace's customers one by one costs more than the names' index.
    await client.query(
      `insert into customers (id, workspace_id, name, email, phone, created_at)
        select 'c-' || $1 || '-' || g, $1, 'Person ' || g, 'person' || g || '@example.test', null, $2 from generate_series(1, 20000) g`,
      [ws.workspace.id, new Date().toISOString()],
    );
    // As autovacuum leaves a table (and the benchmark before it measures): index-only scans need the visibility map.
    await client.query('vacuum analyze');
    ctx = ws.ctx();
  });
  afterAll(async () => {
    await client.end();
    await capturing.close();
    await database.dispose();
  });

  async function planOfList(query: Parameters<typeof listCases>[1], marker: string): Promise<string> {
    return (await plansOfList(ctx.actor, query, marker)).page;
  }

  /** The plans of a list's page and of its count, as `actor`, with the plan's limit on a set's size lowered to `walkFrom`. */
  async function plansOfList(actor: Actor, query: Parameters<typeof listCases>[1], marker: string, walkFrom = LIST_PLAN_LIMITS.walkFrom) {
    captured.length = 0;
    await listCases({ db: capturing.db, actor, now: new Date() }, query, { ...LIST_PLAN_LIMITS, walkFrom });
    const page = captured.find((c) => c.sql.includes(marker) && /order by/i.test(c.sql));
    const count = captured.find((c) => c.sql.includes(marker) && /^select count\(\*\) as "n" from \(select 1 as "one"/.test(c.sql));
    if (!page || !count) throw new Error(`no list query with ${marker} captured`);
    await client.query('set enable_seqscan = off');
    const explain = async (q: { sql: string; parameters: readonly unknown[] }) =>
      (await client.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, q.parameters as unknown[])).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const plans = { page: await explain(page), count: await explain(count) };
    await client.query('reset enable_seqscan');
    return plans;
  }

  it('reads the cases matching the words or naming the customer through indexes, and the customers through their names', async () => {
    for (const q of ['zeppelin', 'helen', 'helen okafor']) {
      const plan = await planOfList({ q, limit: 50 }, 'search_vector @@');
      expect(plan, q).not.toMatch(/Filter: .*hashed SubPlan/);
      expect(plan, q).toContain('customers_name_trgm');
    }
  });

  it("reads a search's few hits from the full-text index once, never walking the sort index to find them", async () => {
    for (const q of ['zeppelin', '"rare zeppelin"']) {
      const plan = await planOfList({ q, limit: 50 }, 'search_vector @@');
      // Read once as an array (at a million cases from cases_search: 4 ms for 13 hits, where the walk took 6 s).
      expect(plan, q).toMatch(/InitPlan 1 [\s\S]* on cases hit\b/);
      expect(plan, q).toMatch(/\(id = ANY \(\$0\)\)/);
      expect(plan, q).not.toMatch(/Index Scan (Backward )?using cases_ws_reported_at/);
    }
    expect((await listCases(ctx, { q: 'zeppelin', limit: 50 })).items).toHaveLength(3);
  });

  it('checks a repeat customer from the index of customers and their previous case alone', async () => {
    const plan = await planOfList({ repeatCustomer: true, limit: 50 }, 'customer_prev_at');
    expect(plan).toContain('Index Only Scan using cases_customer_recent');
  });

  it("walks the sort index for a person's many cases, each entry looked up in their set read from indexes alone", async () => {
    const mine = await listCases(
      { db: capturing.db, actor: employee, now: new Date() },
      { limit: 50 },
      { ...LIST_PLAN_LIMITS, walkFrom: 2 },
    );
    expect(mine.items).toHaveLength(6);
    for (const query of [
      { limit: 50 },
      { status: ['reported' as const], sort: 'next_due_at' as const, order: 'asc' as const, limit: 50 },
    ]) {
      const { page, count } = await plansOfList(employee, query, '"reported"."reporter_id"', 2);
      // A join from the set read each of its cases by id to sort them (140 ms for 10,000 at a million cases).
      expect(page).toMatch(/Filter: .*\(hashed SubPlan \d+\) IS TRUE/);
      expect(page).not.toMatch(/Join|HashAggregate/);
      for (const plan of [page, count]) {
        expect(plan).toContain('Index Only Scan using cases_ws_reporter');
        expect(plan).toContain('Index Only Scan using case_parties_employee');
      }
    }
    // Open cases counted from the status index, each looked up in the set.
    const { count } = await plansOfList(employee, { status: ['reported'], limit: 50 }, '"reported"."reporter_id"', 2);
    expect(count).toContain('Index Only Scan using cases_ws_status_ids');
  });

  it("keeps a person's few cases as the way in", async () => {
    const { page } = await plansOfList(employee, { limit: 50 }, '"reported"."reporter_id"');
    expect(page).not.toMatch(/IS TRUE/);
  });

  it('walks the sort index for Needs attention, and reads the reopened candidates and the checked follow-ups from indexes alone', async () => {
    for (const actor of [ctx.actor, supervisor]) {
      const listed = await listCases(
        { db: capturing.db, actor, now: new Date() },
        { attention: true, limit: 50 },
        { ...LIST_PLAN_LIMITS, walkFrom: 2 },
      );
      expect(listed.items.length).toBeGreaterThan(0);
      const { page, count } = await plansOfList(
        actor,
        { attention: true, sort: 'updated_at', order: 'desc', limit: 50 },
        'help_requested_at',
        2,
      );
      // Joined from its 12,000 candidates, the page read each by id to sort them (0.2 s at a million cases).
      expect(page).toMatch(/Index Scan Backward using cases_ws_updated_at/);
      expect(page).not.toMatch(/Join|HashAggregate/);
      expect(count).toContain('Index Only Scan using cases_ws_status_ids on cases reopened');
      // The walk's checks hash the answered follow-ups from their indexes (migration 0056): each row read cost 8,600 pages cold.
      expect(page).toContain('Index Only Scan using follow_ups_unhappy');
      expect(page).toContain('Index Only Scan using follow_ups_wants_help');
    }
  });
});
