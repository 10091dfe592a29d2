import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import { authorize } from '../domain/permissions.js';
import { caseRefsByIds } from '../store/cases.js';
import { listReplyEvents } from '../store/events.js';
import type { Db } from '../store/schema.js';
import { teamIdsByUser } from '../store/users.js';
import { listUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

export type CoachingRow = {
  userId: string;
  name: string;
  replies: number;
  average: { total: number } & Record<ScorePart, number>;
  weakest: ScorePart;
  examples: { ref: string; at: string; excerpt: string; total: number }[];
};

type StoredScore = { total: number; parts: Partial<Record<ScorePart, number>> } | null;

export type LoggedReply = { caseId: string; at: string; body: string; score: NonNullable<StoredScore> };

/** The coach's scores of the replies recorded on cases since a time, by who wrote them (no permission check: callers decide who sees what). */
export async function loggedReplyScores(db: Db, workspaceId: string, since: string): Promise<Map<string, LoggedReply[]>> {
  const byUser = new Map<string, LoggedReply[]>();
  for (const e of await listReplyEvents(db, workspaceId, since, MAX_REPLIES)) {
    if (!e.actor_id) continue;
    const data = JSON.parse(e.data) as { body?: string; score?: StoredScore };
    if (!data.score) continue;
    const list = byUser.get(e.actor_id) ?? [];
    list.push({ caseId: e.case_id, at: e.at, body: data.body ?? '', score: data.score });
    byUser.set(e.actor_id, list);
  }
  return byUser;
}

const DEFAULT_DAYS = 90;
const EXAMPLES = 3;
/** A bound on one report's work; 90 days of a large workspace's replies stay well under it. */
const MAX_REPLIES = 20_000;

/**
 * Per-employee averages of the coach's scores on the replies they recorded, with their weakest part
 * and their lowest-scored replies as examples. Each caller sees only the people the table allows:
 * supervisors their teams, HR and admins everyone, an employee themself.
 */
export async function coachingReport(ctx: ServiceContext, query: { since?: string | undefined }): Promise<{ items: CoachingRow[] }> {
  requirePermission(ctx.actor, 'read', 'coaching_report');
  const ws = ctx.actor.workspaceId;
  const since = query.since ?? new Date(ctx.now.getTime() - DEFAULT_DAYS * 86_400_000).toISOString();
  const [users, teams, scores] = await Promise.all([
    listUsers(ctx.db, ws),
    teamIdsByUser(ctx.db, ws),
    loggedReplyScores(ctx.db, ws, since),
  ]);
  const visible = new Map(
    users
      .filter((u) => authorize(ctx.actor, 'read', 'coaching_report', { teamIds: teams.get(u.id) ?? [], ownerUserId: u.id }))
      .map((u) => [u.id, u.name]),
  );
  const byUser = [...scores].filter(([userId]) => visible.has(userId));
  const lowest = new Map(
    byUser.map(([userId, replies]) => [userId, [...replies].sort((a, b) => a.score.total - b.score.total).slice(0, EXAMPLES)]),
  );
  // Only the examples need their case's reference: read for those alone, not joined to every reply.
  const refs = await caseRefsByIds(ctx.db, ws, [...new Set([...lowest.values()].flat().map((r) => r.caseId))]);
  const items = byUser.map(([userId, replies]): CoachingRow => {
    const mean = (pick: (s: NonNullable<StoredScore>) => number) =>
      Math.round(replies.reduce((sum, r) => sum + pick(r.score), 0) / replies.length);
    const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, mean((s) => s.parts[p] ?? 0)])) as Record<ScorePart, number>;
    const weakest = [...SCORE_PARTS].sort((a, b) => parts[a] - parts[b])[0] as ScorePart;
    const examples = (lowest.get(userId) ?? []).map((r) => ({
      ref: refs.get(r.caseId) ?? '',
      at: r.at,
      excerpt: r.body.length > 160 ? `${r.body.slice(0, 157)}…` : r.body,
      total: r.score.total,
    }));
    return {
      userId,
      name: visible.get(userId) as string,
      replies: replies.length,
      average: { total: mean((s) => s.total), ...parts },
      weakest,
      examples,
    };
  });
  return { items: items.sort((a, b) => a.average.total - b.average.total) };
}
