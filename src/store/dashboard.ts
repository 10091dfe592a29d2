import { type ExpressionBuilder, sql } from 'kysely';
import { type CaseDimensionFilter, caseDimensionConditions } from './case-dimension-filters.js';
import { type CaseListScope, caseInScope } from './cases.js';
import { isPostgres } from './db.js';
import type { Db, Tables } from './schema.js';

/**
 * The dashboard's reads. Every figure is about the cases reported in the period that match the
 * filters, within the reader's scope; each query starts from `cases` on the workspace and a
 * reported_at range, which the index cases_ws_reported_at (workspace_id, reported_at, id) serves —
 * the dimension filters are then checked on the rows that range yields.
 */
export type DashboardFilter = CaseDimensionFilter & {
  workspaceId: string;
  /** undefined: every case of the workspace. */
  scope?: CaseListScope | undefined;
  from: string;
  to: string;
  teamId?: string | undefined;
  channel?: readonly string[] | undefined;
  severity?: readonly number[] | undefined;
  assigneeId?: string | undefined;
  /** Leaves out these teams' cases (the part of a reader's scope the rollups already counted). */
  exceptTeamIds?: readonly string[] | undefined;
  /** Count from the cases themselves, never the rollups (what checks of the rollups compare them with). */
  fromCases?: boolean | undefined;
};

function dimensions(eb: ExpressionBuilder<Tables, 'cases'>, f: Omit<DashboardFilter, 'from' | 'to'>, pg: boolean) {
  const all = [eb('cases.workspace_id', '=', f.workspaceId), ...caseDimensionConditions(eb, f.workspaceId, f, pg)];
  if (f.scope) all.push(caseInScope(eb, f.workspaceId, f.scope));
  if (f.teamId) all.push(eb('cases.team_id', '=', f.teamId));
  if (f.channel?.length) all.push(eb('cases.channel', 'in', [...f.channel]));
  if (f.severity?.length) all.push(eb('cases.severity', 'in', [...f.severity]));
  if (f.assigneeId) all.push(eb('cases.assignee_id', '=', f.assigneeId));
  if (f.exceptTeamIds?.length) all.push(eb.or([eb('cases.team_id', 'is', null), eb('cases.team_id', 'not in', [...f.exceptTeamIds])]));
  return eb.and(all);
}

/** Whether a case was reported in the period and matches the filters. */
function inPeriod(eb: ExpressionBuilder<Tables, 'cases'>, f: DashboardFilter, pg: boolean) {
  return eb.and([eb('cases.reported_at', '>=', f.from), eb('cases.reported_at', '<', f.to), dimensions(eb, f, pg)]);
}

/** The cases of the period that match the filters (no columns chosen yet). */
function periodCases(db: Db, f: DashboardFilter) {
  return db
    .selectFrom('cases')
    .where('cases.workspace_id', '=', f.workspaceId)
    .where((eb) => inPeriod(eb, f, isPostgres(db)));
}

export type DashboardCaseRow = {
  id: string;
  reported_at: string;
  team_id: string | null;
  customer_id: string | null;
  channel: string;
  severity: number;
  root_cause_category: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  acknowledge_breached_at: string | null;
  resolve_breached_at: string | null;
  impact_amount_minor: number | null;
  impact_currency: string | null;
  impact_kind: string | null;
  risk_flags: string;
  case_type_id: string | null;
};

const CASE_COLUMNS = [
  'cases.id',
  'cases.reported_at',
  'cases.team_id',
  'cases.customer_id',
  'cases.channel',
  'cases.severity',
  'cases.root_cause_category',
  'cases.acknowledged_at',
  'cases.resolved_at',
  'cases.acknowledge_breached_at',
  'cases.resolve_breached_at',
  'cases.impact_amount_minor',
  'cases.impact_currency',
  'cases.impact_kind',
  'cases.risk_flags',
  'cases.case_type_id',
] as const;

/** The period's cases with the columns the figures need: one range scan of cases_ws_reported_at. */
export async function dashboardCaseRows(db: Db, f: DashboardFilter): Promise<DashboardCaseRow[]> {
  const rows = await periodCases(db, f).select(CASE_COLUMNS).execute();
  return rows.map((r) => ({
    ...r,
    severity: Number(r.severity),
    impact_amount_minor: r.impact_amount_minor === null ? null : Number(r.impact_amount_minor),
  }));
}

