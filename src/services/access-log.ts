import type { Resource } from '../domain/permissions.js';
import { insertAccessLog, listAccessLogRows } from '../store/access-log.js';
import { listUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

/** Writes who read which HR record, when and from where. Called inside the read, so no read goes unrecorded. */
export async function recordAccess(
  ctx: ServiceContext,
  entry: { action: 'read' | 'export' | 'erase'; resource: Resource; subjectId: string; subjectLabel: string },
): Promise<void> {
  await insertAccessLog(ctx.db, {
    workspace_id: ctx.actor.workspaceId,
    actor_id: ctx.actor.userId,
    action: entry.action,
    resource: entry.resource,
    subject_id: entry.subjectId,
    subject_label: entry.subjectLabel,
    at: ctx.now.toISOString(),
    ip: ctx.origin?.ip ?? null,
    request_id: ctx.origin?.requestId ?? null,
  });
}

export type AccessLogEntry = {
  id: string;
  at: string;
  actor: { id: string | null; name: string | null };
  action: string;
  resource: string;
  subjectId: string | null;
  subjectLabel: string | null;
  ip: string | null;
  requestId: string | null;
};

/** The access log, newest first, for admins and HR. */
export async function listAccessLog(
  ctx: ServiceContext,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: AccessLogEntry[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'list', 'access_log');
  const limit = query.limit ?? 50;
  const [rows, users] = await Promise.all([
    listAccessLogRows(ctx.db, ctx.actor.workspaceId, limit + 1, query.cursor),
    listUsers(ctx.db, ctx.actor.workspaceId),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_id ? (names.get(r.actor_id) ?? null) : null },
    action: r.action,
    resource: r.resource,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    ip: r.ip,
    requestId: r.request_id,
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
