import { lockCaseById } from '../store/cases.js';
import {
  type CommitmentSweepKey,
  claimCommitmentStep,
  commitmentsToEscalate,
  commitmentsToRemind,
  updateCommitment,
} from '../store/commitments.js';
import type { CommitmentRow, Db } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { recordSystemChange } from './case-change.js';
import { inTransaction } from './context.js';
import { sweepInBatches } from './sweep-pacer.js';

/**
 * The time-driven part of commitments (run by a recurring job; the system acts, no user): marks the
 * reminder once its time has come, and the escalation to the team's supervisors once a promise is
 * past due (the notifications processor tells the people). Each happens exactly once per commitment: the reminded_at / escalated_at columns are set
 * in the same transaction, and the update only applies while they are still empty.
 */
export async function sweepCommitments(
  db: Db,
  now: Date,
  options: { batch?: number } = {},
): Promise<{ reminded: number; escalated: number }> {
  let reminded = 0;
  let escalated = 0;
  await sweepInBatches({
    read: (after: CommitmentSweepKey | undefined, limit) => commitmentsToRemind(db, now, limit, after),
    keyOf: (c) => ({ at: c.remind_at, id: c.id }),
    handle: async (c) => {
      if (await remind(db, c, now)) reminded += 1;
    },
    batch: options.batch,
  });
  await sweepInBatches({
    read: (after: CommitmentSweepKey | undefined, limit) => commitmentsToEscalate(db, now, limit, after),
    keyOf: (c) => ({ at: c.due_at, id: c.id }),
    handle: async (c) => {
      if (await escalate(db, c, now)) escalated += 1;
    },
    batch: options.batch,
  });
  return { reminded, escalated };
}

function remind(db: Db, c: CommitmentRow, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    // The case first, then the promise: the order every change to a case takes, so no deadlock.
    await lockCaseById(trx, c.workspace_id, c.case_id);
    if (!(await claimCommitmentStep(trx, c.id, 'reminded_at', now))) return false;
    await recordSystemChange(
      trx,
      c.workspace_id,
      c.case_id,
      {},
      () => [
        { kind: 'commitment_reminded', actorId: null, at: now.toISOString(), data: { id: c.id, ownerId: c.owner_id, dueAt: c.due_at } },
      ],
      now,
    );
    return true;
  });
}

function escalate(db: Db, c: CommitmentRow, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const locked = await lockCaseById(trx, c.workspace_id, c.case_id);
    if (!(await claimCommitmentStep(trx, c.id, 'escalated_at', now))) return false;
    const supervisors = await supervisorsOf(trx, c.workspace_id, locked?.team_id ?? null);
    const to = supervisors[0]?.id ?? null;
    await updateCommitment(trx, c.id, { escalated_to: to });
    await recordSystemChange(
      trx,
      c.workspace_id,
      c.case_id,
      {},
      () => [
        {
          kind: 'commitment_escalated',
          actorId: null,
          at: now.toISOString(),
          data: { id: c.id, ownerId: c.owner_id, dueAt: c.due_at, to },
        },
      ],
      now,
    );
    return true;
  });
}
