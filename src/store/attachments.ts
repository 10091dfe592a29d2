import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentRow, Db } from './schema.js';

/**
 * Where an attachment's bytes are: `<dir>/<workspace>/<id>`, no extension and owner-only, so nothing
 * serves or runs them but the download route, which sends them as an attachment of a safe type.
 */
const pathOf = (dir: string, workspaceId: string, id: string) => join(dir, workspaceId, id);

export function writeAttachmentBytes(dir: string, workspaceId: string, id: string, bytes: Uint8Array): void {
  mkdirSync(join(dir, workspaceId), { recursive: true, mode: 0o700 });
  writeFileSync(pathOf(dir, workspaceId, id), bytes, { mode: 0o600, flag: 'wx' });
}

export function readAttachmentBytes(dir: string, workspaceId: string, id: string): Buffer {
  return readFileSync(pathOf(dir, workspaceId, id));
}

/** Whether an attachment's (or a held mail's file's) bytes are still on disk. */
export function hasAttachmentBytes(dir: string, workspaceId: string, id: string): boolean {
  return existsSync(pathOf(dir, workspaceId, id));
}

/** Removes stored bytes (a held mail's file once it is on a case, or dismissed); a file already gone is fine. */
export function deleteAttachmentBytes(dir: string, workspaceId: string, id: string): void {
  rmSync(pathOf(dir, workspaceId, id), { force: true });
}

export async function insertAttachment(db: Db, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export function listAttachmentRows(db: Db, workspaceId: string, caseId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Db, workspaceId: string, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}
