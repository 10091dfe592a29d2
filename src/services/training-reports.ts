import { SCORE_PARTS, type ScorePart } from '../domain/coach.js';
import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { type AssignmentMode, type AssignmentState, type AssignmentStatus, assignmentState } from '../domain/training-rules.js';
import type { TrainingAssignmentRow } from '../store/schema.js';
import { finishedSessionFacts } from '../store/training.js';
import { allAssignments } from '../store/training-assignments.js';
import { teamIdsByUser } from '../store/users.js';
import { findUser, listTeams, listUsers } from '../store/workspaces.js';
import { forbidden, requirePermission } from './authorization.js';
import { type CertificationRow, certificationRows } from './certification.js';
import { type LoggedReply, loggedReplyScores } from './coaching-report.js';
import type { ServiceContext } from './context.js';

/*
 * Training reports: completion and pass rates per team and per scenario, a person's training
 * history, and whether coach parts of real replies improved after training, beside the same change
 * for colleagues not yet trained.
 */

export type Rates = {
  assigned: number;
  done: number;
  overdue: number;
  completion: number;
  sessions: number;
  passed: number;
  passRate: number;
};

const rate = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100) / 100);

function rates(assignments: readonly TrainingAssignmentRow[], sessions: readonly { passed: number | null }[], now: Date): Rates {
  const live = assignments.filter((a) => a.status !== 'cancelled');
  const done = live.filter((a) => a.status === 'done').length;
  const passed = sessions.filter((s) => s.passed === 1).length;
  return {
    assigned: live.length,
    done,
    overdue: live.filter((a) => assignmentState({ status: a.status as AssignmentStatus, due_at: a.due_at }, now) === 'overdue').length,
    completion: rate(done, live.length),
    sessions: sessions.length,
    passed,
    passRate: rate(passed, sessions.length),
  };
}

async function visibleUsers(ctx: ServiceContext) {
  const ws = ctx.actor.workspaceId;
  const [users, teams] = await Promise.all([listUsers(ctx.db, ws), teamIdsByUser(ctx.db, ws)]);
  const visible = users.filter((u) =>
    authorize(ctx.actor, 'read', 'training_report', { ownerUserId: u.id, teamIds: teams.get(u.id) ?? [] }),
  );
  return { users: visible, teams };
}

export type CompletionReport = {
  byTeam: ({ id: string; name: string } & Rates)[];
  byScenario: ({ key: string; title: string } & Rates)[];
  overall: Rates;
};

