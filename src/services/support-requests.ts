import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { type SupportKind, type SupportStatus, supportDueAt } from '../domain/support.js';
import { findCaseById, findCaseByRef } from '../store/cases.js';
import { insertOutboxEvents } from '../store/event-outbox.js';
import { findEmployees } from '../store/people.js';
import type { Db, EmployeeRow, SupportRequestRow } from '../store/schema.js';
import { findSupportRequest, insertSupportRequest, listSupportRequestRows, moveSupportRequest } from '../store/support-requests.js';
import { supervisorsOf } from '../store/users.js';
import { findUsers } from '../store/workspaces.js';
import { forbidden, requirePermission } from './authorization.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

export type SupportRequestView = {
  id: string;
  employee: { id: string; name: string };
  caseRef: string | null;
  kind: SupportKind | null;
  /** Only for the employee and the supervisors who answer: nobody else reads what was asked. */
  note: string | null;
  answer: string | null;
  source: string;
  status: SupportStatus;
  supervisor: { id: string; name: string } | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  can: { accept: boolean; answer: boolean; close: boolean };
};

const subjectOf = (employee: Pick<EmployeeRow, 'team_id' | 'user_id'>) => ({ teamIds: [employee.team_id], ownerUserId: employee.user_id });

async function present(
  ctx: ServiceContext,
  db: Db,
  rows: (SupportRequestRow & { employee_name?: string })[],
): Promise<SupportRequestView[]> {
  const ws = ctx.actor.workspaceId;
  const employees = new Map((await findEmployees(db, ws, [...new Set(rows.map((r) => r.employee_id))])).map((e) => [e.id, e]));
  const supervisors = new Map(
    (
      await findUsers(
        db,
        ws,
        rows.flatMap((r) => (r.supervisor_id ? [r.supervisor_id] : [])),
      )
    ).map((u) => [u.id, u.name]),
  );
  const views: SupportRequestView[] = [];
  for (const r of rows) {
    const employee = employees.get(r.employee_id);
    if (!employee) continue;
    const kase = r.case_id ? await findCaseById(db, ws, r.case_id) : undefined;
    const own = employee.user_id === ctx.actor.userId;
    const answers = !own && authorize(ctx.actor, 'update', 'support_request', subjectOf(employee));
    views.push({
      id: r.id,
      employee: { id: employee.id, name: employee.name },
      caseRef: kase?.ref ?? null,
      kind: r.kind as SupportKind | null,
      note: own || answers ? r.note : null,
      answer: own || answers ? r.answer : null,
      source: r.source,
      status: r.status,
      supervisor: r.supervisor_id ? { id: r.supervisor_id, name: supervisors.get(r.supervisor_id) ?? '' } : null,
      dueAt: r.due_at,
      overdue: r.status === 'open' && r.due_at !== null && Date.parse(r.due_at) < ctx.now.getTime(),
      createdAt: r.created_at,
      answeredAt: r.answered_at,
      closedAt: r.closed_at,
      can: {
        accept: own && r.status === 'offered',
        answer: answers && r.status === 'open',
        close: (own || answers) && (r.status === 'open' || r.status === 'answered' || r.status === 'offered'),
      },
    });
  }
  return views;
}

async function ownEmployee(ctx: ServiceContext, db: Db): Promise<EmployeeRow> {
  const [employee] = ctx.actor.employeeId ? await findEmployees(db, ctx.actor.workspaceId, [ctx.actor.employeeId]) : [];
  if (!employee) throw new AppError('conflict', 'Your account has no employee record, so there is nobody to support yet');
  return employee;
}

/**
 * Writes an open request and tells the employee's supervisor (through the outbox) with its due time.
 * Used by the employee's own request, a follow-up answer asking for help, and an accepted offer.
 */
