import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { type Calibration, type CalibrationPair, calibrate } from '../domain/training-rules.js';
import { findSession, finishedSessionFacts, saveSessionReview } from '../store/training.js';
import { reopenAssignmentOfSession } from '../store/training-assignments.js';
import { teamIdsByUser, teamIdsOf } from '../store/users.js';
import { listUsers } from '../store/workspaces.js';
import { forbidden, requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { readSession, type SessionView } from './practice-sessions.js';
import { completeAssignmentFor } from './training-assignments.js';

/**
 * A supervisor reviews a finished session of someone in their team and, when the coach got it wrong,
 * overrides the score with a reason. The coach's score stays beside it, for the calibration report.
 */
export async function reviewSession(ctx: ServiceContext, id: string, input: { total: number; reason: string }): Promise<SessionView> {
  requirePermission(ctx.actor, 'approve', 'training_session');
  const ws = ctx.actor.workspaceId;
  const reason = input.reason.trim();
  if (!reason) throw invalid('reason', 'say why the score changes');
  await inTransaction(ctx.db, async (db) => {
    const row = await findSession(db, ws, id, true);
    const subject = row ? { ownerUserId: row.user_id, teamIds: await teamIdsOf(db, ws, row.user_id) } : undefined;
    if (!row || !subject || !authorize(ctx.actor, 'read', 'training_session', subject)) throw notFound(`Practice session ${id}`);
    if (!authorize(ctx.actor, 'approve', 'training_session', subject)) throw forbidden(ctx.actor, 'approve', 'training_session');
    if (row.user_id === ctx.actor.userId) throw new AppError('conflict', 'Your own session is reviewed by someone else');
    if (row.status !== 'finished') throw new AppError('conflict', 'Only a finished session can be reviewed');
    const at = ctx.now.toISOString();
    await saveSessionReview(db, ws, id, { total: input.total, reason, by: ctx.actor.userId, at });
    // Raised to a pass, the session counts for the person's open assignment like any pass; lowered
    // to a fail, the assignment it completed is open again.
    const mark = row.pass_mark ?? 0;
    const wasPassed = row.override_total !== null ? row.override_total >= mark : row.passed === 1;
    if (!wasPassed && input.total >= mark) await completeAssignmentFor(db, { ...row, passed: 1 }, at);
    if (wasPassed && input.total < mark) await reopenAssignmentOfSession(db, ws, row.id);
  });
  return readSession(ctx, id);
}

export type CalibrationReport = {
  overall: Calibration;
  byScenario: ({ key: string; title: string } & Calibration)[];
  byReviewer: ({ id: string; name: string } & Calibration)[];
  items: { sessionId: string; user: string; scenario: string; coach: number; supervisor: number; passMark: number; reviewer: string }[];
};

/** How the coach's scores compare with supervisors' overrides, on the sessions the actor may see. */
export async function calibrationReport(ctx: ServiceContext): Promise<CalibrationReport> {
  requirePermission(ctx.actor, 'read', 'training_report');
  const ws = ctx.actor.workspaceId;
  const [users, teams, facts] = await Promise.all([listUsers(ctx.db, ws), teamIdsByUser(ctx.db, ws), finishedSessionFacts(ctx.db, ws)]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const visible = (userId: string) =>
    authorize(ctx.actor, 'read', 'training_report', { ownerUserId: userId, teamIds: teams.get(userId) ?? [] });
  const reviewed = facts.filter((f) => f.override_total !== null && f.total !== null && visible(f.user_id));
  const pair = (f: (typeof reviewed)[number]): CalibrationPair => ({
    coach: f.total as number,
    supervisor: f.override_total as number,
    passMark: f.pass_mark ?? 0,
  });
  const group = <K extends string>(keyOf: (f: (typeof reviewed)[number]) => K) => {
    const out = new Map<K, typeof reviewed>();
    for (const f of reviewed) out.set(keyOf(f), [...(out.get(keyOf(f)) ?? []), f]);
    return out;
  };
  return {
    overall: calibrate(reviewed.map(pair)),
    byScenario: [...group((f) => f.scenario_key)].map(([key, fs]) => ({
      key,
      title: fs[0]?.scenario_title ?? key,
      ...calibrate(fs.map(pair)),
    })),
    byReviewer: [...group((f) => f.override_by ?? '')].map(([id, fs]) => ({
      id,
      name: names.get(id) ?? 'Former user',
      ...calibrate(fs.map(pair)),
    })),
    items: reviewed.map((f) => ({
      sessionId: f.id,
      user: names.get(f.user_id) ?? 'Former user',
      scenario: f.scenario_title,
      coach: f.total as number,
      supervisor: f.override_total as number,
      passMark: f.pass_mark ?? 0,
      reviewer: names.get(f.override_by ?? '') ?? 'Former user',
    })),
  };
}
