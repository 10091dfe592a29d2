import { ZIsoTimestamp } from '../contracts/time.js';
import { caseRefIn } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import { repeatWindowStart } from '../domain/customer-signals.js';
import { AppError, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { type CaseAbilities, caseAbilities } from '../presenters/case-abilities.js';
import {
  type CaseView,
  type EventView,
  type StatementView,
  toCaseView,
  toEventView,
  toStatementView,
} from '../presenters/case-presenter.js';
import { listMergedInto } from '../store/case-merges.js';
import {
  attentionReasons,
  type CaseSort,
  countCaseRows,
  LIST_PLAN_LIMITS,
  type ListPlanLimits,
  listCaseRows,
  listParties,
  listStatements,
  planList,
} from '../store/cases.js';
import { listEventRows } from '../store/events.js';
import { findCustomer } from '../store/people.js';
import type { Db } from '../store/schema.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { loadCase } from './case-helpers.js';
import type { Actor } from './context.js';
import { verifyTimelines } from './verify-timelines.js';

export type CaseDetail = CaseView & {
  can: CaseAbilities;
  mergedCases: { ref: string; title: string; mergedAt: string }[];
  parties: { employeeId: string; name: string; role: string; teamId: string | null }[];
  statements: StatementView[];
  customer: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    contactHidden: boolean;
    hasEmail: boolean;
    flaggedAt: string | null;
    flagReason: string | null;
  } | null;
};

type ReadContext = { db: Db; actor: Actor; now: Date };

/** A case with its parties and both sides' statements. */
export async function getCase(ctx: ReadContext, ref: string): Promise<CaseDetail> {
  const ws = ctx.actor.workspaceId;
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  const mayReadStatements = authorize(ctx.actor, 'read', 'statement', subject);
  const [parties, statements, customerRow, merged] = await Promise.all([
    listParties(ctx.db, ws, row.id),
    mayReadStatements ? listStatements(ctx.db, ws, row.id) : [],
    row.customer_id ? findCustomer(ctx.db, ws, row.customer_id) : undefined,
    listMergedInto(ctx.db, ws, row.id),
  ]);
  const seesContact = authorize(ctx.actor, 'read', 'customer_contact', subject);
  const customer = customerRow
    ? {
        id: customerRow.id,
        name: customerRow.name,
        email: seesContact ? customerRow.email : null,
        phone: seesContact ? customerRow.phone : null,
        contactHidden: !seesContact,
        hasEmail: customerRow.email !== null && customerRow.email !== '',
        flaggedAt: customerRow.flagged_at,
        flagReason: customerRow.flag_reason,
      }
    : null;
  const view = toCaseView(row, ctx.now);
  // Offer only the moves this caller may make, so a client never shows a button that answers 403.
  if (!authorize(ctx.actor, 'transition', 'case', subject)) view.nextStatuses = [];
  const mergedCases = merged.map((m) => ({ ref: m.ref, title: m.title, mergedAt: m.updated_at }));
  return {
    ...view,
    parties,
    statements: statements.map(toStatementView),
    customer,
    mergedCases,
    can: caseAbilities(ctx.actor, row, subject),
  };
}