export type DashboardFollowUpRow = {
  case_id: string;
  party: string;
  sent_at: string | null;
  satisfaction: number | null;
  answer: string | null;
  status: string;
};

/** The follow-ups of the period's cases; follow_ups_case (case_id, due_at) serves the join. */
export async function dashboardFollowUpRows(db: Db, f: DashboardFilter): Promise<DashboardFollowUpRow[]> {
  const cases = periodCases(db, f).select('cases.id').as('c');
  return db
    .selectFrom('follow_ups')
    .innerJoin(cases, 'c.id', 'follow_ups.case_id')
    .select([
      'follow_ups.case_id',
      'follow_ups.party',
      'follow_ups.sent_at',
      'follow_ups.satisfaction',
      'follow_ups.answer',
      'follow_ups.status',
    ])
    .where('follow_ups.workspace_id', '=', f.workspaceId)
    .execute();
}

export type DashboardCommitmentRow = {
  case_id: string;
  team_id: string | null;
  owner_id: string;
  owner_name: string;
  status: string;
  due_at: string;
  closed_at: string | null;
};

/** The commitments made on the period's cases, with their owner's name; commitments_case (case_id, due_at) serves the join. */
export async function dashboardCommitmentRows(db: Db, f: DashboardFilter): Promise<DashboardCommitmentRow[]> {
  const cases = periodCases(db, f).select(['cases.id', 'cases.team_id']).as('c');
  return db
    .selectFrom('commitments')
    .innerJoin(cases, 'c.id', 'commitments.case_id')
    .innerJoin('users', 'users.id', 'commitments.owner_id')
    .select([
      'commitments.case_id',
      'c.team_id',
      'commitments.owner_id',
      'users.name as owner_name',
      'commitments.status',
      'commitments.due_at',
      'commitments.closed_at',
    ])
    .where('commitments.workspace_id', '=', f.workspaceId)
    .execute();
}

export type DashboardReplyRow = { case_id: string; team_id: string | null; at: string; data: string };

/**
 * The replies logged on the period's cases (their coach scores sit in the event data); served by
 * case_events' (case_id, seq) key. The unary plus keeps SQLite off case_events_kind_at: left to
 * itself it probed every reply of the workspace for each case of the period (minutes at 100,000 cases).
 */
export async function dashboardReplyRows(db: Db, f: DashboardFilter): Promise<DashboardReplyRow[]> {
  const cases = periodCases(db, f).select(['cases.id', 'cases.team_id']).as('c');
  const pg = isPostgres(db);
  return db
    .selectFrom('case_events')
    .innerJoin(cases, 'c.id', 'case_events.case_id')
    .select(['case_events.case_id as case_id', 'c.team_id', 'case_events.at', 'case_events.data'])
    .where(pg ? sql<boolean>`case_events.workspace_id = ${f.workspaceId}` : sql<boolean>`+case_events.workspace_id = ${f.workspaceId}`)
    .where(pg ? sql<boolean>`case_events.kind = 'reply'` : sql<boolean>`+case_events.kind = 'reply'`)
    .execute();
}

export type DashboardThemeRow = { id: string; label: string; custom_label: string | null; trend: string; cases: number };

/** The active themes the period's cases belong to, with how many of them each holds; served by theme_members_case. */
export async function dashboardThemeRows(db: Db, f: DashboardFilter): Promise<DashboardThemeRow[]> {
  const cases = periodCases(db, f).select('cases.id').as('c');
  const rows = await db
    .selectFrom('theme_members')
    .innerJoin(cases, 'c.id', 'theme_members.case_id')
    .innerJoin('themes', 'themes.id', 'theme_members.theme_id')
    .select(['themes.id', 'themes.label', 'themes.custom_label', 'themes.trend'])
    .select((eb) => eb.fn.countAll<number | string>().as('cases'))
    .where('theme_members.workspace_id', '=', f.workspaceId)
    .where('themes.status', '=', 'active')
    .groupBy(['themes.id', 'themes.label', 'themes.custom_label', 'themes.trend'])
    .execute();
  return rows.map((r) => ({ ...r, cases: Number(r.cases) }));
}

