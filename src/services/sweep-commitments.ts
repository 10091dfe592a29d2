import { lockCaseById } from '../store/cases.js';
import { claimCommitmentStep, commitmentsToEscalate, commitmentsToRemind, updateCommitment } from '../store/commitments.js';
import type { CommitmentRow, Db } from '../store/schema.js';
import { supervisorsOf } from '../store/users.js';
import { findUser, findWorkspace } from '../store/workspaces.js';
import { inTransaction } from './context.js';
import { commitmentEscalationEmail, commitmentReminderEmail } from './emails/commitment-emails.js';
import { notifyPeople } from './notifications.js';
import { caseUrl, recordSystemChange } from './system-change.js';

/**
 * The time-driven part of commitments (run by a recurring job; the system acts, no user): reminds the
 * owner once the reminder time has come, and escalates to the team's supervisors once a promise is
 * past due. Each happens exactly once per commitment: the reminded_at / escalated_at columns are set
 * in the same transaction, and the update only applies while they are still empty.
 */
export async function sweepCommitments(db: Db, now: Date, publicUrl?: string): Promise<{ reminded: number; escalated: number }> {
  let reminded = 0;
  let escalated = 0;
  for (const c of await commitmentsToRemind(db, now)) if (await remind(db, c, now, publicUrl)) reminded += 1;
  for (const c of await commitmentsToEscalate(db, now)) if (await escalate(db, c, now, publicUrl)) escalated += 1;
  return { reminded, escalated };
}

function remind(db: Db, c: CommitmentRow, now: Date, publicUrl: string | undefined): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    // The case first, then the promise: the order every change to a case takes, so no deadlock.
    await lockCaseById(trx, c.workspace_id, c.case_id);
    if (!(await claimCommitmentStep(trx, c.id, 'reminded_at', now))) return false;
    const kase = await recordSystemChange(
      trx,
      c.workspace_id,
      c.case_id,
      {},
      () => [
        { kind: 'commitment_reminded', actorId: null, at: now.toISOString(), data: { id: c.id, ownerId: c.owner_id, dueAt: c.due_at } },
      ],
      now,
    );
    const owner = await findUser(trx, c.workspace_id, c.owner_id);
    if (owner && owner.deactivated_at === null) {
      const timeZone = (await findWorkspace(trx, c.workspace_id))?.time_zone ?? 'UTC';
      const email = commitmentReminderEmail({
        text: c.text,
        dueAt: c.due_at,
        caseRef: kase.ref,
        caseUrl: caseUrl(publicUrl, kase.ref),
        timeZone,
      });
      await notifyPeople(
        trx,
        [owner],
        { kind: 'commitment_due', caseId: c.case_id, title: `A promise on ${kase.ref} is due soon`, body: c.text },
        now,
        email,
      );
    }
    return true;
  });
}

function escalate(db: Db, c: CommitmentRow, now: Date, publicUrl: string | undefined): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const locked = await lockCaseById(trx, c.workspace_id, c.case_id);
    if (!(await claimCommitmentStep(trx, c.id, 'escalated_at', now))) return false;
    const supervisors = await supervisorsOf(trx, c.workspace_id, locked?.team_id ?? null);
    const to = supervisors[0]?.id ?? null;
    await updateCommitment(trx, c.id, { escalated_to: to });
    const kase = await recordSystemChange(
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
    const owner = await findUser(trx, c.workspace_id, c.owner_id);
    const email = commitmentEscalationEmail({
      text: c.text,
      dueAt: c.due_at,
      caseRef: kase.ref,
      caseUrl: caseUrl(publicUrl, kase.ref),
      ownerName: owner?.name ?? 'Someone',
      timeZone: (await findWorkspace(trx, c.workspace_id))?.time_zone ?? 'UTC',
    });
    await notifyPeople(
      trx,
      supervisors,
      { kind: 'commitment_overdue', caseId: c.case_id, title: `Overdue promise on ${kase.ref}`, body: c.text },
      now,
      email,
    );
    return true;
  });
}
