import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { Scenario } from '../domain/training.js';
import { type CertificationStanding, certificationPassMark, certificationStanding } from '../domain/training-rules.js';
import type { Db } from '../store/schema.js';
import { certificationSessions, finishedSessionFacts } from '../store/training.js';
import { allAssignments } from '../store/training-assignments.js';
import { teamIdsByUser } from '../store/users.js';
import { listUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';
import { rulesOf } from './training-rules.js';

/*
 * Certification, apart from practice: no hints while it runs, a limited number of attempts per round,
 * a pass mark of its own, and an expiry after which it must be renewed (the rules bring a renewal
 * assignment before then).
 */

async function standingOf(db: Db, workspaceId: string, userId: string, scenarioKey: string, now: Date): Promise<CertificationStanding> {
  const [rules, sessions, assignments] = await Promise.all([
    rulesOf(db, workspaceId),
    certificationSessions(db, workspaceId, userId, scenarioKey),
    allAssignments(db, workspaceId),
  ]);
  const assignedAt = assignments
    .filter((a) => a.user_id === userId && a.scenario_key === scenarioKey && a.mode === 'certification' && a.status !== 'cancelled')
    .map((a) => a.created_at);
  return certificationStanding(
    sessions.map((s) => ({
      status: s.status,
      passed: s.override_total !== null && s.pass_mark !== null ? (s.override_total >= s.pass_mark ? 1 : 0) : s.passed,
      startedAt: s.started_at,
      finishedAt: s.finished_at,
      expiresAt: s.expires_at,
    })),
    assignedAt,
    rules,
    now,
  );
}

/** Refuses an attempt the rules do not allow now; otherwise the mark this certification must reach. */
export async function certificationGate(ctx: ServiceContext, scenario: Scenario): Promise<number> {
  const ws = ctx.actor.workspaceId;
  const standing = await standingOf(ctx.db, ws, ctx.actor.userId, scenario.key, ctx.now);
  if (!standing.mayStart) throw new AppError('conflict', `You cannot start this certification now: ${standing.why}`);
  return certificationPassMark(scenario.passMark, await rulesOf(ctx.db, ws));
}

export type CertificationRow = CertificationStanding & {
  user: { id: string; name: string };
  scenario: { key: string; title: string };
};

/** Where each visible person stands on each scenario they attempted or were assigned to certify in. */
export async function listCertifications(
  ctx: ServiceContext,
  query: { mine?: boolean | undefined } = {},
): Promise<{ items: CertificationRow[] }> {
  requirePermission(ctx.actor, 'list', 'training_session');
  const ws = ctx.actor.workspaceId;
  const [users, teams] = await Promise.all([listUsers(ctx.db, ws), teamIdsByUser(ctx.db, ws)]);
  const visible = new Map(
    users
      .filter((u) => (query.mine ? u.id === ctx.actor.userId : true))
      .filter((u) => authorize(ctx.actor, 'read', 'training_session', { ownerUserId: u.id, teamIds: teams.get(u.id) ?? [] }))
      .map((u) => [u.id, u.name]),
  );
  return { items: await certificationRows(ctx.db, ws, visible, ctx.now) };
}

/** The certification standings of these people (id → name), with no permission check: callers decide. */
export async function certificationRows(db: Db, ws: string, visible: ReadonlyMap<string, string>, now: Date): Promise<CertificationRow[]> {
  const [facts, assignments] = await Promise.all([finishedSessionFacts(db, ws), allAssignments(db, ws)]);
  const pairs = new Map<string, { userId: string; key: string; title: string }>();
  for (const f of facts)
    if (f.mode === 'certification' && visible.has(f.user_id))
      pairs.set(`${f.user_id} ${f.scenario_key}`, { userId: f.user_id, key: f.scenario_key, title: f.scenario_title });
  for (const a of assignments)
    if (a.mode === 'certification' && a.status !== 'cancelled' && visible.has(a.user_id))
      pairs.set(`${a.user_id} ${a.scenario_key}`, { userId: a.user_id, key: a.scenario_key, title: a.scenario_title });
  const items: CertificationRow[] = [];
  for (const p of pairs.values())
    items.push({
      ...(await standingOf(db, ws, p.userId, p.key, now)),
      user: { id: p.userId, name: visible.get(p.userId) as string },
      scenario: { key: p.key, title: p.title },
    });
  return items.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.scenario.title.localeCompare(b.scenario.title));
}
