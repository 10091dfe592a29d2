import {
  DATA_REGIMES,
  type DataRegime,
  type DataRequestKind,
  type DataSubjectKind,
  refuseWhileHeld,
  requestDeadline,
} from '../domain/data-rights.js';
import { AppError, invalid, notFound } from '../domain/errors.js';
import { closeDataRequest, findDataRequest, holdsInForceOver, insertDataRequest, listDataRequestRows } from '../store/data-rights.js';
import type { StoredFile } from '../store/erasure.js';
import { newId } from '../store/ids.js';
import type { DataRequestRow, Db } from '../store/schema.js';
import { recordAccess } from './access-log.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { eraseCustomerRecord, eraseThenRemoveFiles } from './erase-customer.js';

export type DataRequestView = {
  id: string;
  subject: { kind: DataSubjectKind; id: string; label: string };
  kind: DataRequestKind;
  regime: DataRegime;
  requestedBy: string;
  identityCheck: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  status: DataRequestRow['status'];
  outcome: string | null;
  closedBy: string | null;
  closedAt: string | null;
};

export type NewDataRequest = {
  subjectKind: DataSubjectKind;
  subjectId: string;
  kind: DataRequestKind;
  regime: DataRegime;
  requestedBy: string;
  identityCheck: string;
  receivedAt?: string | undefined;
};

/** Records a request about a customer's or employee's data: who asked, how their identity was checked, its legal deadline. */
export async function createDataRequest(ctx: ServiceContext, input: NewDataRequest): Promise<DataRequestView> {
  requirePermission(ctx.actor, 'create', 'data_request');
  const requestedBy = input.requestedBy.trim();
  const identityCheck = input.identityCheck.trim();
  if (!requestedBy) throw invalid('requestedBy', 'say who made the request');
  if (!identityCheck) throw invalid('identityCheck', "say how the requester's identity was checked");
  if (!(DATA_REGIMES as readonly string[]).includes(input.regime)) throw invalid('regime', 'must be gdpr or ccpa');
  const received = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
  if (received.getTime() > ctx.now.getTime()) throw invalid('receivedAt', 'a request cannot be received in the future');
  return inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const label = await subjectLabel(db, ws, input.subjectKind, input.subjectId);
    if (label === null) throw invalid('subjectId', `no such ${input.subjectKind} in this workspace`);
    const row: DataRequestRow = {
      id: newId(),
      workspace_id: ws,
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      kind: input.kind,
      regime: input.regime,
      requested_by: requestedBy,
      identity_check: identityCheck,
      received_at: received.toISOString(),
      due_at: requestDeadline(input.regime, received),
      status: 'open',
      outcome: null,
      created_by: ctx.actor.userId,
      created_at: ctx.now.toISOString(),
      closed_by: null,
      closed_at: null,
    };
    await insertDataRequest(db, row);
    return toView(row, label, ctx.now);
  });
}

/** The workspace's requests: open ones first, soonest due first. */
export async function listDataRequests(ctx: ServiceContext, status?: DataRequestRow['status']): Promise<{ items: DataRequestView[] }> {
  requirePermission(ctx.actor, 'list', 'data_request');
  const rows = await listDataRequestRows(ctx.db, ctx.actor.workspaceId, status);
  const items = [];
  for (const r of rows)
    items.push(toView(r, (await subjectLabel(ctx.db, r.workspace_id, r.subject_kind, r.subject_id)) ?? 'removed', ctx.now));
  return { items };
}

