import { type Kysely, sql } from 'kysely';
import { rebuildCustomerChain } from '../customer-chain.js';
import type { Db } from '../schema.js';

/**
 * Repeat customers, pre-counted. Each case with a customer keeps the reported times of the
 * customer's one and two cases before it (in (reported_at, id) order): `customer_prev_at` and
 * `customer_prev2_at`. Then "customers with two or more cases since T" are the customers of the
 * cases whose previous case is at or after T, and "customers with two or more cases in [from, to)"
 * are counted by the cases of the period whose previous case is in the period too and whose one
 * before that is not (each such case is a customer's second of the period) — a range of one
 * partial index, cases_customer_repeat, instead of a group-by over every case of the period.
 * Triggers keep the two columns in the writing transaction: a case written, moved to another
 * customer or time, or removed changes itself and at most the two cases after it, old place and new.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema.alterTable('cases').addColumn('customer_prev_at', tsType).execute();
  await db.schema.alterTable('cases').addColumn('customer_prev2_at', tsType).execute();
  await rebuildCustomerChain(db as unknown as Db);
  await sql`create index cases_customer_repeat on cases (workspace_id, customer_prev_at, reported_at, customer_prev2_at, customer_id)
    where customer_prev_at is not null`.execute(db);
  if (kind === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/**
 * SQLite reads a customer's cases from cases_customer (workspace, customer, reported) by name: left to
 * itself it walked cases_ws_reported_at, which also holds the customer, through every case of the
 * workspace since the customer's previous one (at a million cases, most of them for each new case).
 */
type Dialect = 'sqlite' | 'postgres';
const byCustomer = (kind: Dialect) => (kind === 'sqlite' ? ' indexed by cases_customer' : '');

/** The reported time of the case `offset` places before `row` among its customer's cases. */
const before = (kind: Dialect, row: string, offset: number) =>
  `(select p.reported_at from cases p${byCustomer(kind)} where p.workspace_id = ${row}.workspace_id and p.customer_id = ${row}.customer_id
     and p.id <> ${row}.id and p.reported_at <= ${row}.reported_at and (p.reported_at < ${row}.reported_at or p.id < ${row}.id)
     order by p.reported_at desc, p.id desc limit 1 offset ${offset})`;

/** The two cases after a place in a customer's cases. */
const nextTwo = (kind: Dialect, row: string, key: string) =>
  `(select n.${key} from cases n${byCustomer(kind)} where n.workspace_id = ${row}.workspace_id and n.customer_id = ${row}.customer_id
     and n.reported_at >= ${row}.reported_at and (n.reported_at > ${row}.reported_at or n.id > ${row}.id)
     order by n.reported_at, n.id limit 2)`;

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const fix = (where: string) =>
    `update cases set customer_prev_at = ${before('sqlite', 'cases', 0)}, customer_prev2_at = ${before('sqlite', 'cases', 1)} where ${where};`;
  // One statement per part, not one over an OR of them (a temporary row set each time), and the new
  // row itself rewritten only when its customer has an earlier case: each costs a write of the row.
  const own = `rowid = new.rowid and ${before('sqlite', 'new', 0)} is not null`;
  await sql
    .raw(`create trigger cases_customer_chain_insert after insert on cases when new.customer_id is not null begin
      ${fix(own)} ${fix(`rowid in ${nextTwo('sqlite', 'new', 'rowid')}`)} end`)
    .execute(db);
  await sql
    .raw(`create trigger cases_customer_chain_update after update of customer_id, reported_at on cases begin
      ${fix('rowid = new.rowid')} ${fix(`rowid in ${nextTwo('sqlite', 'new', 'rowid')}`)} ${fix(`rowid in ${nextTwo('sqlite', 'old', 'rowid')}`)} end`)
    .execute(db);
  await sql
    .raw(`create trigger cases_customer_chain_delete after delete on cases when old.customer_id is not null begin
      ${fix(`rowid in ${nextTwo('sqlite', 'old', 'rowid')}`)} end`)
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  // The row itself is set before it is written (no second version of it), the cases after it once
  // the statement is done, from the final state.
  await sql
    .raw(`create function cases_customer_chain_own() returns trigger language plpgsql as $$
    begin
      if new.customer_id is null then
        new.customer_prev_at := null;
        new.customer_prev2_at := null;
      else
        new.customer_prev_at := ${before('postgres', 'new', 0)};
        new.customer_prev2_at := ${before('postgres', 'new', 1)};
      end if;
      return new;
    end $$`)
    .execute(db);
  const fixAfter = (row: string) =>
    `update cases c set customer_prev_at = ${before('postgres', 'c', 0)}, customer_prev2_at = ${before('postgres', 'c', 1)}
       where c.id in ${nextTwo('postgres', row, 'id')};`;
  await sql
    .raw(`create function cases_customer_chain_after() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'DELETE' and new.customer_id is not null then ${fixAfter('new')} end if;
      if tg_op <> 'INSERT' and old.customer_id is not null then ${fixAfter('old')} end if;
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger cases_customer_chain_own before insert or update of customer_id, reported_at on cases
    for each row execute function cases_customer_chain_own()`.execute(db);
  await sql`create trigger cases_customer_chain_after after insert or delete or update of customer_id, reported_at on cases
    for each row execute function cases_customer_chain_after()`.execute(db);
}
