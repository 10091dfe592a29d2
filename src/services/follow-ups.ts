import { AppError, invalid, notFound } from '../domain/errors.js';
import { type EmployeeAnswer, type FollowUpDelays, type FollowUpParty, followUpDueAt } from '../domain/follow-through.js';
import { authorize, type Subject } from '../domain/permissions.js';
import { type FollowUpView, presentFollowUps } from '../presenters/follow-up-presenter.js';
import { lockCaseById, partyEmployeeIds } from '../store/cases.js';
import type { NewEvent } from '../store/events.js';
import {
  findFollowUp,
  insertFollowUps,
  listFollowUpRows,
  pendingFollowUpsOf,
  recordFollowUpAnswer,
  updateFollowUp,
} from '../store/follow-ups.js';
import { newId } from '../store/ids.js';
import { findCustomer, findEmployees } from '../store/people.js';
import type { CaseRow, Db, FollowUpRow, WorkspaceRow } from '../store/schema.js';
import { findWorkspace } from '../store/workspaces.js';
import { forbidden } from './authorization.js';
import { applyCaseChange, recordSystemChange } from './case-change.js';
import { caseSubject, loadCase } from './case-helpers.js';
import { type Actor, inTransaction, type ServiceContext } from './context.js';

function newFollowUp(
  row: CaseRow,
  party: FollowUpParty,
  dueAt: Date,
  now: Date,
  employee?: { id: string; userId: string | null },
): FollowUpRow {
  return {
    id: newId(),
    workspace_id: row.workspace_id,
    case_id: row.id,
    party,
    employee_id: employee?.id ?? null,
    user_id: employee?.userId ?? null,
    due_at: dueAt.toISOString(),
    status: 'scheduled',
    token_hash: null,
    sent_at: null,
    expires_at: null,
    answered_at: null,
    answer: null,
    satisfaction: null,
    wants_help: null,
    created_at: now.toISOString(),
  };
}

const scheduledEvent = (f: FollowUpRow, actorId: string | null, at: string): NewEvent => ({
  kind: 'follow_up_scheduled',
  actorId,
  at,
  data: { id: f.id, party: f.party, employeeId: f.employee_id, dueAt: f.due_at },
});

/**
 * Plans the check-ins after a case is resolved: one with the customer (when we have their email) and
 * one with each employee named on the case who has a login, at the domain's default delays. Called by transitionCase
 * inside its transaction, with the locked case row; appends one `follow_up_scheduled` event each.
 */
export async function scheduleFollowUps(ctx: ServiceContext, db: Db, row: CaseRow): Promise<FollowUpRow[]> {
  const existing = await listFollowUpRows(db, row.workspace_id, row.id);
  const waiting = (party: FollowUpParty, employeeId: string | null) =>
    existing.some((f) => f.party === party && f.employee_id === employeeId && (f.status === 'scheduled' || f.status === 'sent'));
  const rows: FollowUpRow[] = [];
  const customer = row.customer_id ? await findCustomer(db, row.workspace_id, row.customer_id) : undefined;
  const workspace = await findWorkspace(db, row.workspace_id);
  const delays = workspace ? followUpDelaysOf(workspace) : undefined;
  if (customer?.email && !waiting('customer', null))
    rows.push(newFollowUp(row, 'customer', followUpDueAt('customer', ctx.now, delays), ctx.now));
  for (const e of await findEmployees(db, row.workspace_id, await partyEmployeeIds(db, row.workspace_id, row.id))) {
    // Someone without a login cannot answer in the app; their supervisor checks in with them in person.
    if (e.user_id !== null && !waiting('employee', e.id))
      rows.push(newFollowUp(row, 'employee', followUpDueAt('employee', ctx.now, delays), ctx.now, { id: e.id, userId: e.user_id }));
  }
  await insertFollowUps(db, rows);
  const at = ctx.now.toISOString();
  // The caller has already changed the case in this transaction: re-read it for the chain's head.
  const current = await lockCaseById(db, row.workspace_id, row.id);
  if (!current) throw new Error(`case ${row.id} vanished`);
  await applyCaseChange(
    db,
    current,
    {},
    rows.map((f) => scheduledEvent(f, ctx.actor.userId, at)),
    ctx.now,
  );
  return rows;
}

/** A case's follow-ups with their answers; an employee sees other employees' answers hidden. */
export async function listCaseFollowUps(ctx: ServiceContext, ref: string): Promise<FollowUpView[]> {
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  if (!authorize(ctx.actor, 'list', 'follow_up', subject)) throw forbidden(ctx.actor, 'list', 'follow_up');
  const rows = await listFollowUpRows(ctx.db, row.workspace_id, row.id);
  return presentFollowUps(ctx.db, { actor: ctx.actor, subject }, row, rows);
}