/**
 * The reported and resolved times of every case open at some point of the period (reported before
 * the end of its last local day, `until`, not resolved before its start), for the backlog at each
 * day's end. The reported_at bound is served by cases_ws_reported_at; over a long history this reads
 * the older open cases too.
 */
export async function backlogRows(
  db: Db,
  f: DashboardFilter,
  until: string,
): Promise<{ reported_at: string; resolved_at: string | null }[]> {
  return db
    .selectFrom('cases')
    .select(['cases.reported_at', 'cases.resolved_at'])
    .where('cases.workspace_id', '=', f.workspaceId)
    .where('cases.reported_at', '<', until)
    .where((eb) => eb.or([eb('cases.resolved_at', 'is', null), eb('cases.resolved_at', '>=', f.from)]))
    .where((eb) => dimensions(eb, f, isPostgres(db)))
    .execute();
}

/** Whether a filter keeps every case of the workspace (no scope, no dimension). */
const isWholeWorkspace = (f: DashboardFilter): boolean =>
  !f.fromCases &&
  !f.scope &&
  !f.teamId &&
  !f.channel?.length &&
  !f.severity?.length &&
  !f.assigneeId &&
  !f.exceptTeamIds?.length &&
  !f.caseTypeId &&
  !f.employeeId &&
  !f.breached &&
  !f.satisfaction?.length &&
  !f.supported?.length;

/**
 * Customers with two or more of the period's cases, and how many cases those are: distinct people,
 * which no daily rollup can add up. Over the whole workspace they are read off the customer chain
 * (migration 0042): a case whose previous case is in the period too is a repeat's second or later
 * case, and the second itself is the one whose case before that is not — so the customers are those
 * seconds, and their cases the later ones plus one first case each. One range of
 * cases_customer_repeat, holding only the cases that have a previous one. Any filter narrows whose
 * cases count, which the chain cannot follow: a narrow group-by over the period's cases then.
 */
