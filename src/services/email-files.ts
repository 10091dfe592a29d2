import { createHash } from 'node:crypto';
import { type AttachmentType, safeFileName } from '../domain/attachment-files.js';
import { AppError } from '../domain/errors.js';
import type { InboundFile } from '../domain/inbound-mail.js';
import { deleteAttachmentBytes, readAttachmentBytes, writeAttachmentBytes } from '../store/attachments.js';
import { newId } from '../store/ids.js';
import {
  forgetInboundFiles,
  insertInboundEmailFiles,
  listInboundEmailFiles,
  markInboundFileAttached,
} from '../store/inbound-email-files.js';
import type { CaseRow, Db, InboundEmailFileRow } from '../store/schema.js';
import { attachFiles, prepareFile } from './attachments.js';

/** How many files of one email are kept; the rest are listed as refused. */
export const MAX_FILES_PER_EMAIL = 20;

/** A file an email carried, as staff see it beside the mail or the customer's message. */
export type MailFileView = {
  id: string;
  fileName: string;
  contentType: AttachmentType | null;
  size: number;
  /** The attachment it became on the case; null while the mail is held, or when it was not kept. */
  attachmentId: string | null;
  /** Why it was not kept (a type we do not take, too large, too many files), or null. */
  refused: string | null;
  /** When it was erased with the customer's personal data; null while kept (or never kept). */
  erasedAt: string | null;
};

type Prepared = ReturnType<typeof prepareFile>;
type Sorted = { row: InboundEmailFileRow; prepared: Prepared | null };

/** Each file checked as an upload is (type from its bytes, size, photo metadata removed), or refused with the reason. */
function sortFiles(workspaceId: string, emailId: string, files: readonly InboundFile[]): Sorted[] {
  return files.map((file, position) => {
    let prepared: Prepared | null = null;
    let refused: string | null = null;
    if (position >= MAX_FILES_PER_EMAIL) refused = `only the first ${MAX_FILES_PER_EMAIL} files of an email are kept`;
    else
      try {
        prepared = prepareFile(file);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused = error.errors?.[0]?.message ?? error.detail;
      }
    const row: InboundEmailFileRow = {
      id: newId(),
      workspace_id: workspaceId,
      inbound_email_id: emailId,
      position,
      file_name: prepared?.fileName ?? (file.fileName.trim() ? safeFileName(file.fileName, 'text/plain') : '(a file without a name)'),
      content_type: prepared?.type ?? null,
      size: prepared?.bytes.length ?? file.bytes.length,
      sha256: null,
      refused,
      attachment_id: null,
      erased_at: null,
    };
    return { row, prepared };
  });
}

/**
 * Puts a received email's files on the case it was filed on (held locked by the caller), each an
 * attachment from `email` with its `attachment_added` event, and records every file, refused ones
 * with their reason.
 */
export async function attachMailFiles(
  db: Db,
  dir: string,
  kase: CaseRow,
  emailId: string,
  files: readonly InboundFile[],
  now: Date,
): Promise<void> {
  const sorted = sortFiles(kase.workspace_id, emailId, files);
  const kept = sorted.filter((s): s is { row: InboundEmailFileRow; prepared: Prepared } => s.prepared !== null);
  const attachments = await attachFiles(
    db,
    dir,
    kase,
    kept.map((s) => s.prepared),
    { source: 'email', actorId: null },
    now,
  );
  kept.forEach((s, i) => {
    s.row.attachment_id = attachments[i]?.id ?? null;
    s.row.sha256 = attachments[i]?.sha256 ?? null;
  });
  await insertInboundEmailFiles(
    db,
    sorted.map((s) => s.row),
  );
}

/** Keeps a held email's files until a person places or dismisses it: their bytes wait under each row's id. */
export async function holdMailFiles(
  db: Db,
  dir: string,
  workspaceId: string,
  emailId: string,
  files: readonly InboundFile[],
): Promise<void> {
  const sorted = sortFiles(workspaceId, emailId, files);
  for (const s of sorted) {
    if (!s.prepared) continue;
    writeAttachmentBytes(dir, workspaceId, s.row.id, s.prepared.bytes);
    s.row.sha256 = createHash('sha256').update(s.prepared.bytes).digest('hex');
  }
  await insertInboundEmailFiles(
    db,
    sorted.map((s) => s.row),
  );
}

/**
 * Moves a held email's waiting files onto the case it is placed on (held locked by the caller).
 * Returns a function that removes the waiting copies, for the caller to run once the change committed.
 */
export async function placeHeldMailFiles(db: Db, dir: string, kase: CaseRow, emailId: string, now: Date): Promise<() => void> {
  // A file erased with the customer's personal data has no bytes left to place.
  const waiting = (await listInboundEmailFiles(db, kase.workspace_id, [emailId])).filter(
    (f) => f.refused === null && !f.attachment_id && !f.erased_at,
  );
  const prepared = waiting.map((f) => ({
    bytes: readAttachmentBytes(dir, f.workspace_id, f.id),
    type: f.content_type as AttachmentType,
    fileName: f.file_name,
  }));
  const attachments = await attachFiles(db, dir, kase, prepared, { source: 'email', actorId: null }, now);
  for (const [i, f] of waiting.entries()) {
    const attachment = attachments[i];
    if (attachment) await markInboundFileAttached(db, f.workspace_id, f.id, attachment.id);
  }
  return () => {
    for (const f of waiting) deleteAttachmentBytes(dir, f.workspace_id, f.id);
  };
}

/**
 * Forgets a dismissed email's waiting files (the mail was about no case, so its files have no
 * reason to be kept). Returns the removal of their bytes, for the caller to run after the commit.
 */
export async function dismissHeldMailFiles(db: Db, dir: string, workspaceId: string, emailId: string): Promise<() => void> {
  const waiting = (await listInboundEmailFiles(db, workspaceId, [emailId])).filter((f) => f.refused === null && !f.attachment_id);
  await forgetInboundFiles(db, workspaceId, emailId);
  return () => {
    for (const f of waiting) deleteAttachmentBytes(dir, workspaceId, f.id);
  };
}

/** The files of these received emails, by email id. */
export async function mailFilesOf(db: Db, workspaceId: string, emailIds: readonly string[]): Promise<Map<string, MailFileView[]>> {
  const byEmail = new Map<string, MailFileView[]>();
  for (const f of await listInboundEmailFiles(db, workspaceId, emailIds)) {
    const list = byEmail.get(f.inbound_email_id) ?? [];
    list.push({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type as AttachmentType | null,
      size: f.size,
      attachmentId: f.attachment_id,
      refused: f.refused,
      erasedAt: f.erased_at,
    });
    byEmail.set(f.inbound_email_id, list);
  }
  return byEmail;
}