export async function openSupportRequest(
  db: Db,
  input: {
    employee: EmployeeRow;
    caseId: string | null;
    kind: SupportKind;
    note: string | null;
    source: string;
    actorId: string | null;
    /** False when the supervisors already heard of it another way. */
    announce?: boolean;
  },
  now: Date,
): Promise<SupportRequestRow> {
  const ws = input.employee.workspace_id;
  const supervisor = (await supervisorsOf(db, ws, input.employee.team_id)).find((s) => s.id !== input.employee.user_id);
  const row = await insertSupportRequest(db, {
    workspace_id: ws,
    employee_id: input.employee.id,
    user_id: input.employee.user_id,
    case_id: input.caseId,
    kind: input.kind,
    note: input.note,
    source: input.source,
    status: 'open',
    supervisor_id: supervisor?.id ?? null,
    due_at: supportDueAt(input.kind, now).toISOString(),
    answer: null,
    answered_by: null,
    answered_at: null,
    closed_at: null,
    created_at: now.toISOString(),
  });
  if (input.announce !== false)
    await insertOutboxEvents(db, [
      {
        workspaceId: ws,
        kind: 'support_requested',
        caseId: input.caseId,
        actorId: input.actorId,
        at: row.created_at,
        data: { requestId: row.id },
      },
    ]);
  return row;
}

/** After an abusive interaction the employee is offered support without having to ask. */
export async function offerSupport(db: Db, employee: EmployeeRow, caseId: string, now: Date): Promise<SupportRequestRow | null> {
  const existing = await listSupportRequestRows(db, employee.workspace_id, { employeeIds: [employee.id] });
  if (existing.some((r) => r.case_id === caseId && r.source === 'abuse_offer')) return null;
  const supervisor = (await supervisorsOf(db, employee.workspace_id, employee.team_id)).find((s) => s.id !== employee.user_id);
  const row = await insertSupportRequest(db, {
    workspace_id: employee.workspace_id,
    employee_id: employee.id,
    user_id: employee.user_id,
    case_id: caseId,
    kind: null,
    note: null,
    source: 'abuse_offer',
    status: 'offered',
    supervisor_id: supervisor?.id ?? null,
    due_at: null,
    answer: null,
    answered_by: null,
    answered_at: null,
    closed_at: null,
    created_at: now.toISOString(),
  });
  await insertOutboxEvents(db, [
    { workspaceId: employee.workspace_id, kind: 'support_offered', caseId, actorId: null, at: row.created_at, data: { requestId: row.id } },
  ]);
  return row;
}

/** The employee asks for support, from a case or on its own. */
export function requestSupport(
  ctx: ServiceContext,
  input: { kind: SupportKind; note?: string | undefined; caseRef?: string | undefined },
): Promise<SupportRequestView> {
  return inTransaction(ctx.db, async (db) => {
    const employee = await ownEmployee(ctx, db);
    requirePermission(ctx.actor, 'create', 'support_request', subjectOf(employee));
    let caseId: string | null = null;
    if (input.caseRef) {
      const exists = await findCaseByRef(db, ctx.actor.workspaceId, input.caseRef);
      if (!exists) throw invalid('caseRef', `there is no case ${input.caseRef}`);
      caseId = (await loadCase(db, ctx.actor, input.caseRef, 'read')).row.id;
    }
    const row = await openSupportRequest(
      db,
      { employee, caseId, kind: input.kind, note: input.note?.trim() || null, source: caseId ? 'case' : 'self', actorId: ctx.actor.userId },
      ctx.now,
    );
    const [view] = await present(ctx, db, [row]);
    return view as SupportRequestView;
  });
}

/** Requests the caller may see: their own, and (for supervisors) their teams'; HR and admins everyone's. */
export async function listSupportRequests(ctx: ServiceContext): Promise<SupportRequestView[]> {
  requirePermission(ctx.actor, 'list', 'support_request');
  const ws = ctx.actor.workspaceId;
  const any = authorize(ctx.actor, 'list', 'support_request', { teamIds: [], ownerUserId: null });
  const teams = authorize(ctx.actor, 'list', 'support_request', { teamIds: ctx.actor.teamIds }) ? ctx.actor.teamIds : [];
  const rows = await listSupportRequestRows(
    ctx.db,
    ws,
    any ? null : { employeeIds: ctx.actor.employeeId ? [ctx.actor.employeeId] : [], teamIds: teams },
  );
  return present(ctx, ctx.db, rows);
}

