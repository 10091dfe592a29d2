import { AppError, invalid, notFound } from '../domain/errors.js';
import { isKeptOnTime, remindAtFor } from '../domain/follow-through.js';
import { authorize, isRole } from '../domain/permissions.js';
import { type CommitmentView, presentCommitment, presentCommitments } from '../presenters/commitment-presenter.js';
import { findCommitment, insertCommitment, listCommitmentRows, updateCommitment } from '../store/commitments.js';
import { newId } from '../store/ids.js';
import { employeeIdsByUser } from '../store/people.js';
import type { CommitmentRow } from '../store/schema.js';
import { loadUserFacts, teamIdsByUser } from '../store/users.js';
import { listUsers } from '../store/workspaces.js';
import { actorOf } from './accounts.js';
import { forbidden } from './authorization.js';
import { applyCaseChange } from './case-change.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';

export type NewCommitment = { text: string; ownerId?: string | undefined; dueAt: string; source?: 'manual' | 'coach' | undefined };
export type CloseCommitment = { status: 'kept' | 'broken' | 'cancelled'; note?: string | undefined };

/** The promises made on a case, soonest due first. */
export async function listCommitments(ctx: ServiceContext, ref: string): Promise<CommitmentView[]> {
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  if (!authorize(ctx.actor, 'list', 'commitment', subject)) throw forbidden(ctx.actor, 'list', 'commitment');
  const rows = await listCommitmentRows(ctx.db, row.workspace_id, row.id);
  return presentCommitments(ctx.db, { actor: ctx.actor, subject }, rows, ctx.now);
}

/**
 * Who may be named as a promise's owner on the case: active people who can work on it (the same
 * check addCommitment makes), so a form offers no one it would refuse.
 */
export async function listPromiseOwners(ctx: ServiceContext, ref: string): Promise<{ id: string; name: string }[]> {
  const { row, subject } = await loadCase(ctx.db, ctx.actor, ref);
  if (!authorize(ctx.actor, 'create', 'commitment', subject)) throw forbidden(ctx.actor, 'create', 'commitment');
  const [users, teams, employees] = await Promise.all([
    listUsers(ctx.db, row.workspace_id),
    teamIdsByUser(ctx.db, row.workspace_id),
    employeeIdsByUser(ctx.db, row.workspace_id),
  ]);
  return users
    .filter((u) => u.deactivated_at === null && isRole(u.role))
    .filter((u) => authorize(actorOf(u, teams.get(u.id) ?? [], employees.get(u.id) ?? null), 'update', 'commitment', subject))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Records a promise to the customer with its owner (default: the caller) and due time; the reminder time follows from it. */
export function addCommitment(ctx: ServiceContext, ref: string, input: NewCommitment): Promise<CommitmentView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, subject } = await loadCase(db, ctx.actor, ref, 'read', true);
    if (!authorize(ctx.actor, 'create', 'commitment', subject)) throw forbidden(ctx.actor, 'create', 'commitment');
    if (row.status === 'closed') throw new AppError('conflict', `${ref} is closed: reopen it before promising anything more`);
    const ownerId = input.ownerId ?? ctx.actor.userId;
    const owner = await loadUserFacts(db, ownerId);
    if (!owner || owner.user.workspace_id !== row.workspace_id || owner.user.deactivated_at !== null || !isRole(owner.user.role))
      throw invalid('ownerId', 'no such active user in this workspace');
    // Whoever keeps the promise must be able to work on the case: reminders about a case they cannot
    // open would help nobody, and the promise would count against them.
    if (!authorize(actorOf(owner.user, owner.teamIds, owner.employeeId), 'update', 'commitment', subject))
      throw invalid('ownerId', 'this person cannot work on this case; choose someone on the case or a supervisor of its team');
    const due = new Date(input.dueAt);
    if (due.getTime() <= ctx.now.getTime()) throw invalid('dueAt', 'must be in the future');
    const at = ctx.now.toISOString();
    const commitment: CommitmentRow = {
      id: newId(),
      workspace_id: row.workspace_id,
      case_id: row.id,
      text: input.text,
      owner_id: ownerId,
      due_at: due.toISOString(),
      status: 'open',
      source: input.source ?? 'manual',
      created_by: ctx.actor.userId,
      created_at: at,
      remind_at: remindAtFor(ctx.now, due).toISOString(),
      reminded_at: null,
      escalated_at: null,
      escalated_to: null,
      closed_at: null,
      closed_by: null,
      note: null,
    };
    await insertCommitment(db, commitment);
    await applyCaseChange(
      db,
      row,
      {},
      [
        {
          kind: 'commitment_added',
          actorId: ctx.actor.userId,
          at,
          data: { id: commitment.id, text: commitment.text, ownerId, dueAt: commitment.due_at, source: commitment.source },
        },
      ],
      ctx.now,
    );
    return presentCommitment(db, { actor: ctx.actor, subject }, commitment, ctx.now);
  });
}

/** Marks a promise kept, broken or cancelled, once; the event says whether it was kept on time. */
export function closeCommitment(ctx: ServiceContext, ref: string, id: string, input: CloseCommitment): Promise<CommitmentView> {
  return inTransaction(ctx.db, async (db) => {
    const { row, subject } = await loadCase(db, ctx.actor, ref, 'read', true);
    if (!authorize(ctx.actor, 'update', 'commitment', subject)) throw forbidden(ctx.actor, 'update', 'commitment');
    const current = await findCommitment(db, row.workspace_id, row.id, id);
    if (!current) throw notFound('Commitment');
    if (current.status !== 'open') throw new AppError('conflict', `This promise is already marked ${current.status}`);
    const at = ctx.now.toISOString();
    const patch = { status: input.status, closed_at: at, closed_by: ctx.actor.userId, note: input.note ?? null };
    await updateCommitment(db, id, patch);
    const next = { ...current, ...patch };
    const onTime = isKeptOnTime(next.status, next.due_at, next.closed_at);
    await applyCaseChange(
      db,
      row,
      {},
      [
        {
          kind: 'commitment_closed',
          actorId: ctx.actor.userId,
          at,
          data: { id, status: input.status, onTime, ...(input.note ? { note: input.note } : {}) },
        },
      ],
      ctx.now,
    );
    return presentCommitment(db, { actor: ctx.actor, subject }, next, ctx.now);
  });
}

export type { CommitmentView };