export type CaseListQuery = {
  status?: CaseStatus[] | undefined;
  severity?: number[] | undefined;
  channel?: string[] | undefined;
  rootCause?: string[] | undefined;
  teamId?: string | undefined;
  assigneeId?: string | undefined;
  unassigned?: boolean | undefined;
  /** Only cases needing a supervisor's attention: escalated promises, pending approvals, calls for help, unhappy customers. */
  attention?: boolean | undefined;
  /** Only cases of a customer with repeat complaints (REPEAT_AT_LEAST cases within the recent window). */
  repeatCustomer?: boolean | undefined;
  /** Only cases with a reputational threat on them or on another case of their customer. */
  threat?: boolean | undefined;
  /** Only cases whose customer is flagged under the abuse policy. */
  abuseFlagged?: boolean | undefined;
  caseTypeId?: string | undefined;
  /** Only cases naming this employee as a party. */
  employeeId?: string | undefined;
  /** Only cases that missed a deadline. */
  breached?: boolean | undefined;
  /** Only cases whose customer answered a follow-up with one of these scores. */
  satisfaction?: number[] | undefined;
  /** Only cases where an employee's follow-up answer said they felt supported at one of these levels. */
  supported?: number[] | undefined;
  /** Only cases carrying any of these tags. */
  tag?: string[] | undefined;
  /** Include cases merged into another (left out unless asked for, or the search is a case's reference). */
  merged?: boolean | undefined;
  reportedFrom?: string | undefined;
  reportedTo?: string | undefined;
  q?: string | undefined;
  sort?: CaseSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

/** Lists count their matches up to this many, then say "more". */
export const COUNT_UP_TO = 1000;

/**
 * One page of cases; `nextCursor` continues after the last item under the same sort. `planLimits`
 * decide SQLite's plans by the size of a list's candidate sets (tests lower them to compare plans).
 */
export async function listCases(
  ctx: ReadContext,
  query: CaseListQuery,
  planLimits: ListPlanLimits = LIST_PLAN_LIMITS,
): Promise<{ items: CaseView[]; nextCursor: string | null; total?: number; totalCapped?: boolean }> {
  const sort = query.sort ?? 'reported_at';
  const order = query.order ?? 'desc';
  const limit = query.limit ?? 50;
  const scope = listScope(ctx.actor, 'case');
  const filters = {
    workspaceId: ctx.actor.workspaceId,
    scope: caseScopeOf(scope),
    status: query.status,
    severity: query.severity,
    channel: query.channel,
    rootCause: query.rootCause,
    teamId: query.teamId,
    assigneeId: query.unassigned ? null : query.assigneeId,
    attention: query.attention,
    repeatSince: query.repeatCustomer ? repeatWindowStart(ctx.now) : undefined,
    threat: query.threat,
    abuseFlagged: query.abuseFlagged,
    caseTypeId: query.caseTypeId,
    employeeId: query.employeeId,
    breached: query.breached,
    satisfaction: query.satisfaction,
    supported: query.supported,
    tags: query.tag,
    reportedFrom: query.reportedFrom,
    reportedTo: query.reportedTo,
    q: query.q?.trim() || undefined,
    // A merged duplicate's reference still finds it, so the reader is led on to the case kept.
    hideMerged: query.merged !== true && !(query.q && caseRefIn(query.q)),
  };
  const after = query.cursor ? decodeCursor(query.cursor, sort, order) : undefined;
  // The count is for the first page's heading; later pages of the same list need not pay for it again.
  const plan = await planList(ctx.db, filters, planLimits);
  const [rows, counted] = await Promise.all([
    listCaseRows(ctx.db, { ...filters, sort, order, limit, after }, plan),
    after ? undefined : countCaseRows(ctx.db, filters, COUNT_UP_TO, plan),
  ]);
  const mayTransition = authorize(ctx.actor, 'transition', 'case');
  const page = rows.slice(0, limit);
  const reasons = query.attention
    ? await attentionReasons(
        ctx.db,
        ctx.actor.workspaceId,
        page.map((r) => r.id),
      )
    : undefined;
  const items = page.map((r) => {
    const view: CaseView = toCaseView(r, ctx.now);
    if (!mayTransition) view.nextStatuses = [];
    const why = reasons?.get(r.id);
    if (why) view.attention = why;
    return view;
  });
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, o: order, v: last[sort], id: last.id }) : null;
  return { items, nextCursor, ...(counted ? { total: counted.count, totalCapped: counted.capped } : {}) };
}

type CursorPayload = { s: CaseSort; o: 'asc' | 'desc'; v: string | number; id: string };

function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * A cursor is ours only if its value fits the sort column (a severity, or a storable timestamp) and
 * its id is an id: a forged one is refused here, rather than reaching the database as a comparison
 * PostgreSQL cannot make.
 */
function decodeCursor(cursor: string, sort: CaseSort, order: 'asc' | 'desc'): { value: string | number; id: string } {
  const bad = new AppError('validation', 'cursor: not a cursor from this list; start again without it', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw bad;
  }
  const v: unknown = payload?.v;
  const value =
    sort === 'severity'
      ? Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 4
        ? (v as number)
        : undefined
      : ZIsoTimestamp.safeParse(v).data;
  if (value === undefined || !isUuid(payload.id) || payload.s !== sort || payload.o !== order) throw bad;
  return { value, id: payload.id };
}

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The timeline of a case, oldest first, paginated by sequence number. */
export async function listEvents(
  ctx: ReadContext,
  ref: string,
  afterSeq: number,
  limit: number,
): Promise<{ items: EventView[]; nextCursor: string | null }> {
  const ws = ctx.actor.workspaceId;
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const events = await listEventRows(ctx.db, ws, row.id, afterSeq, limit + 1);
  const items = events.slice(0, limit).map(toEventView);
  return { items, nextCursor: events.length > limit ? String(items.at(-1)?.seq) : null };
}

/** Both sides' statements of a case. */
export async function listCaseStatements(ctx: ReadContext, ref: string): Promise<StatementView[]> {
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  requirePermission(ctx.actor, 'read', 'statement', subject);
  return (await listStatements(ctx.db, ctx.actor.workspaceId, row.id)).map(toStatementView);
}

/** Whether a case's timeline is intact, for the "verified" mark beside it. */
export async function verifyCaseTimeline(
  ctx: ReadContext,
  ref: string,
): Promise<{ intact: boolean; eventsChecked: number; firstBreak: { seq: number; eventId: string | null; problem: string } | null }> {
  await loadCase(ctx.db, ctx.actor, ref);
  const report = await verifyTimelines(ctx.db, { caseRef: ref, workspaceId: ctx.actor.workspaceId });
  if (report.casesChecked === 0) throw notFound(`Case ${ref}`);
  const b = report.firstBreak;
  return {
    intact: b === null,
    eventsChecked: report.eventsChecked,
    firstBreak: b ? { seq: b.seq, eventId: b.eventId, problem: b.problem } : null,
  };
}
