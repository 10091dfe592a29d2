import { stringify } from 'csv-stringify/sync';
import { neutralised } from '../domain/csv-cells.js';
import { listTeams, listUsers } from '../store/workspaces.js';
import { recordAccess } from './access-log.js';
import type { ServiceContext } from './context.js';
import { type CaseListQuery, listCases } from './read-cases.js';

/** An export holds at most this many cases; narrow the filters for more. */
export const EXPORT_MAX_CASES = 10_000;

/** One case as exported: what happened and why, with names instead of ids. An allowlist, so new fields never leak. */
export type CaseExportRow = {
  ref: string;
  title: string;
  status: string;
  severity: number;
  channel: string;
  team: string | null;
  assignee: string | null;
  reportedAt: string;
  resolvedAt: string | null;
  outcome: string | null;
  rootCauseCategory: string | null;
  rootCauseWhys: string[];
  contributingFactors: string[];
};

export const EXPORT_COLUMNS = [
  'ref',
  'title',
  'status',
  'severity',
  'channel',
  'team',
  'assignee',
  'reportedAt',
  'resolvedAt',
  'outcome',
  'rootCauseCategory',
  'rootCauseWhys',
  'contributingFactors',
] as const satisfies readonly (keyof CaseExportRow)[];

/**
 * The cases a list with these filters shows the caller (the same scope and filters as the inbox),
 * most recently reported first, with their outcome and root cause; the export is access-logged.
 */
export async function exportCases(
  ctx: ServiceContext,
  query: Omit<CaseListQuery, 'limit' | 'cursor' | 'sort' | 'order'>,
): Promise<{ rows: CaseExportRow[]; truncated: boolean }> {
  const ws = ctx.actor.workspaceId;
  const [teams, users] = await Promise.all([listTeams(ctx.db, ws), listUsers(ctx.db, ws)]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const rows: CaseExportRow[] = [];
  let cursor: string | undefined;
  let truncated = false;
  do {
    const page = await listCases(ctx, { ...query, sort: 'reported_at', order: 'desc', limit: 200, cursor });
    for (const c of page.items) {
      if (rows.length === EXPORT_MAX_CASES) {
        truncated = true;
        break;
      }
      rows.push({
        ref: c.ref,
        title: c.title,
        status: c.status,
        severity: c.severity,
        channel: c.channel,
        team: c.teamId ? (teamName.get(c.teamId) ?? null) : null,
        assignee: c.assigneeId ? (userName.get(c.assigneeId) ?? null) : null,
        reportedAt: c.reportedAt,
        resolvedAt: c.sla.resolve.doneAt,
        outcome: c.outcome,
        rootCauseCategory: c.rootCause?.category ?? null,
        rootCauseWhys: c.rootCause?.whys ?? [],
        contributingFactors: c.rootCause?.factors ?? [],
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && !truncated);
  await recordAccess(ctx, { action: 'export', resource: 'case', subjectId: ws, subjectLabel: `${rows.length} cases` });
  return { rows, truncated };
}

/**
 * The export as CSV (RFC 4180, a header row; lists joined with " → " for whys and "; " for factors);
 * text that a spreadsheet would run as a formula is neutralised, numbers stay numbers.
 */
export function casesCsv(rows: CaseExportRow[]): string {
  return stringify(
    rows.map((r) => ({ ...r, rootCauseWhys: r.rootCauseWhys.join(' → '), contributingFactors: r.contributingFactors.join('; ') })),
    { header: true, columns: [...EXPORT_COLUMNS], cast: { string: neutralised } },
  );
}
