import { type DayHours, formatClockTime, opensInWeek, parseClockTime, WEEKDAYS, type Weekday } from '../domain/business-time.js';
import { invalid, notFound } from '../domain/errors.js';
import { deleteTeamHours, listTeamHours, saveTeamHours, type TeamHoliday } from '../store/business-hours.js';
import { findTeam, findWorkspace, listTeams } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

type DayText = { start: string; end: string } | null;
export type WeekText = Record<Weekday, DayText>;
export type TeamHoursView = {
  teamId: string;
  teamName: string;
  archived: boolean;
  set: boolean;
  timeZone: string | null;
  effectiveTimeZone: string;
  week: WeekText | null;
  holidays: TeamHoliday[];
  updatedAt: string | null;
};
export type TeamHoursInput = { timeZone: string | null; week: WeekText; holidays: TeamHoliday[] };

const toWeekText = (week: readonly (DayHours | null)[]): WeekText =>
  Object.fromEntries(
    WEEKDAYS.map((d, i) => {
      const h = week[i];
      return [d, h ? { start: formatClockTime(h.start), end: formatClockTime(h.end) } : null];
    }),
  ) as WeekText;

const fromWeekText = (week: WeekText): (DayHours | null)[] =>
  WEEKDAYS.map((d) => {
    const h = week[d];
    return h ? { start: parseClockTime(h.start) ?? 0, end: parseClockTime(h.end) ?? 0 } : null;
  });

/** Every team with its opening hours and holidays (a team without hours counts every minute). */
export async function listBusinessHours(ctx: ServiceContext): Promise<{ workspaceTimeZone: string; items: TeamHoursView[] }> {
  requirePermission(ctx.actor, 'read', 'settings');
  const ws = ctx.actor.workspaceId;
  const [workspace, teams, hours] = await Promise.all([findWorkspace(ctx.db, ws), listTeams(ctx.db, ws), listTeamHours(ctx.db, ws)]);
  const zone = workspace?.time_zone ?? 'UTC';
  const byTeam = new Map(hours.map((h) => [h.teamId, h]));
  return {
    workspaceTimeZone: zone,
    items: teams.map((t) => {
      const h = byTeam.get(t.id);
      return {
        teamId: t.id,
        teamName: t.name,
        archived: t.archived_at !== null,
        set: h !== undefined,
        timeZone: h?.timeZone ?? null,
        effectiveTimeZone: h?.timeZone ?? zone,
        week: h ? toWeekText(h.week) : null,
        holidays: [...(h?.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
        updatedAt: h?.updatedAt ?? null,
      };
    }),
  };
}

async function teamView(ctx: ServiceContext, teamId: string): Promise<TeamHoursView> {
  const view = (await listBusinessHours(ctx)).items.find((t) => t.teamId === teamId);
  if (!view) throw notFound('Team');
  return view;
}

/**
 * Sets a team's opening hours and holidays. New cases of the team count business time from then on;
 * existing cases keep their due times until their severity, type or team changes or they resume.
 */
export async function setBusinessHours(ctx: ServiceContext, teamId: string, input: TeamHoursInput): Promise<TeamHoursView> {
  requirePermission(ctx.actor, 'update', 'settings');
  const week = fromWeekText(input.week);
  if (!opensInWeek(week)) throw invalid('week', 'open on at least one day, or remove the hours to count every minute');
  await inTransaction(ctx.db, async (db) => {
    if (!(await findTeam(db, ctx.actor.workspaceId, teamId))) throw notFound('Team');
    await saveTeamHours(
      db,
      ctx.actor.workspaceId,
      { teamId, timeZone: input.timeZone, week, holidays: input.holidays },
      ctx.actor.userId,
      ctx.now,
    );
  });
  return teamView(ctx, teamId);
}

/** Removes a team's opening hours: its new cases count every minute again. */
export async function clearBusinessHours(ctx: ServiceContext, teamId: string): Promise<TeamHoursView> {
  requirePermission(ctx.actor, 'update', 'settings');
  if (!(await findTeam(ctx.db, ctx.actor.workspaceId, teamId))) throw notFound('Team');
  await deleteTeamHours(ctx.db, ctx.actor.workspaceId, teamId);
  return teamView(ctx, teamId);
}