export async function repeatCustomerCounts(db: Db, f: DashboardFilter): Promise<{ customers: number; cases: number }> {
  if (isWholeWorkspace(f)) {
    const row = await db
      .selectFrom('cases')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('later'),
        eb.fn
          .sum<number | string | null>(
            eb
              .case()
              .when(eb.or([eb('customer_prev2_at', 'is', null), eb('customer_prev2_at', '<', f.from)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('customers'),
      ])
      .where('workspace_id', '=', f.workspaceId)
      .where('customer_prev_at', '>=', f.from)
      // Implied by the next line (a previous case came before), but it bounds the index's range.
      .where('customer_prev_at', '<', f.to)
      .where('reported_at', '<', f.to)
      .executeTakeFirst();
    const customers = Number(row?.customers ?? 0);
    return { customers, cases: Number(row?.later ?? 0) + customers };
  }
  // On SQLite the customer is an expression: after ANALYZE its planner read every case of the
  // workspace through cases_customer (8 s at a million) rather than the period's range of
  // cases_ws_reported_at, which holds the filters' columns and the customer.
  const customer = isPostgres(db) ? sql`cases.customer_id` : sql`+cases.customer_id`;
  const per = periodCases(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(customer, 'is not', null)
    .groupBy(customer)
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .as('per');
  const row = await db
    .selectFrom(per)
    .select((eb) => [eb.fn.countAll<number | string>().as('customers'), eb.fn.sum<number | string | null>('per.n').as('cases')])
    .executeTakeFirst();
  return { customers: Number(row?.customers ?? 0), cases: Number(row?.cases ?? 0) };
}

/**
 * The open promises past due at a moment on the period's cases, with their team and owner: what
 * "overdue now" counts, which depends on the moment of reading and so lives in no rollup.
 */
export async function overduePromiseRows(
  db: Db,
  f: DashboardFilter,
  now: string,
): Promise<{ team_id: string | null; owner_id: string; owner_name: string }[]> {
  // Open overdue promises are few (about 1,400 at a million cases) and a period's cases many, so the
  // read starts from commitments_open_ws_due and looks each case up by id: SQLite keeps a CROSS
  // JOIN's order, which without planner statistics it would turn round to probe every case.
  return db
    .selectFrom('commitments')
    .crossJoin('cases')
    .innerJoin('users', 'users.id', 'commitments.owner_id')
    .select(['cases.team_id', 'commitments.owner_id', 'users.name as owner_name'])
    .where('commitments.workspace_id', '=', f.workspaceId)
    .where('commitments.status', '=', sql.lit('open'))
    .where('commitments.due_at', '<', now)
    .whereRef('cases.id', '=', 'commitments.case_id')
    .where((eb) => inPeriod(eb, f, isPostgres(db)))
    .execute();
}

/** The names of some users, by id (a dashboard's promise owners). */
export async function userNames(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type CaseMetricRow = Omit<DashboardCaseRow, 'customer_id' | 'risk_flags' | 'case_type_id'> & {
  ref: string;
  status: string;
  assignee_id: string | null;
};

/** The columns the per-case export writes: a million rows each made into an object, so none it does not write. */
const CASE_METRIC_COLUMNS = [
  ...CASE_COLUMNS.filter((c) => c !== 'cases.customer_id' && c !== 'cases.risk_flags' && c !== 'cases.case_type_id'),
  'cases.ref',
  'cases.status',
  'cases.assignee_id',
] as const;

/**
 * One page of the period's cases for the per-case export, oldest first, after a (reported_at, id)
 * key: a keyset walk of cases_ws_reported_at, so page 1,000 costs what page 1 does.
 */
export async function caseMetricPage(
  db: Db,
  f: DashboardFilter,
  after: { reportedAt: string; id: string } | undefined,
  limit: number,
): Promise<CaseMetricRow[]> {
  // The page's range starts at the last page's time: given the period's start and a row-value bound,
  // SQLite ranged the index from the period's start and stepped over every earlier page's rows.
  // Within that range the rest of the key is an OR, not a row value: after ANALYZE, SQLite read a
  // row-value bound by skip-scan, every case to the period's end sorted for each page (0.4 s a page,
  // 33 s for a million rows; 14 ms a page this way).
  const from = after && after.reportedAt > f.from ? after.reportedAt : f.from;
  let q = periodCases(db, { ...f, from }).select(CASE_METRIC_COLUMNS);
  if (after) q = q.where((eb) => eb.or([eb('cases.reported_at', '>', after.reportedAt), eb('cases.id', '>', after.id)]));
  const rows = await q.orderBy('cases.reported_at').orderBy('cases.id').limit(limit).execute();
  return rows.map((r) => ({
    ...r,
    severity: Number(r.severity),
    impact_amount_minor: r.impact_amount_minor === null ? null : Number(r.impact_amount_minor),
  }));
}

/**
 * The answered follow-ups of some cases, looked up by case id (follow_ups_case or
 * follow_ups_case_signals). On SQLite the workspace and the status are checked with a unary plus:
 * given either plainly, SQLite without statistics counts one probe of follow_ups_ws_status_due as
 * cheaper than ten thousand of a case index and walks every follow-up of the workspace for each page
 * (650 to 760 ms a page at a million cases); the case ids already belong to the workspace. Checked in
 * SQL, the rows not answered are never made into objects.
 */
export async function answeredFollowUpsOf(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
): Promise<{ case_id: string; party: string; satisfaction: number | null; answer: string | null }[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('follow_ups')
    .select(['case_id', 'party', 'satisfaction', 'answer'])
    .where(isPostgres(db) ? sql<boolean>`workspace_id = ${workspaceId}` : sql<boolean>`+workspace_id = ${workspaceId}`)
    .where('case_id', 'in', [...caseIds])
    .where(isPostgres(db) ? sql<boolean>`status = 'answered'` : sql<boolean>`+status = 'answered'`)
    .execute();
}

/** Support requests made in the period, by kind and status (support requests are few: no index beyond the workspace's). */
export async function supportRequestCounts(
  db: Db,
  workspaceId: string,
  period: { from: string; to: string },
): Promise<{ kind: string | null; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('support_requests')
    .select(['kind', 'status'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Whether a mail of this kind went into the outbox for this address of the workspace since a moment (outbox_emails is small: kept mail is pruned). */
export async function emailQueuedSince(db: Db, workspaceId: string, kind: string, to: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('outbox_emails')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('to_address', '=', to)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}
