import { addMonths } from '../domain/data-rights.js';
import { AppError, invalid } from '../domain/errors.js';
import { hasAttachmentBytes } from '../store/attachments.js';
import { customersForRetention, findRetention, saveRetention, workspacesWithRetention } from '../store/data-rights.js';
import { listErasedFiles } from '../store/erasure.js';
import type { Db } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { eraseCustomerRecord, eraseThenRemoveFiles, holdsOverCustomer, removeBytes } from './erase-customer.js';
import { sweepInBatches } from './sweep-pacer.js';

export type RetentionView = { customerMonths: number | null; updatedAt: string | null };

/** The longest rule we accept: ten years covers every limitation period we know of. */
export const MAX_RETENTION_MONTHS = 120;

export async function getRetention(ctx: ServiceContext): Promise<RetentionView> {
  requirePermission(ctx.actor, 'read', 'retention');
  const row = await findRetention(ctx.db, ctx.actor.workspaceId);
  return { customerMonths: row?.customer_months ?? null, updatedAt: row?.updated_at ?? null };
}

/** Sets (or, with null, turns off) how many months after a customer's last case closed their personal data is erased. */
export async function setRetention(ctx: ServiceContext, customerMonths: number | null): Promise<RetentionView> {
  requirePermission(ctx.actor, 'update', 'retention');
  if (customerMonths !== null && (!Number.isInteger(customerMonths) || customerMonths < 1 || customerMonths > MAX_RETENTION_MONTHS))
    throw invalid('customerMonths', `must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, or null for never`);
  const at = ctx.now.toISOString();
  await saveRetention(ctx.db, {
    workspace_id: ctx.actor.workspaceId,
    customer_months: customerMonths,
    updated_by: ctx.actor.userId,
    updated_at: at,
  });
  return { customerMonths, updatedAt: at };
}

export type RetentionRun = { erased: number; held: number; leftoverFilesRemoved: number };

/**
 * The retention job: in every workspace with a rule, erases each customer whose cases are all closed
 * and untouched for that many months, acting as the system. A held customer is skipped (and counted)
 * until the hold is released; each erasure is its own transaction, so one refusal stops no other.
 * It also removes the bytes of erased files that an earlier erasure could not remove.
 * The customers are walked 50 at a time by id (sweepInBatches), the event loop given a turn after
 * each batch and each customer, so a large workspace never holds the database for the whole pass.
 */
export async function applyRetention(db: Db, dir: string, now: Date, options: { batch?: number } = {}): Promise<RetentionRun> {
  const leftover = (await listErasedFiles(db)).filter((f) => hasAttachmentBytes(dir, f.workspaceId, f.id));
  const run: RetentionRun = { erased: 0, held: 0, leftoverFilesRemoved: leftover.length - removeBytes(dir, leftover) };
  for (const w of await workspacesWithRetention(db)) {
    const before = addMonths(now, -(w.customer_months as number)).toISOString();
    await sweepInBatches({
      read: (after: string | undefined, limit) => customersForRetention(db, w.workspace_id, before, after, limit),
      keyOf: (c) => c.id,
      handle: async ({ id, due }) => {
        if (!due) return;
        if ((await holdsOverCustomer(db, w.workspace_id, id)).length > 0) {
          run.held++;
          return;
        }
        try {
          await eraseThenRemoveFiles(db, dir, (trx) => eraseCustomerRecord(trx, w.workspace_id, id, { actorId: null, now }));
          run.erased++;
        } catch (e) {
          // A hold placed between the check and the erasure refuses it; the next run tries again.
          if (e instanceof AppError && e.code === 'conflict') run.held++;
          else throw e;
        }
      },
      batch: options.batch,
    });
  }
  return run;
}
