import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { type Database, openDatabase } from '../store/db.js';
import { createCase } from './create-case.js';
import { listCases } from './read-cases.js';

const PG_URL = process.env.TEST_DATABASE_URL;

/**
 * The plans PostgreSQL takes for lists that were slow at scale, with sequential scans priced out (a
 * few rows would always be read whole otherwise). A case search: the full-text match and the named customers' cases are one OR
 * the indexes can serve, never a check of every case against the customers' set (a hashed SubPlan
 * in the cases' filter walked a million cases for a word no case has), and the customers named are
 * read through the trigram index of migration 0052, not by checking each of the workspace's. The
 * repeat-customer filter: its probe per case reads migration 0053's index alone.
 */
describe.skipIf(!PG_URL)('list plans [postgres]', () => {
  let database: TestDatabase;
  let capturing: Database;
  let captured: { sql: string; parameters: readonly unknown[] }[];
  let client: pg.Client;
  let ctx: ReturnType<Awaited<ReturnType<typeof buildWorkspace>>['ctx']>;

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
    // Enough other customers that reading the workspace's customers one by one costs more than the names' index.
    await client.query(
      `insert into customers (id, workspace_id, name, email, phone, created_at)
        select 'c-' || $1 || '-' || g, $1, 'Person ' || g, 'person' || g || '@example.test', null, $2 from generate_series(1, 20000) g`,
      [ws.workspace.id, new Date().toISOString()],
    );
    await client.query('analyze');
    ctx = ws.ctx();
  });
  afterAll(async () => {
    await client.end();
    await capturing.close();
    await database.dispose();
  });

  async function planOfList(query: Parameters<typeof listCases>[1], marker: string): Promise<string> {
    captured.length = 0;
    await listCases(ctx, query);
    const page = captured.find((c) => c.sql.includes(marker) && /order by/i.test(c.sql));
    if (!page) throw new Error(`no list query with ${marker} captured`);
    await client.query('set enable_seqscan = off');
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${page.sql}`, page.parameters as unknown[]);
    await client.query('reset enable_seqscan');
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
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
});
