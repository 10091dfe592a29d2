import { automaticMailReason, slugOfIntakeAddress } from '../domain/automatic-mail.js';
import type { InboundMail } from '../domain/inbound-mail.js';
import { caseRefOfReplyAddress, PLACEHOLDER_REPLY_DOMAIN } from '../domain/reply-address.js';
import { newTextOfReply } from '../domain/reply-text.js';
import { findCaseById, lockCaseById } from '../store/cases.js';
import { findCustomerByEmail } from '../store/customer-emails.js';
import { newId } from '../store/ids.js';
import { casesWithRefInAnyWorkspace, hasInboundEmail, insertInboundEmail } from '../store/inbound-emails.js';
import { findEmailByMessageId } from '../store/outbox.js';
import type { CaseRow, Db, InboundEmailRow } from '../store/schema.js';
import { findWorkspaceBySlug } from '../store/workspaces.js';
import type { MailLinks } from './acknowledgement.js';
import { inTransaction } from './context.js';
import { recordCustomerMessage } from './customer-messages.js';
import { attachMailFiles, holdMailFiles } from './email-files.js';
import { openCustomerCase } from './open-customer-case.js';

export type ReceiveOptions = MailLinks & {
  /** The workspace that new mail opens cases in when it names no intake address (a polled mailbox's). */
  defaultWorkspaceSlug?: string | undefined;
  /** Where the files mail carries are kept (DEFUSE_ATTACHMENTS_DIR), as uploads are. */
  attachmentsDir: string;
};

export type ReceiveOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'duplicate' }
  | { kind: 'placed'; caseRef: string }
  | { kind: 'held'; caseRef: string | null; reason: string }
  | { kind: 'opened'; caseRef: string }
  | { kind: 'unmatched' };

const MAX_BODY = 20_000;

/**
 * Files one inbound email. Automatic mail (autoresponders, lists, bounces) is dropped unanswered.
 * Otherwise the case it answers is found by the Message-IDs it replies to (mail we sent), else by
 * a per-case reply address among its recipients — never by its subject. From that case's customer
 * it becomes a customer message; from anyone else it is held for a person to place. Mail that
 * answers no case but was sent to an intake address (or arrived in a workspace's polled mailbox)
 * opens a new case, acknowledged within the sender's hourly cap. Each message is filed once.
 */
export async function receiveEmail(db: Db, mail: InboundMail, now: Date, options: ReceiveOptions): Promise<ReceiveOutcome> {
  const from = mail.from?.address.trim().toLowerCase() ?? '';
  if (!from.includes('@')) return { kind: 'ignored', reason: 'no sender address' };
  const automatic = automaticMailReason(mail.headers, from);
  if (automatic) return { kind: 'ignored', reason: automatic };
  const domain = options.replyDomain ?? PLACEHOLDER_REPLY_DOMAIN;
  const text = newTextOfReply(mail.text).slice(0, MAX_BODY);
  return inTransaction(db, async (trx) => {
    const target = await caseAnswered(trx, mail, from, domain);
    if (target) return fileOnCase(trx, options.attachmentsDir, target, mail, from, text, now);
    const slug = mail.recipients.map((r) => slugOfIntakeAddress(r, domain)).find((s) => s !== null) ?? options.defaultWorkspaceSlug;
    const workspace = slug ? await findWorkspaceBySlug(trx, slug) : undefined;
    if (!workspace) return { kind: 'unmatched' };
    if (mail.messageId && (await hasInboundEmail(trx, workspace.id, mail.messageId))) return { kind: 'duplicate' };
    const story = text || mail.subject.trim() || '(no text)';
    const opened = await openCustomerCase(
      trx,
      workspace,
      { channel: 'email', name: mail.from?.name?.trim() || (from.split('@')[0] ?? from), email: from, story },
      now,
      options,
    );
    const row = inboundRow(workspace.id, mail, from, text, now, {
      status: 'opened',
      reason: 'sent to the intake address',
      caseId: opened.kase.id,
    });
    await insertInboundEmail(trx, row);
    await attachMailFiles(trx, options.attachmentsDir, await relock(trx, opened.kase), row.id, mail.files, now);
    return { kind: 'opened', caseRef: opened.kase.ref };
  });
}

/** The case a mail answers: by the mail of ours it replies to, else by a reply address it was sent to. */
async function caseAnswered(db: Db, mail: InboundMail, from: string, domain: string): Promise<CaseRow | undefined> {
  for (const id of mail.inReplyTo) {
    const sent = await findEmailByMessageId(db, id);
    if (sent?.case_id && sent.workspace_id) return findCaseById(db, sent.workspace_id, sent.case_id);
  }
  const ref = mail.recipients.map((r) => caseRefOfReplyAddress(r, domain)).find((r) => r !== null);
  if (!ref) return undefined;
  const candidates = await casesWithRefInAnyWorkspace(db, ref);
  if (candidates.length <= 1) return candidates[0];
  for (const kase of candidates) {
    const customer = await findCustomerByEmail(db, kase.workspace_id, from);
    if (customer && customer.id === kase.customer_id) return kase;
  }
  return undefined;
}

/** The case as it is now, locked: earlier writes in this transaction moved its chain head. */
const relock = async (db: Db, kase: CaseRow): Promise<CaseRow> => (await lockCaseById(db, kase.workspace_id, kase.id)) ?? kase;

async function fileOnCase(
  db: Db,
  attachmentsDir: string,
  target: CaseRow,
  mail: InboundMail,
  from: string,
  text: string,
  now: Date,
): Promise<ReceiveOutcome> {
  const ws = target.workspace_id;
  if (mail.messageId && (await hasInboundEmail(db, ws, mail.messageId))) return { kind: 'duplicate' };
  let kase = (await lockCaseById(db, ws, target.id)) ?? target;
  // An answer to a duplicate that was merged goes on the case kept, where its work goes on.
  for (let hop = 0; kase.merged_into_id !== null && hop < 5; hop++) kase = (await lockCaseById(db, ws, kase.merged_into_id)) ?? kase;
  const customer = await findCustomerByEmail(db, ws, from);
  if (!customer || customer.id !== kase.customer_id) {
    const reason = 'The sender is not this case’s customer';
    const held = inboundRow(ws, mail, from, text, now, { status: 'held', reason, caseId: kase.id });
    await insertInboundEmail(db, held);
    await holdMailFiles(db, attachmentsDir, ws, held.id, mail.files);
    return { kind: 'held', caseRef: kase.ref, reason };
  }
  const row = inboundRow(ws, mail, from, text, now, { status: 'placed', reason: 'from the case’s customer', caseId: kase.id });
  await insertInboundEmail(db, row);
  await recordCustomerMessage(db, kase, { via: 'email', body: text || mail.subject, inboundEmailId: row.id }, now);
  await attachMailFiles(db, attachmentsDir, await relock(db, kase), row.id, mail.files, now);
  return { kind: 'placed', caseRef: kase.ref };
}

function inboundRow(
  workspaceId: string,
  mail: InboundMail,
  from: string,
  text: string,
  now: Date,
  filed: { status: string; reason: string; caseId: string | null },
): InboundEmailRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    message_id: mail.messageId,
    from_address: from,
    from_name: mail.from?.name ?? null,
    subject: mail.subject.slice(0, 500),
    text_body: text,
    received_at: now.toISOString(),
    status: filed.status,
    reason: filed.reason,
    case_id: filed.caseId,
    placed_by: null,
    placed_at: null,
  };
}