export async function getDataRequest(ctx: ServiceContext, id: string): Promise<DataRequestView> {
  requirePermission(ctx.actor, 'read', 'data_request');
  const row = await findDataRequest(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('Data request');
  return toView(row, (await subjectLabel(ctx.db, row.workspace_id, row.subject_kind, row.subject_id)) ?? 'removed', ctx.now);
}

/**
 * Completes a request. A customer's erasure request erases them in the same transaction (so a hold
 * refuses both); an employee's erasure request is refused while a hold names them, and its outcome
 * says what was removed, since an employee's statements and reviews are evidence the business must
 * weigh keeping. An access request is done once its export was handed over.
 */
export async function completeDataRequest(
  ctx: ServiceContext,
  dir: string,
  id: string,
  outcome: string | undefined,
): Promise<DataRequestView> {
  requirePermission(ctx.actor, 'update', 'data_request');
  // A customer's erased files lose their bytes only once the request and the erasure committed.
  const done = await eraseThenRemoveFiles(ctx.db, dir, async (db) => {
    let files: StoredFile[] = [];
    const ws = ctx.actor.workspaceId;
    const row = await openRequest(db, ws, id);
    let said = outcome?.trim() ?? '';
    if (row.kind === 'erasure' && row.subject_kind === 'customer') {
      requirePermission(ctx.actor, 'delete', 'personal_data');
      const erasure = await eraseCustomerRecord(db, ws, row.subject_id, { actorId: ctx.actor.userId, now: ctx.now });
      const result = erasure.result;
      files = erasure.files;
      await recordAccess(
        { ...ctx, db },
        {
          action: 'erase',
          resource: 'personal_data',
          subjectId: row.subject_id,
          subjectLabel: `customer record erased on request ${row.id}`,
        },
      );
      said ||= `Personal data erased: ${result.cases} cases scrubbed, ${result.statementsErased} of their statements and ${result.filesErased} of their files erased`;
    } else if (row.kind === 'erasure') {
      const holds = await holdsInForceOver(db, ws, [{ kind: 'employee', id: row.subject_id }]);
      refuseWhileHeld(
        "This employee's data",
        holds.map((h) => ({ kind: 'legal_hold' as const, holdId: h.id, matter: h.matter })),
      );
      if (!said) throw invalid('outcome', "say what was erased of the employee's data, and what is kept and why");
    } else if (!said) said = 'The export was handed to the requester';
    return { view: await close(ctx, db, row, 'done', said), files };
  });
  return done.view;
}

/** Refuses a request, with the reason the requester is given (e.g. identity not confirmed, a legal duty to keep). */
export async function refuseDataRequest(ctx: ServiceContext, id: string, reason: string): Promise<DataRequestView> {
  requirePermission(ctx.actor, 'update', 'data_request');
  if (!reason.trim()) throw invalid('reason', 'say why the request is refused');
  return inTransaction(ctx.db, async (db) => close(ctx, db, await openRequest(db, ctx.actor.workspaceId, id), 'refused', reason.trim()));
}

async function openRequest(db: Db, ws: string, id: string): Promise<DataRequestRow> {
  const row = await findDataRequest(db, ws, id);
  if (!row) throw notFound('Data request');
  if (row.status !== 'open') throw new AppError('conflict', `This request was ${row.status === 'done' ? 'completed' : 'refused'} already`);
  return row;
}

async function close(ctx: ServiceContext, db: Db, row: DataRequestRow, status: 'done' | 'refused', outcome: string) {
  const patch = { status, outcome, closed_by: ctx.actor.userId, closed_at: ctx.now.toISOString() };
  if (!(await closeDataRequest(db, row.workspace_id, row.id, patch))) throw new AppError('conflict', 'This request was closed meanwhile');
  return toView({ ...row, ...patch }, (await subjectLabel(db, row.workspace_id, row.subject_kind, row.subject_id)) ?? 'removed', ctx.now);
}

async function subjectLabel(db: Db, ws: string, kind: DataSubjectKind, id: string): Promise<string | null> {
  if (kind === 'customer') {
    const c = await db
      .selectFrom('customers')
      .select(['name', 'erased_at', 'merged_into_id'])
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) return null;
    return c.erased_at ? 'an erased customer' : c.name;
  }
  const e = await db.selectFrom('employees').select('name').where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
  return e?.name ?? null;
}

function toView(r: DataRequestRow, label: string, now: Date): DataRequestView {
  return {
    id: r.id,
    subject: { kind: r.subject_kind, id: r.subject_id, label },
    kind: r.kind,
    regime: r.regime,
    requestedBy: r.requested_by,
    identityCheck: r.identity_check,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    overdue: r.status === 'open' && r.due_at < now.toISOString(),
    status: r.status,
    outcome: r.outcome,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
  };
}
