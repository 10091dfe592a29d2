import { localDate, localHourAndWeekday, startOfLocalDate } from '../domain/dashboard-metrics.js';
import { emailQueuedSince } from '../store/dashboard.js';
import { queueEmail } from '../store/outbox.js';
import type { Db } from '../store/schema.js';
import { loadActor } from './accounts.js';
import { inTransaction } from './context.js';
import { readDashboard } from './dashboard.js';
import { weeklyReportEmail } from './emails/weekly-report-emails.js';

/** Monday at this local hour, the week's summary goes out. */
export const WEEKLY_REPORT_HOUR = 7;
export const WEEKLY_REPORT_KIND = 'weekly-report';

const DAY = 86_400_000;

/** The Monday that starts the local week of a moment, as a local date. */
function mondayOf(now: Date, timeZone: string): string {
  const today = localDate(now.toISOString(), timeZone);
  const { weekday } = localHourAndWeekday(now.toISOString(), timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) - (weekday - 1) * DAY).toISOString().slice(0, 10);
}

/**
 * The weekly summary by mail: once the workspace's Monday reaches WEEKLY_REPORT_HOUR, every active
 * supervisor (their teams' cases) and admin (every case) is sent last week's headline figures beside
 * the week before, through the outbox. A mail already queued this week is not queued again, so a
 * pass that runs twice, or late, sends each person one summary a week.
 */
export async function sendWeeklyReports(db: Db, now: Date, publicUrl?: string): Promise<number> {
  let queued = 0;
  const workspaces = await db.selectFrom('workspaces').select(['id', 'time_zone']).execute();
  for (const ws of workspaces) {
    const monday = mondayOf(now, ws.time_zone);
    const weekStart = startOfLocalDate(monday, ws.time_zone);
    if (now.getTime() < Date.parse(weekStart) + WEEKLY_REPORT_HOUR * 3_600_000) continue;
    const lastMonday = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * DAY).toISOString().slice(0, 10);
    const period = { from: startOfLocalDate(lastMonday, ws.time_zone), to: weekStart };
    const readers = await db
      .selectFrom('users')
      .select(['id', 'email', 'role'])
      .where('workspace_id', '=', ws.id)
      .where('role', 'in', ['supervisor', 'admin'])
      .where('deactivated_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const reader of readers) {
      const sent = await inTransaction(db, async (trx) => {
        if (await emailQueuedSince(trx, ws.id, WEEKLY_REPORT_KIND, reader.email, weekStart)) return false;
        const actor = await loadActor(trx, reader.id);
        if (!actor) return false;
        const dashboard = await readDashboard({ db: trx, actor, now }, { ...period, bucket: 'day' });
        const scope = actor.role === 'admin' ? 'the whole workspace' : 'your teams';
        await queueEmail(
          trx,
          { workspaceId: ws.id, kind: WEEKLY_REPORT_KIND, to: reader.email, ...weeklyReportEmail(dashboard, scope, publicUrl) },
          now,
        );
        return true;
      });
      if (sent) queued++;
    }
  }
  return queued;
}
