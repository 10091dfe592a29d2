import { isKeptOnTime, keptOnTimeRate } from '../domain/follow-through.js';
import { type CommitmentReportRow, commitmentReportRows } from '../store/commitments.js';
import { listScope } from './authorization.js';
import type { ServiceContext } from './context.js';

export type CommitmentTally = {
  closed: number;
  kept: number;
  keptOnTime: number;
  broken: number;
  openOverdue: number;
  /** Kept on time ÷ closed (cancelled ones excluded), null before any closed. */
  rate: number | null;
};
export type CommitmentReport = {
  since: string;
  employees: ({ userId: string; name: string } & CommitmentTally)[];
  teams: ({ teamId: string | null; name: string } & CommitmentTally)[];
};

function tally(rows: CommitmentReportRow[], now: Date): CommitmentTally {
  const closedRows = rows.filter((r) => r.status === 'kept' || r.status === 'broken');
  const keptOnTime = closedRows.filter((r) => isKeptOnTime(r.status, r.due_at, r.closed_at)).length;
  return {
    closed: closedRows.length,
    kept: closedRows.filter((r) => r.status === 'kept').length,
    keptOnTime,
    broken: closedRows.filter((r) => r.status === 'broken').length,
    openOverdue: rows.filter((r) => r.status === 'open' && Date.parse(r.due_at) < now.getTime()).length,
    rate: keptOnTimeRate(closedRows.length, keptOnTime),
  };
}

function groupBy<K>(rows: CommitmentReportRow[], key: (r: CommitmentReportRow) => K): Map<K, CommitmentReportRow[]> {
  const map = new Map<K, CommitmentReportRow[]>();
  for (const r of rows) {
    const group = map.get(key(r));
    if (group) group.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

/**
 * How well promises are kept, per owner and per team of the case, for commitments made since a time
 * (default 90 days). Scoped like commitments themselves: HR and admins see all, a supervisor their
 * teams' cases and their own promises, an employee their own.
 */
export async function commitmentReport(ctx: ServiceContext, since?: string): Promise<CommitmentReport> {
  const from = since ?? new Date(ctx.now.getTime() - 90 * 86_400_000).toISOString();
  const scope = listScope(ctx.actor, 'commitment');
  const rows = await commitmentReportRows(
    ctx.db,
    ctx.actor.workspaceId,
    from,
    scope.all ? undefined : { teamIds: scope.teamIds, ownerId: ctx.actor.userId },
  );
  const employees = [...groupBy(rows, (r) => r.owner_id)].map(([userId, rs]) => ({
    userId,
    name: rs[0]?.owner_name ?? '',
    ...tally(rs, ctx.now),
  }));
  const teams = [...groupBy(rows, (r) => r.team_id)].map(([teamId, rs]) => ({
    teamId,
    name: rs[0]?.team_name ?? 'No team',
    ...tally(rs, ctx.now),
  }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { since: from, employees: employees.sort(byName), teams: teams.sort(byName) };
}
