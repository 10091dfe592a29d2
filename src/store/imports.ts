import { CompiledQuery, type Insertable, sql } from 'kysely';
import { isPostgres } from './db.js';
import type { CustomerRow, Db, ImportRow, Tables } from './schema.js';

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows of one table in as few statements as the parameter limits allow. The statement
 * text and its parameters are written directly: Kysely's builder spends more time (and garbage)
 * turning thousands of rows into a query tree and back than the database spends inserting them.
 */
export async function insertMany<T extends keyof Tables>(db: Db, table: T, rows: readonly Insertable<Tables[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const uniform = rows.every((r) => sameColumns(r as Record<string, unknown>, columns));
  const postgres = isPostgres(db);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    // Rows whose columns differ (or hold undefined, which Kysely leaves to the default) take the builder.
    if (!uniform)
      await db
        .insertInto(table)
        .values(chunk as never)
        .execute();
    else await db.executeQuery(insertStatement(table, columns, chunk as readonly Record<string, unknown>[], postgres));
  }
}

function sameColumns(row: Record<string, unknown>, columns: readonly string[]): boolean {
  let n = 0;
  for (const key in row) {
    if (row[key] === undefined) return false;
    n++;
  }
  return n === columns.length && columns.every((c) => c in row);
}

function insertStatement(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], postgres: boolean) {
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const c of columns) {
      parameters.push(row[c]);
      marks.push(postgres ? `$${parameters.length}` : '?');
    }
    tuples.push(`(${marks.join(', ')})`);
  }
  const names = columns.map((c) => `"${c}"`).join(', ');
  return CompiledQuery.raw(`insert into "${table}" (${names}) values ${tuples.join(', ')}`, parameters);
}

export async function insertImportRow(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function updateImportRow(db: Db, workspaceId: string, id: string, set: Partial<ImportRow>): Promise<void> {
  await db.updateTable('imports').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export function findImportRow(db: Db, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The workspace's imports, newest first. */
export function listImportRows(db: Db, workspaceId: string, limit: number): Promise<ImportRow[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Which of these source ticket ids already became a case in the workspace, and which case. */
export async function importedCaseRefs(
  db: Db,
  workspaceId: string,
  source: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('imported_cases')
    .innerJoin('cases', 'cases.id', 'imported_cases.case_id')
    .select(['imported_cases.external_id', 'cases.ref'])
    .where('imported_cases.workspace_id', '=', workspaceId)
    .where('imported_cases.source', '=', source)
    .where('imported_cases.external_id', 'in', externalIds)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.ref]));
}

/**
 * Customers on file (not merged away, not erased) by these addresses, lower case, through their main
 * email or a further email contact; the oldest record wins when several share one.
 */
export async function customersByEmails(db: Db, workspaceId: string, emails: readonly string[]): Promise<Map<string, CustomerRow>> {
  const found = new Map<string, CustomerRow>();
  if (emails.length === 0) return found;
  const direct = await db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('merged_into_id', 'is', null)
    .where('erased_at', 'is', null)
    .where(sql<string>`lower(email)`, 'in', emails)
    .orderBy('created_at', 'desc')
    .execute();
  const contacts = await db
    .selectFrom('customer_contacts')
    .innerJoin('customers', 'customers.id', 'customer_contacts.customer_id')
    .selectAll('customers')
    .select(sql<string>`lower(customer_contacts.value)`.as('address'))
    .where('customer_contacts.workspace_id', '=', workspaceId)
    .where('customer_contacts.kind', '=', 'email')
    .where('customers.merged_into_id', 'is', null)
    .where('customers.erased_at', 'is', null)
    .where(sql<string>`lower(customer_contacts.value)`, 'in', emails)
    .orderBy('customers.created_at', 'desc')
    .execute();
  // Newest first, so the oldest record is the one left in the map.
  for (const { address, ...c } of contacts) found.set(address, c);
  for (const c of direct) if (c.email) found.set(c.email.toLowerCase(), c);
  return found;
}

/** Hands out `count` case numbers of one year at once; returns the first of them. */
export async function reserveCaseNumbers(db: Db, workspaceId: string, year: number, count: number): Promise<number> {
  const row = await db
    .insertInto('case_counters')
    .values({ workspace_id: workspaceId, year, last_seq: count })
    .onConflict((oc) => oc.columns(['workspace_id', 'year']).doUpdateSet({ last_seq: sql`case_counters.last_seq + ${count}` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq) - count + 1;
}
