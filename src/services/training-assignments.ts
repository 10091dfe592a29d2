import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { Scenario } from '../domain/training.js';
import {
  type AssignmentMode,
  type AssignmentSource,
  type AssignmentState,
  type AssignmentStatus,
  assignmentState,
} from '../domain/training-rules.js';
import { insertOutboxEvents, type NewOutboxEvent } from '../store/event-outbox.js';
import { newId } from '../store/ids.js';
import type { Db, TrainingAssignmentRow, TrainingSessionRow } from '../store/schema.js';
import {
  findAssignment,
  insertAssignments,
  listAssignmentRows,
  openAssignmentFor,
  updateAssignment,
} from '../store/training-assignments.js';
import { teamIdsOf, userIdsInTeams } from '../store/users.js';
import { findTeam, findUser, listUsers } from '../store/workspaces.js';
import { forbidden, listScope, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { resolveScenario } from './training-scenarios.js';

/*
 * Assignments: a scenario given to a person, to practise (or to certify in) by a due time. A
 * supervisor gives them to people of their teams (one by one or a whole team); rules give them too
 * (training-rule-runs.ts), and so does an HR review decision of "training" through
 * assignTrainingFromDecision. A passed session of that scenario completes the oldest open one.
 */

export type AssignmentView = {
  id: string;
  user: { id: string; name: string };
  scenario: { key: string; title: string };
  mode: AssignmentMode;
  source: AssignmentSource;
  reason: string | null;
  teamId: string | null;
  assignedBy: string | null;
  dueAt: string;
  state: AssignmentState;
  sessionId: string | null;
  doneAt: string | null;
  createdAt: string;
  can: { cancel: boolean; start: boolean };
};

const MAX_PEOPLE = 200;
const DEFAULT_LIMIT = 200;

async function subjectOf(db: Db, workspaceId: string, userId: string) {
  return { ownerUserId: userId, teamIds: await teamIdsOf(db, workspaceId, userId) };
}

function toView(ctx: ServiceContext, row: TrainingAssignmentRow, userName: string, mayCancel: boolean): AssignmentView {
  return {
    id: row.id,
    user: { id: row.user_id, name: userName },
    scenario: { key: row.scenario_key, title: row.scenario_title },
    mode: row.mode as AssignmentMode,
    source: row.source as AssignmentSource,
    reason: row.reason,
    teamId: row.team_id,
    assignedBy: row.assigned_by,
    dueAt: row.due_at,
    state: assignmentState({ status: row.status as AssignmentStatus, due_at: row.due_at }, ctx.now),
    sessionId: row.session_id,
    doneAt: row.done_at,
    createdAt: row.created_at,
    can: { cancel: mayCancel && row.status === 'open', start: row.status === 'open' && row.user_id === ctx.actor.userId },
  };
}

export type NewAssignment = {
  userId: string;
  scenarioKey: string;
  scenarioTitle: string;
  mode: AssignmentMode;
  source: AssignmentSource;
  reason?: string | null;
  teamId?: string | null;
  assignedBy: string | null;
  dueAt: string;
};

/** The row of a new, open assignment. */
export function assignmentRow(workspaceId: string, a: NewAssignment, at: string): TrainingAssignmentRow {
  return {
    id: newId(),
    workspace_id: workspaceId,
    user_id: a.userId,
    scenario_key: a.scenarioKey,
    scenario_title: a.scenarioTitle,
    mode: a.mode,
    source: a.source,
    reason: a.reason ?? null,
    team_id: a.teamId ?? null,
    assigned_by: a.assignedBy,
    due_at: a.dueAt,
    status: 'open',
    session_id: null,
    done_at: null,
    reminded_at: null,
    overdue_notified_at: null,
    created_at: at,
  };
}

/** Writes assignments and, for each, the event that tells its assignee (in the caller's transaction). */
export async function recordAssignments(
  db: Db,
  workspaceId: string,
  items: readonly NewAssignment[],
  at: string,
): Promise<TrainingAssignmentRow[]> {
  const rows = items.map((a) => assignmentRow(workspaceId, a, at));
  await insertAssignments(db, rows);
  await insertOutboxEvents(
    db,
    rows.map((r) => assignmentEvent(r, 'training_assigned', r.assigned_by, at)),
  );
  return rows;
}

export const assignmentEvent = (r: TrainingAssignmentRow, kind: string, actorId: string | null, at: string): NewOutboxEvent => ({
  workspaceId: r.workspace_id,
  kind,
  caseId: null,
  userId: r.user_id,
  actorId,
  at,
  data: { assignmentId: r.id, scenarioTitle: r.scenario_title, dueAt: r.due_at, mode: r.mode, source: r.source },
});

export type AssignInput = {
  scenarioKeys: string[];
  userIds?: string[] | undefined;
  teamId?: string | undefined;
  dueAt: string;
  mode?: AssignmentMode | undefined;
  note?: string | undefined;
};

/** A supervisor (or admin) gives scenarios to people of their teams, or to everyone in one of their teams. */
export async function assignTraining(ctx: ServiceContext, input: AssignInput): Promise<{ items: AssignmentView[] }> {
  requirePermission(ctx.actor, 'create', 'training_assignment');
  const ws = ctx.actor.workspaceId;
  if (Date.parse(input.dueAt) <= ctx.now.getTime()) throw invalid('dueAt', 'must be in the future');
  if ((input.userIds?.length ?? 0) === 0 && !input.teamId) throw invalid('userIds', 'name people or a team');
  return inTransaction(ctx.db, async (db) => {
    const scenarios: Scenario[] = [];
    for (const [i, key] of input.scenarioKeys.entries()) {
      const found = await resolveScenario(db, ws, key);
      if (!found || found.draft) throw invalid(`scenarioKeys.${i}`, 'no such published scenario');
      scenarios.push(found.scenario);
    }
    let userIds = [...new Set(input.userIds ?? [])];
    if (input.teamId) {
      if (!(await findTeam(db, ws, input.teamId))) throw notFound(`Team ${input.teamId}`);
      if (!authorize(ctx.actor, 'create', 'training_assignment', { teamIds: [input.teamId] }))
        throw forbidden(ctx.actor, 'create', 'training_assignment');
      userIds = [...new Set([...userIds, ...(await userIdsInTeams(db, ws, [input.teamId]))])];
    }
    if (userIds.length > MAX_PEOPLE) throw invalid('userIds', `at most ${MAX_PEOPLE} people at once`);
    const names = new Map<string, string>();
    for (const [i, id] of userIds.entries()) {
      const user = await findUser(db, ws, id);
      if (!user) throw notFound(`User ${id}`);
      if (user.deactivated_at !== null) throw invalid(`userIds.${i}`, 'this person’s account is deactivated');
      if (!authorize(ctx.actor, 'create', 'training_assignment', await subjectOf(db, ws, id)))
        throw forbidden(ctx.actor, 'create', 'training_assignment');
      names.set(id, user.name);
    }
    const at = ctx.now.toISOString();
    const dueAt = new Date(input.dueAt).toISOString();
    const rows = await recordAssignments(
      db,
      ws,
      userIds.flatMap((userId) =>
        scenarios.map((s) => ({
          userId,
          scenarioKey: s.key,
          scenarioTitle: s.title,
          mode: input.mode ?? 'practice',
          source: 'supervisor' as const,
          reason: input.note?.trim() || null,
          teamId: input.teamId ?? null,
          assignedBy: ctx.actor.userId,
          dueAt,
        })),
      ),
      at,
    );
    return { items: rows.map((r) => toView(ctx, r, names.get(r.user_id) ?? '', true)) };
  });
}

/**
 * What an HR review decision of "training" calls: the person gets the scenarios HR chose, due in
 * `dueDays` (14 by default). The decision is the authority, so no supervisor is needed.
 */
export async function assignTrainingFromDecision(
  db: Db,
  input: { workspaceId: string; userId: string; scenarioKeys: string[]; decidedBy: string | null; note?: string | null; dueDays?: number },
  now: Date,
): Promise<TrainingAssignmentRow[]> {
  return inTransaction(db, async (tx) => {
    const user = await findUser(tx, input.workspaceId, input.userId);
    if (!user) throw notFound(`User ${input.userId}`);
    const items: NewAssignment[] = [];
    for (const [i, key] of input.scenarioKeys.entries()) {
      const found = await resolveScenario(tx, input.workspaceId, key);
      if (!found || found.draft) throw invalid(`scenarioKeys.${i}`, 'no such published scenario');
      items.push({
        userId: user.id,
        scenarioKey: found.scenario.key,
        scenarioTitle: found.scenario.title,
        mode: 'practice',
        source: 'review',
        reason: input.note ?? 'Chosen in a review',
        assignedBy: input.decidedBy,
        dueAt: new Date(now.getTime() + (input.dueDays ?? 14) * 86_400_000).toISOString(),
      });
    }
    return recordAssignments(tx, input.workspaceId, items, now.toISOString());
  });
}

export type AssignmentListQuery = {
  mine?: boolean | undefined;
  userId?: string | undefined;
  status?: 'open' | 'done' | 'cancelled' | undefined;
  limit?: number | undefined;
};

/** Assignments the actor may see: their own; their teams' for supervisors; everyone's for HR and admins. */
export async function listAssignments(ctx: ServiceContext, query: AssignmentListQuery = {}): Promise<{ items: AssignmentView[] }> {
  requirePermission(ctx.actor, 'list', 'training_assignment');
  const ws = ctx.actor.workspaceId;
  const scope = listScope(ctx.actor, 'training_assignment');
  let userIds: string[] | undefined;
  if (query.mine) userIds = [ctx.actor.userId];
  else if (!scope.all) userIds = [...new Set([ctx.actor.userId, ...(await userIdsInTeams(ctx.db, ws, scope.teamIds))])];
  if (query.userId) userIds = userIds ? userIds.filter((id) => id === query.userId) : [query.userId];
  const rows = await listAssignmentRows(ctx.db, ws, {
    ...(userIds ? { userIds } : {}),
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit ?? DEFAULT_LIMIT,
  });
  const teams = new Map<string, string[]>();
  const out: AssignmentView[] = [];
  for (const r of rows) {
    if (!teams.has(r.user_id)) teams.set(r.user_id, await teamIdsOf(ctx.db, ws, r.user_id));
    const subject = { ownerUserId: r.user_id, teamIds: teams.get(r.user_id) ?? [] };
    out.push(toView(ctx, r, r.user_name, authorize(ctx.actor, 'update', 'training_assignment', subject)));
  }
  return { items: out };
}

/** Withdraws an open assignment (a supervisor of the person, or an admin). */
export async function cancelAssignment(ctx: ServiceContext, id: string): Promise<AssignmentView> {
  requirePermission(ctx.actor, 'update', 'training_assignment');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const row = await findAssignment(db, ws, id);
    const subject = row ? await subjectOf(db, ws, row.user_id) : undefined;
    if (!row || !subject || !authorize(ctx.actor, 'read', 'training_assignment', subject)) throw notFound(`Assignment ${id}`);
    if (!authorize(ctx.actor, 'update', 'training_assignment', subject)) throw forbidden(ctx.actor, 'update', 'training_assignment');
    if (row.status !== 'open') throw new AppError('conflict', 'This assignment is no longer open');
    await updateAssignment(db, ws, id, { status: 'cancelled' });
    const user = await findUser(db, ws, row.user_id);
    return toView(ctx, { ...row, status: 'cancelled' }, user?.name ?? '', true);
  });
}

/**
 * Called when a session finishes: a passed session completes the oldest open assignment of its
 * scenario that it counts for (a practice assignment by either kind of session, a certification
 * assignment only by a certification), and its supervisors hear of it.
 */
export async function completeAssignmentFor(db: Db, session: TrainingSessionRow, at: string): Promise<TrainingAssignmentRow | undefined> {
  if (session.passed !== 1) return undefined;
  const modes = session.mode === 'certification' ? ['practice', 'certification'] : ['practice'];
  const open = await openAssignmentFor(db, session.workspace_id, session.user_id, session.scenario_key, modes);
  if (!open) return undefined;
  await updateAssignment(db, session.workspace_id, open.id, { status: 'done', done_at: at, session_id: session.id });
  const done = { ...open, status: 'done', done_at: at, session_id: session.id };
  await insertOutboxEvents(db, [assignmentEvent(done, 'training_completed', session.user_id, at)]);
  return done;
}

/** Active people of the workspace, by id (for the rules). */
export async function activeUsers(db: Db, workspaceId: string) {
  return (await listUsers(db, workspaceId)).filter((u) => u.deactivated_at === null);
}
