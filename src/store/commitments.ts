import { sql } from 'kysely';
import type { CommitmentRow, Db } from './schema.js';

export async function insertCommitment(db: Db, row: CommitmentRow): Promise<void> {
  await db.insertInto('commitments').values(row).execute();
}

export function listCommitmentRows(db: Db, workspaceId: string, caseId: string): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

export function findCommitment(db: Db, workspaceId: string, caseId: string, id: string): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateCommitment(db: Db, id: string, patch: Partial<CommitmentRow>): Promise<void> {
  await db.updateTable('commitments').set(patch).where('id', '=', id).execute();
}

/** Where a sweep over commitments got to: the time it walks by, then the id. */
export type CommitmentSweepKey = { at: string; id: string };

/**
 * Open commitments, across workspaces, whose reminder time has come and that were not reminded yet,
 * by reminder time then id, after `after` (a sweep's batches).
 */
export function commitmentsToRemind(db: Db, now: Date, limit: number, after?: CommitmentSweepKey): Promise<CommitmentRow[]> {
  return (
    db
      .selectFrom('commitments')
      .selectAll()
      // A literal, so SQLite matches the partial index commitments_to_remind.
      .where('status', '=', sql.lit('open'))
      .where('remind_at', '<=', now.toISOString())
      .where('reminded_at', 'is', null)
      .$if(after !== undefined, (q) =>
        q.where((eb) =>
          eb(eb.refTuple('remind_at', 'id'), '>', eb.tuple((after as CommitmentSweepKey).at, (after as CommitmentSweepKey).id)),
        ),
      )
      .orderBy('remind_at')
      .orderBy('id')
      .limit(limit)
      .execute()
  );
}

/** Open commitments, across workspaces, past due and not escalated yet, by due time then id, after `after`. */
export function commitmentsToEscalate(db: Db, now: Date, limit: number, after?: CommitmentSweepKey): Promise<CommitmentRow[]> {
  return (
    db
      .selectFrom('commitments')
      .selectAll()
      // A literal, so SQLite matches the partial index commitments_to_escalate.
      .where('status', '=', sql.lit('open'))
      .where('due_at', '<', now.toISOString())
      .where('escalated_at', 'is', null)
      .$if(after !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple('due_at', 'id'), '>', eb.tuple((after as CommitmentSweepKey).at, (after as CommitmentSweepKey).id))),
      )
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute()
  );
}

export type CommitmentReportRow = Pick<CommitmentRow, 'owner_id' | 'status' | 'due_at' | 'closed_at'> & {
  owner_name: string;
  team_id: string | null;
  team_name: string | null;
};

/** Commitments made since a time, with their owner and the team of their case; optionally only some teams' cases or one owner's. */
export function commitmentReportRows(
  db: Db,
  workspaceId: string,
  since: string,
  scope?: { teamIds: readonly string[]; ownerId: string },
): Promise<CommitmentReportRow[]> {
  return db
    .selectFrom('commitments')
    .innerJoin('cases', 'cases.id', 'commitments.case_id')
    .innerJoin('users', 'users.id', 'commitments.owner_id')
    .leftJoin('teams', 'teams.id', 'cases.team_id')
    .select([
      'commitments.owner_id',
      'commitments.status',
      'commitments.due_at',
      'commitments.closed_at',
      'users.name as owner_name',
      'cases.team_id',
      'teams.name as team_name',
    ])
    .where('commitments.workspace_id', '=', workspaceId)
    .where('commitments.created_at', '>=', since)
    .$if(scope !== undefined, (q) =>
      q.where((eb) => {
        const s = scope as { teamIds: readonly string[]; ownerId: string };
        const any = [eb('commitments.owner_id', '=', s.ownerId)];
        if (s.teamIds.length > 0) any.push(eb('cases.team_id', 'in', s.teamIds));
        return eb.or(any);
      }),
    )
    .execute();
}

/**
 * Claims a one-time step (reminder or escalation) of an open commitment: true only for the one caller
 * whose update found the column still empty, so two sweeps never both act.
 */
export async function claimCommitmentStep(db: Db, id: string, column: 'reminded_at' | 'escalated_at', now: Date): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set({ [column]: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
