import { sql } from 'kysely';
import { nextBucket } from '../domain/dashboard-metrics.js';
import { lastOfMonth, runsOf } from './dashboard-days.js';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/**
 * HR's people rollup (migration 0050): per UTC date, team and employee, the cases reported that day
 * with the employee as their primary party and how many of them recorded a loss, and the same per
 * UTC month. UTC, not the workspace's local days: the people report has no buckets to show, so its
 * rollup only has to split a period into whole days, and a change of time zone leaves it as it is.
 * It is rebuilt from the cases for the UTC dates the dashboard's triggers mark stale (migration
 * 0040; 0050 adds the parties' own), in the same refresh as the dashboard's days.
 */

/** Conflicts of one employee: cases as the primary party, and those of them with a loss. */
export type EmployeeConflicts = { employee_id: string; cases: number; with_loss: number };

export type ConflictFilter = { workspaceId: string; from: string; to: string; teamId?: string | undefined };

const INSERT_BATCH = 500;

const utcDateOf = (db: Db) =>
  isPostgres(db) ? sql<string>`to_char(cases.reported_at at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`substr(cases.reported_at, 1, 10)`;

/**
 * Cases of a period per employee named as their primary party, counted from the cases: the period's
 * range from cases_ws_reported_at, each case's parties from case_parties_pk.
 */
export async function conflictsFromCases(db: Db, f: ConflictFilter): Promise<EmployeeConflicts[]> {
  let q = db
    .selectFrom('cases')
    .innerJoin('case_parties', 'case_parties.case_id', 'cases.id')
    .select('case_parties.employee_id')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('cases'),
      eb.fn.count<number | string>('cases.impact_amount_minor').as('with_loss'),
    ])
    .where('cases.workspace_id', '=', f.workspaceId)
    .where('cases.reported_at', '>=', f.from)
    .where('cases.reported_at', '<', f.to)
    .where('case_parties.workspace_id', '=', f.workspaceId)
    .where('case_parties.role', '=', 'primary')
    .groupBy('case_parties.employee_id');
  if (f.teamId) q = q.where('cases.team_id', '=', f.teamId);
  return (await q.execute()).map((r) => ({ employee_id: r.employee_id, cases: Number(r.cases), with_loss: Number(r.with_loss) }));
}

/** Rebuilds the rollup rows of some UTC dates from the cases, a month at a time, and the months they are in. */
export async function rebuildPeopleDays(db: Db, workspaceId: string, utcDates: readonly string[]): Promise<void> {
  for (const [first, last] of runsOf(utcDates, 31)) {
    const rows = await db
      .selectFrom('cases')
      .innerJoin('case_parties', 'case_parties.case_id', 'cases.id')
      .select((eb) => [
        utcDateOf(db).as('utc_date'),
        'cases.team_id',
        'case_parties.employee_id',
        eb.fn.countAll<number | string>().as('cases'),
        eb.fn.count<number | string>('cases.impact_amount_minor').as('with_loss'),
      ])
      .where('cases.workspace_id', '=', workspaceId)
      .where('cases.reported_at', '>=', `${first}T00:00:00.000Z`)
      .where('cases.reported_at', '<', `${nextBucket(last, 'day')}T00:00:00.000Z`)
      .where('case_parties.workspace_id', '=', workspaceId)
      .where('case_parties.role', '=', 'primary')
      .groupBy([utcDateOf(db), 'cases.team_id', 'case_parties.employee_id'])
      .execute();
    await db
      .deleteFrom('people_days')
      .where('workspace_id', '=', workspaceId)
      .where('utc_date', '>=', first)
      .where('utc_date', '<=', last)
      .execute();
    const values = rows.map((r) => ({
      workspace_id: workspaceId,
      utc_date: r.utc_date,
      team_id: r.team_id ?? '',
      employee_id: r.employee_id,
      cases: Number(r.cases),
      with_loss: Number(r.with_loss),
    }));
    for (let i = 0; i < values.length; i += INSERT_BATCH)
      await db
        .insertInto('people_days')
        .values(values.slice(i, i + INSERT_BATCH))
        .execute();
  }
  for (const month of new Set(utcDates.map((d) => d.slice(0, 7)))) {
    await db.deleteFrom('people_months').where('workspace_id', '=', workspaceId).where('month', '=', month).execute();
    await db
      .insertInto('people_months')
      .columns(['workspace_id', 'month', 'team_id', 'employee_id', 'cases', 'with_loss'])
      .expression(
        db
          .selectFrom('people_days')
          .select((eb) => [
            'workspace_id',
            sql<string>`cast(${month} as text)`.as('month'),
            'team_id',
            'employee_id',
            eb.fn.sum<number>('cases').as('cases'),
            eb.fn.sum<number>('with_loss').as('with_loss'),
          ])
          .where('workspace_id', '=', workspaceId)
          .where('utc_date', '>=', `${month}-01`)
          .where('utc_date', '<=', lastOfMonth(`${month}-01`))
          .groupBy(['workspace_id', 'team_id', 'employee_id']),
      )
      .execute();
  }
}

/** Every UTC date the workspace has a case on: what a full rebuild covers. */
export async function caseDates(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select(utcDateOf(db).as('utc_date'))
    .distinct()
    .where('cases.workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.utc_date);
}

/**
 * Conflicts per employee over whole UTC dates or months (YYYY-MM), first to last, of one team or
 * all: a range of people_days_pk or people_months_pk.
 */
export async function rollupConflicts(
  db: Db,
  workspaceId: string,
  span: { days: readonly [string, string] } | { months: readonly [string, string] },
  teamId?: string,
): Promise<EmployeeConflicts[]> {
  // The two tables have the same columns but their key's first part: typed as the day table.
  const [table, key, [first, last]] =
    'days' in span ? (['people_days', 'utc_date', span.days] as const) : (['people_months', 'month', span.months] as const);
  let q = db
    .selectFrom(table as 'people_days')
    .select((eb) => [
      'employee_id',
      eb.fn.sum<number | string>('cases').as('cases'),
      eb.fn.sum<number | string>('with_loss').as('with_loss'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where(key as 'utc_date', '>=', first)
    .where(key as 'utc_date', '<=', last)
    .groupBy('employee_id');
  if (teamId) q = q.where('team_id', '=', teamId);
  const rows = await q.execute();
  return rows.map((r) => ({ employee_id: r.employee_id, cases: Number(r.cases ?? 0), with_loss: Number(r.with_loss ?? 0) }));
}
