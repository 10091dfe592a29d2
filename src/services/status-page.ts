import { randomBytes } from 'node:crypto';
import type { CaseStatus } from '../domain/case-status.js';
import { authorize } from '../domain/permissions.js';
import { STATUS_FOR_CUSTOMERS, type StatusLinkState, statusLinkState } from '../domain/status-page.js';
import { sha256 } from '../domain/timeline.js';
import { findCaseById, lockCaseById } from '../store/cases.js';
import { listCommitmentRows } from '../store/commitments.js';
import { listCustomerMessages } from '../store/customer-messages.js';
import type { CaseRow, CustomerMessageRow, Db } from '../store/schema.js';
import { activeStatusLinks, findStatusLinkByHash, insertStatusLink, revokeStatusLinks } from '../store/status-links.js';
import { findWorkspace } from '../store/workspaces.js';
import { forbidden } from './authorization.js';
import { commitChange } from './case-change.js';
import { loadCase, lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { type CustomerMessageVia, recordCustomerMessage } from './customer-messages.js';
import { type MailFileView, mailFilesOf } from './email-files.js';

/** What the customer sees on their status page: the case in plain words, our promises, what they added. */
export type StatusPageView = {
  business: string;
  caseRef: string;
  reportedAt: string;
  status: { title: string; text: string };
  promises: { text: string; dueAt: string; state: 'open' | 'kept' | 'broken' | 'cancelled' }[];
  messages: { via: string; body: string; receivedAt: string }[];
};

export type StatusPageState = StatusLinkState | 'unknown';

/** Creates a private status link for a case and returns its token (kept only as a hash). */
export async function issueStatusLink(db: Db, kase: Pick<CaseRow, 'id' | 'workspace_id'>, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertStatusLink(db, { workspaceId: kase.workspace_id, caseId: kase.id, tokenHash: sha256(token) }, now);
  return token;
}

/** When the case was closed, if it is closed now: the time of the status change that closed it. */
async function closedAtOf(db: Db, kase: CaseRow): Promise<string | null> {
  if (kase.status !== 'closed') return null;
  const closing = await db
    .selectFrom('case_events')
    .select('at')
    .where('workspace_id', '=', kase.workspace_id)
    .where('case_id', '=', kase.id)
    .where('kind', '=', 'status_changed')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return closing?.at ?? kase.updated_at;
}

/** The case a token opens, and whether the link still works. */
async function caseOfToken(
  db: Db,
  token: string,
  now: Date,
  days: number,
  lock: boolean,
): Promise<{ state: StatusPageState; kase?: CaseRow }> {
  const link = token.length >= 20 && token.length <= 100 ? await findStatusLinkByHash(db, sha256(token)) : undefined;
  if (!link) return { state: 'unknown' };
  const kase = lock ? await lockCaseById(db, link.workspace_id, link.case_id) : await findCaseById(db, link.workspace_id, link.case_id);
  if (!kase) return { state: 'unknown' };
  return { state: statusLinkState({ revokedAt: link.revoked_at }, await closedAtOf(db, kase), now, days), kase };
}

const toMessage = (m: CustomerMessageRow) => ({ via: m.via, body: m.body, receivedAt: m.received_at });

/**
 * The status page behind a token, or why there is none. It shows only what is the customer's to
 * know: the status in plain words, the promises made to them and what they wrote; never notes,
 * statements or staff names.
 */
export async function readStatusPage(
  db: Db,
  token: string,
  now: Date,
  days: number,
): Promise<{ state: 'open'; view: StatusPageView } | { state: Exclude<StatusPageState, 'open'> }> {
  const { state, kase } = await caseOfToken(db, token, now, days, false);
  if (state !== 'open' || !kase) return { state: state === 'open' ? 'unknown' : state };
  const [workspace, commitments, messages] = await Promise.all([
    findWorkspace(db, kase.workspace_id),
    listCommitmentRows(db, kase.workspace_id, kase.id),
    listCustomerMessages(db, kase.workspace_id, kase.id),
  ]);
  return {
    state: 'open',
    view: {
      business: workspace?.name ?? '',
      caseRef: kase.ref,
      reportedAt: kase.reported_at,
      status: STATUS_FOR_CUSTOMERS[kase.status as CaseStatus],
      promises: commitments.map((c) => ({ text: c.text, dueAt: c.due_at, state: c.status as StatusPageView['promises'][number]['state'] })),
      messages: messages.map(toMessage),
    },
  };
}

/** Adds what the customer wrote on their status page to the case, as a customer message. */
export function addStatusPageMessage(db: Db, token: string, body: string, now: Date, days: number): Promise<StatusPageState> {
  return inTransaction(db, async (trx) => {
    const { state, kase } = await caseOfToken(trx, token, now, days, true);
    if (state !== 'open' || !kase) return state;
    await recordCustomerMessage(trx, kase, { via: 'web', body }, now);
    return 'open';
  });
}

/** Whether the case's customer has a working status link, for staff. */
export async function statusLinkOf(ctx: ServiceContext, ref: string): Promise<{ active: boolean; createdAt: string | null }> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const [link] = await activeStatusLinks(ctx.db, row.workspace_id, row.id);
  return { active: link !== undefined, createdAt: link?.created_at ?? null };
}

/**
 * Stops the customer's status links from working (a forwarded mail, a link in the wrong hands); the
 * timeline says who did it. Revoking when none works changes nothing.
 */
export function revokeStatusLink(ctx: ServiceContext, ref: string): Promise<{ revoked: number }> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    const revoked = await revokeStatusLinks(db, row.workspace_id, row.id, ctx.actor.userId, ctx.now);
    if (revoked > 0)
      await commitChange(ctx, db, row, {}, [
        { kind: 'status_link_revoked', actorId: ctx.actor.userId, at: ctx.now.toISOString(), data: { links: revoked } },
      ]);
    return { revoked };
  });
}

/** What the customer wrote to a case after reporting it, for those who may read the customer's statement. */
export async function listCaseMessages(
  ctx: ServiceContext,
  ref: string,
): Promise<{ id: string; via: CustomerMessageVia; body: string; receivedAt: string; files: MailFileView[] }[]> {
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  if (!authorize(ctx.actor, 'read', 'statement', subject)) throw forbidden(ctx.actor, 'read', 'statement');
  const messages = await listCustomerMessages(ctx.db, row.workspace_id, row.id);
  const emailIds = messages.flatMap((m) => (m.inbound_email_id ? [m.inbound_email_id] : []));
  const files = await mailFilesOf(ctx.db, row.workspace_id, emailIds);
  return messages.map((m) => ({
    id: m.id,
    ...toMessage(m),
    via: m.via as CustomerMessageVia,
    files: (m.inbound_email_id && files.get(m.inbound_email_id)) || [],
  }));
}
