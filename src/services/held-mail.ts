import { AppError, notFound } from '../domain/errors.js';
import { findCaseById, lockCaseById } from '../store/cases.js';
import { findInboundEmail, listInboundEmails, settleHeldEmail } from '../store/inbound-emails.js';
import type { InboundEmailRow } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import { lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { recordCustomerMessage } from './customer-messages.js';
import { dismissHeldMailFiles, type MailFileView, mailFilesOf, placeHeldMailFiles } from './email-files.js';

export type InboundEmailView = {
  id: string;
  from: string;
  fromName: string | null;
  subject: string;
  body: string;
  receivedAt: string;
  status: 'held' | 'placed' | 'opened' | 'dismissed';
  reason: string;
  caseRef: string | null;
  files: MailFileView[];
};

async function toView(ctx: ServiceContext, row: InboundEmailRow): Promise<InboundEmailView> {
  const kase = row.case_id ? await findCaseById(ctx.db, row.workspace_id, row.case_id) : undefined;
  const files = (await mailFilesOf(ctx.db, row.workspace_id, [row.id])).get(row.id) ?? [];
  return {
    id: row.id,
    from: row.from_address,
    fromName: row.from_name,
    subject: row.subject,
    body: row.text_body,
    receivedAt: row.received_at,
    status: row.status as InboundEmailView['status'],
    reason: row.reason,
    caseRef: kase?.ref ?? null,
    files,
  };
}

/** Received mail in one status (held, by default), newest first. */
export async function listInboundMail(
  ctx: ServiceContext,
  query: { status: InboundEmailView['status']; limit: number },
): Promise<InboundEmailView[]> {
  requirePermission(ctx.actor, 'list', 'inbound_email');
  const rows = await listInboundEmails(ctx.db, ctx.actor.workspaceId, query.status, query.limit);
  return Promise.all(rows.map((r) => toView(ctx, r)));
}

/**
 * Places a held mail on a case as a message from its customer (a person judged it is theirs: a
 * second address, a forward), its waiting files becoming the case's attachments. The placer must be
 * allowed to annotate that case.
 */
export async function placeHeldMail(ctx: ServiceContext, dir: string, id: string, ref: string): Promise<InboundEmailView> {
  requirePermission(ctx.actor, 'update', 'inbound_email');
  let removeWaiting = () => {};
  const view = await inTransaction(ctx.db, async (db) => {
    const row = await findInboundEmail(db, ctx.actor.workspaceId, id);
    if (!row) throw notFound('Email');
    const kase = await lockCase(db, ctx.actor, ref, 'annotate');
    const at = ctx.now.toISOString();
    if (!(await settleHeldEmail(db, row.workspace_id, id, { status: 'placed', caseId: kase.id, by: ctx.actor.userId, at })))
      throw new AppError('conflict', 'This email is no longer held: someone placed or dismissed it.');
    await recordCustomerMessage(db, kase, { via: 'email', body: row.text_body || row.subject, inboundEmailId: row.id }, ctx.now);
    const current = (await lockCaseById(db, kase.workspace_id, kase.id)) ?? kase;
    removeWaiting = await placeHeldMailFiles(db, dir, current, row.id, ctx.now);
    return toView({ ...ctx, db }, { ...row, status: 'placed', case_id: kase.id, placed_by: ctx.actor.userId, placed_at: at });
  });
  removeWaiting();
  return view;
}

/** Dismisses a held mail (not about any case: a newsletter that slipped through, a wrong address), and removes its files. */
export async function dismissHeldMail(ctx: ServiceContext, dir: string, id: string): Promise<InboundEmailView> {
  requirePermission(ctx.actor, 'update', 'inbound_email');
  let removeWaiting = () => {};
  const view = await inTransaction(ctx.db, async (db) => {
    const row = await findInboundEmail(db, ctx.actor.workspaceId, id);
    if (!row) throw notFound('Email');
    const at = ctx.now.toISOString();
    if (!(await settleHeldEmail(db, row.workspace_id, id, { status: 'dismissed', caseId: row.case_id, by: ctx.actor.userId, at })))
      throw new AppError('conflict', 'This email is no longer held: someone placed or dismissed it.');
    removeWaiting = await dismissHeldMailFiles(db, dir, row.workspace_id, row.id);
    return toView({ ...ctx, db }, { ...row, status: 'dismissed', placed_by: ctx.actor.userId, placed_at: at });
  });
  removeWaiting();
  return view;
}
