import { assertTransition, type CaseStatus } from '../domain/case-status.js';
import type { CoachResult } from '../domain/coach.js';
import { invalid } from '../domain/errors.js';
import { authorize, type Subject } from '../domain/permissions.js';
import { caseReplyAddress, PLACEHOLDER_REPLY_DOMAIN, replyMessageId } from '../domain/reply-address.js';
import { sha256 } from '../domain/timeline.js';
import type { EventView } from '../presenters/case-presenter.js';
import { toEventView } from '../presenters/case-presenter.js';
import { newId } from '../store/ids.js';
import { queueEmail } from '../store/outbox.js';
import { findCustomer } from '../store/people.js';
import type { CaseRow, Db, SavedReplyRow } from '../store/schema.js';
import { findUser, findWorkspace } from '../store/workspaces.js';
import { forbidden } from './authorization.js';
import { applyCaseChange } from './case-change.js';
import { loadCase } from './case-helpers.js';
import { changeTagsOfRow } from './case-tags.js';
import { transitionCase } from './change-case.js';
import { analyzeForWorkspace } from './coach-instance.js';
import { inTransaction, type ServiceContext } from './context.js';
import { customerReplyEmail } from './emails/reply-emails.js';
import { usableReply } from './saved-replies.js';

export type RecordedReply = { event: EventView; analysis: CoachResult };

/** How a reply reached the customer: by email (the default when we have their address), or said in person / by phone. */
export type ReplyVia = 'email' | 'spoken';

/**
 * Records a reply to the customer on the case timeline, scored by the coach at that moment (like a
 * QA tool's autoscore, but each part carries its reason), and emails it through the outbox when the
 * customer has an address. The score is stored in the event, so reports read what the employee saw,
 * even after the coach improves. Without an address the reply is recorded as said in person or by phone.
 */
export async function recordReply(
  ctx: ServiceContext,
  ref: string,
  input: { body: string; customerMessage?: string | undefined; via?: ReplyVia | undefined; savedReplyId?: string | undefined },
): Promise<RecordedReply> {
  const analysis = await analyzeForWorkspace(ctx, { reply: input.body, customer: input.customerMessage });
  const score = analysis.reply?.score;
  return inTransaction(ctx.db, async (db) => {
    const { row, subject } = await loadCase(db, ctx.actor, ref, 'annotate', true);
    // A saved reply's actions are checked before anything is sent, so a refused action sends nothing.
    const macro = input.savedReplyId ? await usableReply(db, ctx, row, input.savedReplyId) : null;
    const actions = macro ? plannedActions(ctx, row, subject, macro) : null;
    const at = ctx.now.toISOString();
    const delivery = await deliver(ctx, db, row, input);
    const data = {
      body: input.body,
      bodySha256: sha256(input.body),
      ...(input.customerMessage ? { customerMessage: input.customerMessage } : {}),
      score: score ? { total: score.total, parts: Object.fromEntries(Object.entries(score.parts).map(([k, v]) => [k, v.value])) } : null,
      missing: analysis.reply?.missing ?? [],
      problems: (analysis.reply?.problems ?? []).map((p) => p.kind),
      delivery,
      ...(macro ? { savedReply: { id: macro.id, title: macro.title } } : {}),
    };
    const { row: after, appended } = await applyCaseChange(db, row, {}, [{ kind: 'reply', actorId: ctx.actor.userId, at, data }], ctx.now);
    const [event] = appended;
    if (!event) throw new Error('the reply event was not written');
    if (actions && actions.addTags.length > 0) await changeTagsOfRow(ctx, db, after, { add: actions.addTags });
    if (actions?.setStatus) await transitionCase({ ...ctx, db }, ref, { to: actions.setStatus });
    return { event: toEventView(event), analysis };
  });
}

/**
 * What sending a saved reply will also do on this case: its tags (those not on the case yet) and its
 * status move (none when the case is already there). A move the lifecycle does not allow from here,
 * or one the caller may not make, refuses the whole send.
 */
function plannedActions(
  ctx: ServiceContext,
  row: CaseRow,
  subject: Subject,
  macro: SavedReplyRow,
): { addTags: string[]; setStatus: CaseStatus | null } {
  const current = JSON.parse(row.tags) as string[];
  const addTags = (JSON.parse(macro.add_tags) as string[]).filter((t) => !current.includes(t));
  const to = macro.set_status === row.status ? null : (macro.set_status as CaseStatus | null);
  if (addTags.length > 0 && !authorize(ctx.actor, 'update', 'case', subject)) throw forbidden(ctx.actor, 'update', 'case');
  if (to) {
    if (!authorize(ctx.actor, 'transition', 'case', subject)) throw forbidden(ctx.actor, 'transition', 'case');
    assertTransition(row.status as CaseStatus, to);
  }
  return { addTags, setStatus: to };
}

/**
 * Queues the email (in the reply's transaction, so a refused reply sends nothing) and says how the
 * reply went out. The address itself stays on the outbox row: the timeline is read by people who may
 * not see the customer's contact details.
 */
async function deliver(
  ctx: ServiceContext,
  db: Db,
  row: CaseRow,
  input: { body: string; via?: ReplyVia | undefined },
): Promise<{ via: 'email'; messageId: string; replyTo: string; state: 'queued' } | { via: 'spoken' }> {
  const customer = row.customer_id ? await findCustomer(db, row.workspace_id, row.customer_id) : undefined;
  const via = input.via ?? (customer?.email ? 'email' : 'spoken');
  if (via === 'spoken') return { via };
  if (!customer?.email) throw invalid('via', 'the customer has no email address; record the reply as said in person or by phone');
  const domain = ctx.replyDomain ?? PLACEHOLDER_REPLY_DOMAIN;
  const [workspace, sender] = await Promise.all([findWorkspace(db, row.workspace_id), findUser(db, row.workspace_id, ctx.actor.userId)]);
  const mail = customerReplyEmail({
    caseRef: row.ref,
    body: input.body,
    senderName: sender?.name ?? 'Customer care',
    businessName: workspace?.name ?? 'us',
  });
  const messageId = replyMessageId(newId(), domain);
  const replyTo = caseReplyAddress(row.ref, domain);
  await queueEmail(
    db,
    { workspaceId: row.workspace_id, kind: 'case_reply', to: customer.email, ...mail, caseId: row.id, messageId, replyTo },
    ctx.now,
  );
  return { via, messageId, replyTo, state: 'queued' };
}