/** Adds a follow-up by hand, or moves the due time of the one still waiting to be sent for that person. */
export function planFollowUp(
  ctx: ServiceContext,
  ref: string,
  input: { party: FollowUpParty; employeeId?: string | undefined; dueAt: string },
): Promise<FollowUpView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, subject } = await loadCase(db, ctx.actor, ref, 'read', true);
    if (!authorize(ctx.actor, 'create', 'follow_up', subject)) throw forbidden(ctx.actor, 'create', 'follow_up');
    const due = new Date(input.dueAt);
    if (due.getTime() <= ctx.now.getTime()) throw invalid('dueAt', 'must be in the future');
    let employee: { id: string; userId: string | null } | undefined;
    if (input.party === 'employee') {
      if (!input.employeeId) throw invalid('employeeId', 'say which employee to ask');
      const parties = await partyEmployeeIds(db, row.workspace_id, row.id);
      const found = parties.includes(input.employeeId) ? (await findEmployees(db, row.workspace_id, [input.employeeId]))[0] : undefined;
      if (!found) throw invalid('employeeId', 'not an employee named on this case');
      employee = { id: found.id, userId: found.user_id };
    } else {
      const customer = row.customer_id ? await findCustomer(db, row.workspace_id, row.customer_id) : undefined;
      if (!customer?.email) throw invalid('party', 'the case has no customer with an email address');
    }
    const existing = (await listFollowUpRows(db, row.workspace_id, row.id)).find(
      (f) => f.party === input.party && f.employee_id === (employee?.id ?? null) && f.status === 'scheduled',
    );
    const at = ctx.now.toISOString();
    let f: FollowUpRow;
    if (existing) {
      f = { ...existing, due_at: due.toISOString() };
      await updateFollowUp(db, f.id, { due_at: f.due_at });
    } else {
      f = newFollowUp(row, input.party, due, ctx.now, employee);
      await insertFollowUps(db, [f]);
    }
    await applyCaseChange(db, row, {}, [scheduledEvent(f, ctx.actor.userId, at)], ctx.now);
    return presentOne(db, { actor: ctx.actor, subject }, row, f);
  });
}

export type MyFollowUp = { id: string; caseRef: string; caseTitle: string; dueAt: string; sentAt: string | null };

/** The caller's own follow-ups waiting for their answer. */
export async function listMyFollowUps(ctx: ServiceContext): Promise<MyFollowUp[]> {
  const rows = await pendingFollowUpsOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  return rows.map((r) => ({ id: r.id, caseRef: r.case_ref, caseTitle: r.case_title, dueAt: r.due_at, sentAt: r.sent_at }));
}

/**
 * An employee answers their own follow-up, once. Asking for help puts the case in the supervisors'
 * "needs attention" view, and the notifications processor tells them in the app and by mail.
 */
export function answerFollowUp(
  ctx: ServiceContext,
  id: string,
  input: { feltSupported: number; wantsTraining: boolean; wantsHelp: boolean; comment?: string | undefined },
): Promise<FollowUpView> {
  return inTransaction(ctx.db, async (db) => {
    const f = await findFollowUp(db, ctx.actor.workspaceId, id);
    if (f?.party !== 'employee') throw notFound('Follow-up');
    if (!authorize(ctx.actor, 'update', 'follow_up', { ownerUserId: f.user_id })) throw notFound('Follow-up');
    if (f.status === 'answered') throw new AppError('conflict', 'You already answered this follow-up');
    if (f.status !== 'sent') throw new AppError('conflict', `This follow-up is ${f.status} and cannot be answered`);
    const answer: EmployeeAnswer = {
      feltSupported: input.feltSupported,
      wantsTraining: input.wantsTraining,
      wantsHelp: input.wantsHelp,
      comment: input.comment?.trim() || null,
    };
    const at = ctx.now.toISOString();
    if (!(await recordFollowUpAnswer(db, f.id, answer, at))) throw new AppError('conflict', 'You already answered this follow-up');
    const kase = await recordSystemChange(
      db,
      f.workspace_id,
      f.case_id,
      {},
      // The answer is for the employee's supervisors: the timeline, which everyone on the case reads,
      // records only that it came (the answer stays on the follow-up, shown to those who may see it).
      () => [{ kind: 'follow_up_answered', actorId: ctx.actor.userId, at, data: { id: f.id, party: 'employee' } }],
      ctx.now,
    );
    const answered = { ...f, status: 'answered', answer: JSON.stringify(answer), answered_at: at };
    return presentOne(db, { actor: ctx.actor, subject: await caseSubject(db, kase) }, kase, answered);
  });
}

async function presentOne(db: Db, viewer: { actor: Actor; subject: Subject }, kase: CaseRow, f: FollowUpRow): Promise<FollowUpView> {
  const [view] = await presentFollowUps(db, viewer, kase, [f]);
  if (!view) throw new Error('presenting a follow-up gave nothing');
  return view;
}

/** The workspace's follow-up delays, in ms. */
export const followUpDelaysOf = (w: WorkspaceRow): FollowUpDelays => ({
  customer: w.follow_up_customer_minutes * 60_000,
  employee: w.follow_up_employee_minutes * 60_000,
});

export type { FollowUpView };
