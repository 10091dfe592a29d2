import type { BusinessCalendar, DayHours } from '../domain/business-time.js';
import type { Db, TeamBusinessHoursRow } from './schema.js';

export type TeamHoliday = { date: string; name: string };
export type TeamHours = { teamId: string; timeZone: string | null; week: (DayHours | null)[]; holidays: TeamHoliday[]; updatedAt: string };

const toHours = (r: TeamBusinessHoursRow): TeamHours => ({
  teamId: r.team_id,
  timeZone: r.time_zone,
  week: JSON.parse(r.week) as (DayHours | null)[],
  holidays: JSON.parse(r.holidays) as TeamHoliday[],
  updatedAt: r.updated_at,
});

/** The opening hours every team of the workspace has set (teams without a row count calendar time). */
export async function listTeamHours(db: Db, workspaceId: string): Promise<TeamHours[]> {
  const rows = await db.selectFrom('team_business_hours').selectAll().where('workspace_id', '=', workspaceId).execute();
  return rows.map(toHours);
}

export async function findTeamHours(db: Db, workspaceId: string, teamId: string): Promise<TeamHours | undefined> {
  const row = await db
    .selectFrom('team_business_hours')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return row ? toHours(row) : undefined;
}

export async function saveTeamHours(
  db: Db,
  workspaceId: string,
  hours: Omit<TeamHours, 'updatedAt'>,
  by: string | null,
  now: Date,
): Promise<void> {
  const values = {
    time_zone: hours.timeZone,
    week: JSON.stringify(hours.week),
    holidays: JSON.stringify(hours.holidays),
    updated_at: now.toISOString(),
    updated_by: by,
  };
  await db
    .insertInto('team_business_hours')
    .values({ workspace_id: workspaceId, team_id: hours.teamId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'team_id']).doUpdateSet(values))
    .execute();
}

export async function deleteTeamHours(db: Db, workspaceId: string, teamId: string): Promise<number> {
  const r = await db
    .deleteFrom('team_business_hours')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The calendar a team's clocks count on (its zone, else the workspace's), or null when it has none. */
export async function teamCalendar(db: Db, workspaceId: string, teamId: string | null): Promise<BusinessCalendar | null> {
  if (!teamId) return null;
  const row = await db
    .selectFrom('team_business_hours')
    .innerJoin('workspaces', 'workspaces.id', 'team_business_hours.workspace_id')
    .select([
      'team_business_hours.time_zone',
      'team_business_hours.week',
      'team_business_hours.holidays',
      'workspaces.time_zone as ws_zone',
    ])
    .where('team_business_hours.workspace_id', '=', workspaceId)
    .where('team_business_hours.team_id', '=', teamId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    timeZone: row.time_zone ?? row.ws_zone,
    week: JSON.parse(row.week) as (DayHours | null)[],
    holidays: (JSON.parse(row.holidays) as TeamHoliday[]).map((h) => h.date),
  };
}

export async function setWorkspaceCurrency(db: Db, workspaceId: string, currency: string): Promise<void> {
  await db.updateTable('workspaces').set({ currency }).where('id', '=', workspaceId).execute();
}