async function loadRequest(ctx: ServiceContext, db: Db, id: string): Promise<{ row: SupportRequestRow; employee: EmployeeRow }> {
  const row = await findSupportRequest(db, ctx.actor.workspaceId, id);
  const [employee] = row ? await findEmployees(db, ctx.actor.workspaceId, [row.employee_id]) : [];
  if (!row || !employee || !authorize(ctx.actor, 'read', 'support_request', subjectOf(employee))) throw notFound(`Support request ${id}`);
  return { row, employee };
}

const moved = (ok: boolean) => {
  if (!ok) throw new AppError('conflict', 'This request has moved on since you loaded it');
};

/** The employee takes up support that was offered, saying what would help. */
export function acceptSupportOffer(
  ctx: ServiceContext,
  id: string,
  input: { kind: SupportKind; note?: string | undefined },
): Promise<SupportRequestView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, employee } = await loadRequest(ctx, db, id);
    if (employee.user_id !== ctx.actor.userId) throw new AppError('conflict', 'Only the employee it was offered to can take it up');
    if (row.status !== 'offered') throw new AppError('conflict', 'Only an offer can be taken up');
    const at = ctx.now;
    moved(
      await moveSupportRequest(db, row.workspace_id, row.id, ['offered'], {
        kind: input.kind,
        note: input.note?.trim() || null,
        status: 'open',
        due_at: supportDueAt(input.kind, at).toISOString(),
      }),
    );
    await insertOutboxEvents(db, [
      {
        workspaceId: row.workspace_id,
        kind: 'support_requested',
        caseId: row.case_id,
        actorId: ctx.actor.userId,
        at: at.toISOString(),
        data: { requestId: row.id },
      },
    ]);
    const [view] = await present(ctx, db, [(await findSupportRequest(db, row.workspace_id, row.id)) as SupportRequestRow]);
    return view as SupportRequestView;
  });
}

/** The supervisor answers: what they will do, or have done. */
export function answerSupportRequest(ctx: ServiceContext, id: string, answer: string): Promise<SupportRequestView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, employee } = await loadRequest(ctx, db, id);
    if (employee.user_id === ctx.actor.userId) throw new AppError('conflict', 'Your supervisor answers your request; you can close it');
    if (!authorize(ctx.actor, 'update', 'support_request', { teamIds: [employee.team_id] }))
      throw forbidden(ctx.actor, 'update', 'support_request');
    if (!answer.trim()) throw invalid('answer', 'say what you will do');
    if (row.status !== 'open') throw new AppError('conflict', 'Only an open request can be answered');
    const at = ctx.now.toISOString();
    moved(
      await moveSupportRequest(db, row.workspace_id, row.id, ['open'], {
        status: 'answered',
        answer: answer.trim(),
        answered_by: ctx.actor.userId,
        answered_at: at,
      }),
    );
    await insertOutboxEvents(db, [
      {
        workspaceId: row.workspace_id,
        kind: 'support_answered',
        caseId: row.case_id,
        actorId: ctx.actor.userId,
        at,
        data: { requestId: row.id },
      },
    ]);
    const [view] = await present(ctx, db, [(await findSupportRequest(db, row.workspace_id, row.id)) as SupportRequestRow]);
    return view as SupportRequestView;
  });
}

/** Closes a request once the support has been given (or an offer the employee does not want). */
export function closeSupportRequest(ctx: ServiceContext, id: string): Promise<SupportRequestView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, employee } = await loadRequest(ctx, db, id);
    if (!authorize(ctx.actor, 'update', 'support_request', subjectOf(employee))) throw forbidden(ctx.actor, 'update', 'support_request');
    if (row.status === 'closed' || row.status === 'declined') throw new AppError('conflict', 'This request is already closed');
    const status = row.status === 'offered' ? 'declined' : 'closed';
    moved(await moveSupportRequest(db, row.workspace_id, row.id, [row.status], { status, closed_at: ctx.now.toISOString() }));
    const [view] = await present(ctx, db, [(await findSupportRequest(db, row.workspace_id, row.id)) as SupportRequestRow]);
    return view as SupportRequestView;
  });
}
