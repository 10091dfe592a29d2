import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import { authorize } from '../domain/permissions.js';
import { listReplyEvents } from '../store/events.js';
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
  const [users, teams, events] = await Promise.all([
    listUsers(ctx.db, ws),
    teamIdsByUser(ctx.db, ws),
    listReplyEvents(ctx.db, ws, since, MAX_REPLIES),
  ]);
  const visible = new Map(
    users
      .filter((u) => authorize(ctx.actor, 'read', 'coaching_report', { teamIds: teams.get(u.id) ?? [], ownerUserId: u.id }))
      .map((u) => [u.id, u.name]),
  );
  const byUser = new Map<string, { ref: string; at: string; body: string; score: NonNullable<StoredScore> }[]>();
  for (const e of events) {
    if (!e.actor_id || !visible.has(e.actor_id)) continue;
    const data = JSON.parse(e.data) as { body?: string; score?: StoredScore };
    if (!data.score) continue;
    byUser.set(e.actor_id, [...(byUser.get(e.actor_id) ?? []), { ref: e.ref, at: e.at, body: data.body ?? '', score: data.score }]);
  }
  const items = [...byUser].map(([userId, replies]): CoachingRow => {
    const mean = (pick: (s: NonNullable<StoredScore>) => number) =>
      Math.round(replies.reduce((sum, r) => sum + pick(r.score), 0) / replies.length);
    const parts = Object.fromEntries(SCORE_PARTS.map((p) => [p, mean((s) => s.parts[p] ?? 0)])) as Record<ScorePart, number>;
    const weakest = [...SCORE_PARTS].sort((a, b) => parts[a] - parts[b])[0] as ScorePart;
    const examples = [...replies]
      .sort((a, b) => a.score.total - b.score.total)
      .slice(0, EXAMPLES)
      .map((r) => ({ ref: r.ref, at: r.at, excerpt: r.body.length > 160 ? `${r.body.slice(0, 157)}…` : r.body, total: r.score.total }));
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
