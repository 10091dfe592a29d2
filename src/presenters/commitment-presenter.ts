import { type CommitmentStatus, isKeptOnTime } from '../domain/follow-through.js';
import { authorize, type Subject } from '../domain/permissions.js';
import type { Actor } from '../services/context.js';
import type { CommitmentRow, Db } from '../store/schema.js';
import { findUsers } from '../store/workspaces.js';

export type CommitmentView = {
  id: string;
  text: string;
  ownerId: string;
  ownerName: string;
  dueAt: string;
  status: CommitmentStatus;
  source: 'manual' | 'coach';
  createdAt: string;
  remindAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  note: string | null;
  overdue: boolean;
  keptOnTime: boolean;
  /** What the viewer may do with this promise now. */
  can: { close: boolean };
};

/** Promises as `viewer` sees them on one case (`subject`), with their owners' names read in one query. */
export async function presentCommitments(
  db: Db,
  viewer: { actor: Actor; subject: Subject },
  rows: readonly CommitmentRow[],
  now: Date,
): Promise<CommitmentView[]> {
  const [first] = rows;
  if (!first) return [];
  const owners = new Map(
    (
      await findUsers(
        db,
        first.workspace_id,
        rows.map((r) => r.owner_id),
      )
    ).map((u) => [u.id, u.name]),
  );
  const mayUpdate = authorize(viewer.actor, 'update', 'commitment', viewer.subject);
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    ownerId: row.owner_id,
    ownerName: owners.get(row.owner_id) ?? 'Unknown',
    dueAt: row.due_at,
    status: row.status as CommitmentStatus,
    source: row.source as 'manual' | 'coach',
    createdAt: row.created_at,
    remindAt: row.remind_at,
    remindedAt: row.reminded_at,
    escalatedAt: row.escalated_at,
    closedAt: row.closed_at,
    note: row.note,
    overdue: row.status === 'open' && Date.parse(row.due_at) < now.getTime(),
    keptOnTime: isKeptOnTime(row.status, row.due_at, row.closed_at),
    can: { close: mayUpdate && row.status === 'open' },
  }));
}

/** One promise, presented as in a list. */
export async function presentCommitment(
  db: Db,
  viewer: { actor: Actor; subject: Subject },
  row: CommitmentRow,
  now: Date,
): Promise<CommitmentView> {
  const [view] = await presentCommitments(db, viewer, [row], now);
  if (!view) throw new Error('presenting a promise gave nothing');
  return view;
}