/** Completion of assignments and pass rates of sessions, per team and per scenario, over the people the actor may see. */
export async function completionReport(ctx: ServiceContext): Promise<CompletionReport> {
  requirePermission(ctx.actor, 'read', 'training_report');
  const ws = ctx.actor.workspaceId;
  const { users, teams } = await visibleUsers(ctx);
  const ids = new Set(users.map((u) => u.id));
  const [assignments, sessions, teamRows] = await Promise.all([
    allAssignments(ctx.db, ws),
    finishedSessionFacts(ctx.db, ws),
    listTeams(ctx.db, ws),
  ]);
  const mine = assignments.filter((a) => ids.has(a.user_id));
  const played = sessions.filter((s) => ids.has(s.user_id)).map((s) => ({ ...s, passed: effectivePass(s) }));
  const inTeam = (teamId: string) => (userId: string) => (teams.get(userId) ?? []).includes(teamId);
  const byTeam = teamRows
    .map((t) => {
      const member = inTeam(t.id);
      return {
        id: t.id,
        name: t.name,
        ...rates(
          mine.filter((a) => member(a.user_id)),
          played.filter((s) => member(s.user_id)),
          ctx.now,
        ),
      };
    })
    .filter((t) => t.assigned + t.sessions > 0);
  const keys = new Map<string, string>();
  for (const a of mine) keys.set(a.scenario_key, a.scenario_title);
  for (const s of played) keys.set(s.scenario_key, s.scenario_title);
  const byScenario = [...keys]
    .map(([key, title]) => ({
      key,
      title,
      ...rates(
        mine.filter((a) => a.scenario_key === key),
        played.filter((s) => s.scenario_key === key),
        ctx.now,
      ),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return { byTeam, byScenario, overall: rates(mine, played, ctx.now) };
}

/** A session's pass once a supervisor's override is taken into account. */
const effectivePass = (s: { passed: number | null; override_total: number | null; pass_mark: number | null }): number | null =>
  s.override_total !== null && s.pass_mark !== null ? (s.override_total >= s.pass_mark ? 1 : 0) : s.passed;

export type TrainingHistory = {
  user: { id: string; name: string };
  assignments: {
    id: string;
    scenario: { key: string; title: string };
    mode: AssignmentMode;
    source: string;
    dueAt: string;
    state: AssignmentState;
    doneAt: string | null;
  }[];
  certifications: CertificationRow[];
  /** Only for the person themself, their supervisors and admins: practising stays safe from reviews. */
  practice: { sessions: number; passed: number; lastAt: string | null; averageTotal: number | null } | null;
};

/**
 * A person's training: what was assigned and done, and their certifications. Practice scores are
 * left out when `withPractice` is false (HR reviews read completion and certification only).
 */
export async function trainingHistoryOf(ctx: ServiceContext, userId: string, withPractice: boolean): Promise<TrainingHistory> {
  const ws = ctx.actor.workspaceId;
  const user = await findUser(ctx.db, ws, userId);
  if (!user) throw notFound(`User ${userId}`);
  const [assignments, sessions, certs] = await Promise.all([
    allAssignments(ctx.db, ws),
    finishedSessionFacts(ctx.db, ws, [userId]),
    certificationRows(ctx.db, ws, new Map([[user.id, user.name]]), ctx.now),
  ]);
  const practice = sessions.filter((s) => s.mode === 'practice');
  const totals = practice.map((s) => s.override_total ?? s.total).filter((t): t is number => t !== null);
  return {
    user: { id: user.id, name: user.name },
    assignments: assignments
      .filter((a) => a.user_id === userId && a.status !== 'cancelled')
      .sort((a, b) => b.due_at.localeCompare(a.due_at))
      .map((a) => ({
        id: a.id,
        scenario: { key: a.scenario_key, title: a.scenario_title },
        mode: a.mode as AssignmentMode,
        source: a.source,
        dueAt: a.due_at,
        state: assignmentState({ status: a.status as AssignmentStatus, due_at: a.due_at }, ctx.now),
        doneAt: a.done_at,
      })),
    certifications: certs,
    practice: withPractice
      ? {
          sessions: practice.length,
          passed: practice.filter((s) => effectivePass(s) === 1).length,
          lastAt: practice.at(-1)?.finished_at ?? null,
          averageTotal: totals.length ? Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
        }
      : null,
  };
}

/** A person's training history through the API: themself, their supervisors, HR and admins (HR without practice scores). */
export async function readTrainingHistory(ctx: ServiceContext, userId: string): Promise<TrainingHistory> {
  requirePermission(ctx.actor, 'read', 'training_report');
  const teams = await teamIdsByUser(ctx.db, ctx.actor.workspaceId);
  const subject = { ownerUserId: userId, teamIds: teams.get(userId) ?? [] };
  if (!authorize(ctx.actor, 'read', 'training_report', subject)) throw forbidden(ctx.actor, 'read', 'training_report');
  const withPractice =
    userId === ctx.actor.userId || (authorize(ctx.actor, 'read', 'training_session', subject) && ctx.actor.role !== 'hr');
  return trainingHistoryOf(ctx, userId, withPractice);
}

type PartMeans = Record<ScorePart, number | null>;
export type PartChange = { part: ScorePart; trained: GroupChange; untrained: GroupChange; difference: number | null };
type GroupChange = { people: number; before: number | null; after: number | null; change: number | null };

const WINDOW_DAYS = 60;
const DAY = 86_400_000;

function means(replies: readonly LoggedReply[]): PartMeans {
  return Object.fromEntries(
    SCORE_PARTS.map((p) => [p, replies.length ? replies.reduce((s, r) => s + (r.score.parts[p] ?? 0), 0) / replies.length : null]),
  ) as PartMeans;
}

/** Before and after a split time, each person's own mean, then the mean over the people who have both. */
function groupChange(people: { replies: LoggedReply[]; at: number }[], part: ScorePart): GroupChange {
  const pairs = people.flatMap(({ replies, at }) => {
    const before = means(replies.filter((r) => Date.parse(r.at) < at && Date.parse(r.at) >= at - WINDOW_DAYS * DAY))[part];
    const after = means(replies.filter((r) => Date.parse(r.at) >= at && Date.parse(r.at) < at + WINDOW_DAYS * DAY))[part];
    return before === null || after === null ? [] : [{ before, after }];
  });
  if (pairs.length === 0) return { people: 0, before: null, after: null, change: null };
  const b = pairs.reduce((s, p) => s + p.before, 0) / pairs.length;
  const a = pairs.reduce((s, p) => s + p.after, 0) / pairs.length;
  return { people: pairs.length, before: Math.round(b), after: Math.round(a), change: Math.round(a - b) };
}

/**
 * Whether coach parts of real replies improved after training: for people who finished an assignment,
 * their replies 60 days before and after it; for colleagues not yet trained, the same around the
 * middle of those dates, since low scorers drift up a little on their own.
 */
export async function trainingEffectReport(
  ctx: ServiceContext,
): Promise<{ parts: PartChange[]; trainedPeople: number; untrainedPeople: number }> {
  requirePermission(ctx.actor, 'read', 'training_report');
  const ws = ctx.actor.workspaceId;
  const { users } = await visibleUsers(ctx);
  const since = new Date(ctx.now.getTime() - 365 * DAY).toISOString();
  const [assignments, scores] = await Promise.all([allAssignments(ctx.db, ws), loggedReplyScores(ctx.db, ws, since)]);
  const trainedAt = new Map<string, number>();
  for (const a of assignments)
    if (a.status === 'done' && a.done_at) {
      const t = Date.parse(a.done_at);
      trainedAt.set(a.user_id, Math.min(trainedAt.get(a.user_id) ?? t, t));
    }
  const times = [...trainedAt.values()].sort((a, b) => a - b);
  const middle = times[Math.floor(times.length / 2)] ?? ctx.now.getTime();
  const trained = users
    .filter((u) => trainedAt.has(u.id))
    .map((u) => ({ replies: scores.get(u.id) ?? [], at: trainedAt.get(u.id) as number }));
  const untrained = users.filter((u) => !trainedAt.has(u.id)).map((u) => ({ replies: scores.get(u.id) ?? [], at: middle }));
  const parts = SCORE_PARTS.map((part) => {
    const t = groupChange(trained, part);
    const u = groupChange(untrained, part);
    return { part, trained: t, untrained: u, difference: t.change !== null && u.change !== null ? t.change - u.change : null };
  });
  return { parts, trainedPeople: trained.length, untrainedPeople: untrained.length };
}
