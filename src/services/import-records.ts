import { notFound } from '../domain/errors.js';
import { findImportRow, listImportRows } from '../store/imports.js';
import type { ImportRow } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { type ImportInput, prepareImport, runImport } from './import-tickets.js';

/** A running import that has written nothing for this long was cut off (the server stopped). */
const STALE_MS = 2 * 60_000;

export type ImportView = ReturnType<typeof toImportView>;

function toImportView(row: ImportRow, now: Date) {
  const stale = row.status === 'running' && now.getTime() - Date.parse(row.updated_at) > STALE_MS;
  return {
    id: row.id,
    source: row.source as ImportInput['source'],
    fileName: row.file_name,
    timeZone: row.time_zone,
    encoding: row.encoding,
    status: (stale ? 'interrupted' : row.status) as 'running' | 'done' | 'failed' | 'interrupted',
    rows: row.total_rows,
    processed: row.processed_rows,
    created: row.created_cases,
    skipped: row.skipped_rows,
    failed: row.failed_rows,
    customersCreated: row.created_customers,
    errors: JSON.parse(row.errors) as { line: number; reason: string }[],
    failure: row.failure,
    startedBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The workspace's imports, newest first (admins). */
export async function listImports(ctx: ServiceContext): Promise<ImportView[]> {
  requirePermission(ctx.actor, 'list', 'import');
  return (await listImportRows(ctx.db, ctx.actor.workspaceId, 50)).map((r) => toImportView(r, ctx.now));
}

/** One import and how far it got (admins), for the page that polls it. */
export async function readImport(ctx: ServiceContext, id: string): Promise<ImportView> {
  requirePermission(ctx.actor, 'read', 'import');
  const row = await findImportRow(ctx.db, ctx.actor.workspaceId, id);
  if (!row) throw notFound('import');
  return toImportView(row, ctx.now);
}

/**
 * Starts an import for the upload page: the file is read and its record written before this returns,
 * so a bad file is refused at once; the rows are then written in the background while the page polls
 * the record. `done` settles when the last batch is in, with the error that stopped it if one did (also
 * kept on the record).
 */
export async function startImport(
  ctx: ServiceContext,
  input: ImportInput,
): Promise<{ view: ImportView; done: Promise<Error | undefined> }> {
  const prepared = await prepareImport(ctx, { ...input, dryRun: false });
  const record = prepared.record as ImportRow;
  const done = runImport(ctx, prepared).then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  return { view: toImportView(record, ctx.now), done };
}
