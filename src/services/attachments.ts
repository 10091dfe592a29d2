import { createHash } from 'node:crypto';
import {
  type AttachmentType,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
  sniffAttachmentType,
  stripJpegMetadata,
} from '../domain/attachment-files.js';
import { AppError, invalid, notFound } from '../domain/errors.js';
import { findAttachment, insertAttachment, listAttachmentRows, readAttachmentBytes, writeAttachmentBytes } from '../store/attachments.js';
import { findStatement } from '../store/cases.js';
import { newId } from '../store/ids.js';
import type { AttachmentRow, CaseRow, Db } from '../store/schema.js';
import { applyCaseChange } from './case-change.js';
import { loadCase, lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

export type AttachmentView = {
  id: string;
  fileName: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  statementId: string | null;
  source: 'upload' | 'email';
  addedBy: string | null;
  addedAt: string;
  /** When the file was erased with the customer's personal data (its bytes are gone, the record stays); null while kept. */
  erasedAt: string | null;
};

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type NewFile = { fileName: string; bytes: Uint8Array };

const toView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type as AttachmentType,
  size: r.size,
  sha256: r.sha256,
  statementId: r.statement_id,
  source: r.source as AttachmentView['source'],
  addedBy: r.added_by,
  addedAt: r.added_at,
  erasedAt: r.erased_at,
});

/**
 * What is kept of a file, or why it is refused: the type from its first bytes (on the allowlist),
 * at most MAX_ATTACHMENT_BYTES, and a photo without its Exif (GPS position, camera) and IPTC data.
 */
export function prepareFile(file: NewFile): { bytes: Uint8Array; type: AttachmentType; fileName: string } {
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', 'Attachments can be at most 10 MB.');
  const type = sniffAttachmentType(file.bytes);
  if (!type) throw invalid('file', 'only photos (JPEG, PNG, GIF, WebP), PDF and plain text can be attached');
  let bytes = file.bytes;
  if (type === 'image/jpeg') {
    try {
      bytes = stripJpegMetadata(file.bytes);
    } catch {
      throw invalid('file', 'this JPEG is damaged, so its location data cannot be removed; please send it again');
    }
  }
  return { bytes, type, fileName: safeFileName(file.fileName, type) };
}

/**
 * Stores files on a case the caller holds locked, each with an `attachment_added` event carrying its
 * SHA-256, so `audit verify` proves which bytes were added. The bytes are written before the row, so
 * a committed row always has its file.
 */
export async function attachFiles(
  db: Db,
  dir: string,
  kase: CaseRow,
  files: ReturnType<typeof prepareFile>[],
  origin: { source: 'upload' | 'email'; actorId: string | null; statementId?: string | null | undefined },
  now: Date,
): Promise<AttachmentRow[]> {
  const at = now.toISOString();
  const rows: AttachmentRow[] = files.map((f) => ({
    id: newId(),
    workspace_id: kase.workspace_id,
    case_id: kase.id,
    statement_id: origin.statementId ?? null,
    file_name: f.fileName,
    content_type: f.type,
    size: f.bytes.length,
    sha256: sha256Of(f.bytes),
    source: origin.source,
    added_by: origin.actorId,
    added_at: at,
    erased_at: null,
  }));
  if (rows.length === 0) return rows;
  for (const [i, row] of rows.entries()) {
    writeAttachmentBytes(dir, row.workspace_id, row.id, files[i]?.bytes ?? new Uint8Array());
    await insertAttachment(db, row);
  }
  await applyCaseChange(
    db,
    kase,
    {},
    rows.map((r) => ({
      kind: 'attachment_added' as const,
      actorId: origin.actorId,
      at,
      data: {
        attachmentId: r.id,
        contentType: r.content_type,
        size: r.size,
        sha256: r.sha256,
        statementId: r.statement_id,
        source: r.source,
      },
    })),
    now,
  );
  return rows;
}

/**
 * Adds a file to a case (optionally to one of its statements), for those who may annotate the case;
 * `bytes` is null when the request carried no file (the case is still checked first, so a caller who
 * may not see it learns nothing).
 */
export function addAttachment(
  ctx: ServiceContext,
  dir: string,
  ref: string,
  file: { fileName: string; bytes: Uint8Array | null; statementId?: string | undefined },
): Promise<AttachmentView> {
  return inTransaction(ctx.db, async (db) => {
    const kase = await lockCase(db, ctx.actor, ref, 'annotate');
    if (!file.bytes) throw invalid('file', 'send the file’s bytes as the body, with Content-Type: application/octet-stream');
    const prepared = prepareFile({ fileName: file.fileName, bytes: file.bytes });
    if (file.statementId) {
      const statement = await findStatement(db, kase.workspace_id, kase.id, file.statementId);
      if (!statement) throw invalid('statementId', 'no such statement on this case');
      // A file on a statement is part of that person's account: only its author adds one.
      const isAuthor =
        statement.taken_by === ctx.actor.userId || (statement.employee_id !== null && statement.employee_id === ctx.actor.employeeId);
      if (!isAuthor) throw new AppError('forbidden', 'Only the person who wrote this statement can attach files to it.');
    }
    const [row] = await attachFiles(
      db,
      dir,
      kase,
      [prepared],
      { source: 'upload', actorId: ctx.actor.userId, statementId: file.statementId },
      ctx.now,
    );
    if (!row) throw new Error('the attachment was not written');
    return toView(row);
  });
}

/** The case's attachments, for those who may read the case. */
export async function listAttachments(ctx: ServiceContext, ref: string): Promise<AttachmentView[]> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  return (await listAttachmentRows(ctx.db, row.workspace_id, row.id)).map(toView);
}

/**
 * One attachment's bytes, checked against the SHA-256 recorded when it was added. An erased file is
 * refused as gone, saying when it was erased, rather than read from a place that is empty.
 */
export async function readAttachment(
  ctx: ServiceContext,
  dir: string,
  ref: string,
  id: string,
): Promise<{ view: AttachmentView; bytes: Buffer }> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const attachment = await findAttachment(ctx.db, row.workspace_id, row.id, id);
  if (!attachment) throw notFound('Attachment');
  if (attachment.erased_at)
    throw new AppError(
      'gone',
      `This file was erased with the customer’s personal data on ${attachment.erased_at.slice(0, 10)} (${attachment.erased_at}); only the record that it was added is kept.`,
    );
  const bytes = readAttachmentBytes(dir, attachment.workspace_id, attachment.id);
  if (sha256Of(bytes) !== attachment.sha256) throw new AppError('conflict', 'This file was changed after it was added; it is not served.');
  return { view: toView(attachment), bytes };
}
