import { type Kysely, sql } from 'kysely';
import { caseDates, rebuildPeopleDays } from '../people-days.js';
import type { Db } from '../schema.js';

/**
 * HR's people rollup: per UTC date (and month), team and employee, the cases with the employee as
 * their primary party and those with a loss, so the people report over three years reads a row per
 * employee and month instead of every case and its parties (store/people-days.ts). It shares the
 * dashboard's stale marks (migration 0040): a case's columns already mark its days; a party named,
 * changed or removed now marks its case's day too. Every workspace's rows are built here with
 * today's rollup code; a later change to their shape has to leave its rebuild to its own migration.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('people_days')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('utc_date', 'text', (c) => c.notNull())
    // '' for cases without a team: a primary key column cannot be null.
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('with_loss', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_days_pk', ['workspace_id', 'utc_date', 'team_id', 'employee_id'])
    .execute();
  await db.schema
    .createTable('people_months')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('with_loss', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_months_pk', ['workspace_id', 'month', 'team_id', 'employee_id'])
    .execute();
  if (kind === 'postgres') {
    // dashboard_case_row_changed (migration 0040) marks the reported day of new.case_id and old.case_id.
    await sql`create trigger people_case_parties_changed after insert or delete or update of case_id, employee_id, role
      on case_parties for each row execute function dashboard_case_row_changed()`.execute(db);
  } else {
    const markCase = (row: 'new' | 'old') =>
      `insert or ignore into dashboard_stale (workspace_id, utc_date) select workspace_id, substr(reported_at, 1, 10) from cases where id = ${row}.case_id;`;
    await sql.raw(`create trigger people_case_parties_insert after insert on case_parties begin ${markCase('new')} end`).execute(db);
    await sql
      .raw(`create trigger people_case_parties_update after update of case_id, employee_id, role on case_parties begin
        ${markCase('new')} ${markCase('old')} end`)
      .execute(db);
    await sql.raw(`create trigger people_case_parties_delete after delete on case_parties begin ${markCase('old')} end`).execute(db);
  }
  const store = db as unknown as Db;
  for (const w of await store.selectFrom('workspaces').select('id').execute())
    await rebuildPeopleDays(store, w.id, await caseDates(store, w.id));
}
