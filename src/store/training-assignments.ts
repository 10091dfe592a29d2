import type { Db, TrainingAssignmentRow } from './schema.js';

/** Training assignments and the workspace's training rules. */

export async function insertAssignments(db: Db, rows: readonly TrainingAssignmentRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('training_assignments')
      .values([...rows])
      .execute();
}

export function findAssignment(db: Db, workspaceId: string, id: string): Promise<TrainingAssignmentRow | undefined> {
  return db.selectFrom('training_assignments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function updateAssignment(db: Db, workspaceId: string, id: string, patch: Partial<TrainingAssignmentRow>): Promise<void> {
  await db.updateTable('training_assignments').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export type AssignmentListRow = TrainingAssignmentRow & { user_name: string };

export type AssignmentFilter = {
  userIds?: readonly string[];
  status?: 'open' | 'done' | 'cancelled';
  scenarioKey?: string;
  limit: number;
};

/** Assignments, open ones first by due time, then the rest newest first. */
export async function listAssignmentRows(db: Db, workspaceId: string, filter: AssignmentFilter): Promise<AssignmentListRow[]> {
  if (filter.userIds && filter.userIds.length === 0) return [];
  const rows = await db
    .selectFrom('training_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select('u.name as user_name')
    .where('a.workspace_id', '=', workspaceId)
    .$if(filter.userIds !== undefined, (q) => q.where('a.user_id', 'in', filter.userIds as string[]))
    .$if(filter.status !== undefined, (q) => q.where('a.status', '=', filter.status as string))
    .$if(filter.scenarioKey !== undefined, (q) => q.where('a.scenario_key', '=', filter.scenarioKey as string))
    .orderBy('a.due_at', 'asc')
    .orderBy('a.id', 'asc')
    .limit(filter.limit)
    .execute();
  const open = rows.filter((r) => r.status === 'open');
  const rest = rows.filter((r) => r.status !== 'open').sort((a, b) => (b.done_at ?? b.created_at).localeCompare(a.done_at ?? a.created_at));
  return [...open, ...rest];
}

/** Every assignment of the workspace (for reports and the rules). */
export function allAssignments(db: Db, workspaceId: string): Promise<TrainingAssignmentRow[]> {
  return db.selectFrom('training_assignments').selectAll().where('workspace_id', '=', workspaceId).execute();
}

/** The oldest open assignment of this person and scenario that a session of this mode completes. */
export function openAssignmentFor(
  db: Db,
  workspaceId: string,
  userId: string,
  scenarioKey: string,
  modes: readonly string[],
): Promise<TrainingAssignmentRow | undefined> {
  return db
    .selectFrom('training_assignments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('scenario_key', '=', scenarioKey)
    .where('status', '=', 'open')
    .where('mode', 'in', [...modes])
    .orderBy('due_at', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** Open assignments not yet due that have had no reminder, across workspaces (the caller applies each workspace's window). */
export function assignmentsToRemind(db: Db, now: Date): Promise<TrainingAssignmentRow[]> {
  return db
    .selectFrom('training_assignments')
    .selectAll()
    .where('status', '=', 'open')
    .where('reminded_at', 'is', null)
    .where('due_at', '>', now.toISOString())
    .execute();
}

/** Open assignments past their due time whose supervisors have not been told, across workspaces. */
export function overdueUnnoticed(db: Db, now: Date): Promise<TrainingAssignmentRow[]> {
  return db
    .selectFrom('training_assignments')
    .selectAll()
    .where('status', '=', 'open')
    .where('overdue_notified_at', 'is', null)
    .where('due_at', '<=', now.toISOString())
    .execute();
}

export async function findTrainingSettings(db: Db, workspaceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('training_settings').select('body').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row?.body;
}

export async function saveTrainingSettings(db: Db, workspaceId: string, body: string, by: string | null, at: string): Promise<void> {
  await db
    .insertInto('training_settings')
    .values({ workspace_id: workspaceId, body, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ body, updated_by: by, updated_at: at }))
    .execute();
}

export async function workspaceIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('workspaces').select('id').execute()).map((r) => r.id);
}

/** Passed sessions of the workspace (certifications and practice), oldest first. */
export function passedSessions(db: Db, workspaceId: string) {
  return db
    .selectFrom('training_sessions')
    .select(['id', 'user_id', 'scenario_key', 'scenario_title', 'mode', 'finished_at', 'expires_at'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'finished')
    .where('passed', '=', 1)
    .orderBy('finished_at', 'asc')
    .execute();
}

/** Opens again the assignment a session had completed (its score was reviewed down to a fail). */
export async function reopenAssignmentOfSession(db: Db, workspaceId: string, sessionId: string): Promise<void> {
  await db
    .updateTable('training_assignments')
    .set({ status: 'open', done_at: null, session_id: null })
    .where('workspace_id', '=', workspaceId)
    .where('session_id', '=', sessionId)
    .where('status', '=', 'done')
    .execute();
}
