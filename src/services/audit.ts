import type { SignedCheckpoint } from '../domain/audit-log.js';
import { AppError } from '../domain/errors.js';
import { latestCheckpoint } from '../store/audit.js';
import { toSigned } from './audit-checkpoints.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { type RecordReport, verifyRecord } from './verify-record.js';

/** The workspace's newest signed checkpoint, for a webhook or cron job to keep a copy elsewhere. */
export async function latestSignedCheckpoint(ctx: ServiceContext): Promise<SignedCheckpoint> {
  requirePermission(ctx.actor, 'read', 'audit');
  const row = await latestCheckpoint(ctx.db, ctx.actor.workspaceId);
  if (!row) throw new AppError('not_found', 'No checkpoint has been signed yet; the signing job makes one within the hour');
  return toSigned(row);
}

/** Verifies the caller's workspace's whole record, optionally against checkpoint copies kept elsewhere. */
export function verifyWorkspaceRecord(ctx: ServiceContext, external: SignedCheckpoint[] = []): Promise<RecordReport> {
  requirePermission(ctx.actor, 'read', 'audit');
  return verifyRecord(ctx.db, ctx.actor.workspaceId, external);
}
