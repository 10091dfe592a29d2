import type { MoveKind } from '../domain/coach.js';
import { SCORE_PARTS } from '../domain/coach.js';
import { AppError, invalid, notFound } from '../domain/errors.js';
import { authorize, type Subject } from '../domain/permissions.js';
import type { Difficulty, MoodState, PracticeOutcome, Scenario } from '../domain/training.js';
import type { AssignmentMode } from '../domain/training-rules.js';
import { newId } from '../store/ids.js';
import type { TrainingSessionRow } from '../store/schema.js';
import { findSession, insertSession, listSessions, type SessionListRow, saveSession } from '../store/training.js';
import { openAssignmentFor } from '../store/training-assignments.js';
import { teamIdsOf, userIdsInTeams } from '../store/users.js';
import { findUser } from '../store/workspaces.js';
import {
  currentStep,
  customerSoFar,
  endPractice,
  expectedMovesNow,
  type PracticeResult,
  type PracticeState,
  type PracticeTurn,
  playTurn,
  practiceResult,
  startPractice,
} from '../training/practice.js';
import { MAX_SEED, seedFrom } from '../training/seeded-random.js';
import { listScope, requirePermission } from './authorization.js';
import { certificationGate } from './certification.js';
import { analyzeForWorkspace } from './coach-instance.js';
import { inTransaction, type ServiceContext } from './context.js';
import { completeAssignmentFor } from './training-assignments.js';
import { rulesOf } from './training-rules.js';
import { playbookOf, resolveScenario } from './training-scenarios.js';

/*
 * Practice sessions: one person replies turn by turn to a simulated customer. The coach reads each
 * reply (on the workspace's clock, with what the playbook step expects), the engine in src/training/
 * moves the mood and picks the customer's next line, and the session row keeps the engine's state
 * and every turn. Sessions are their owner's to play; the owner, their supervisors, HR and admins
 * may read them, and a session anyone else may not read answers 404 like a missing one.
 */

export type SessionReview = { total: number; reason: string; by: { id: string; name: string }; at: string };

export type SessionSummary = {
  id: string;
  mode: AssignmentMode;
  user: { id: string; name: string };
  scenario: { key: string; version: number; title: string };
  difficulty: Difficulty;
  status: 'active' | 'finished';
  outcome: PracticeOutcome | null;
  turns: number;
  /** The score that counts: a supervisor's override when there is one, else the coach's. */
  total: number | null;
  /** The coach's own score, kept beside an override. */
  coachTotal: number | null;
  overridden: boolean;
  passed: boolean | null;
  /** A passed certification: when it must be renewed. */
  expiresAt: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type NextStep = { key: string; title: string; goal: string; wants: MoveKind[]; guidance: string[]; prompts: string[] };

export type SessionView = SessionSummary & {
  seed: number;
  scenario: SessionSummary['scenario'] & {
    personaName: string;
    personaWho: string;
    brief: string;
    playbookKey: string;
    playbookName: string;
    strategy: Scenario['strategy'];
    channel: Scenario['channel'];
    passMark: number;
  };
  mood: { state: MoodState; heat: number; start: MoodState };
  opening: string;
  turnsPlayed: PracticeTurn[];
  /** While active: the step to work on now. */
  nextStep: NextStep | null;
  result: PracticeResult | null;
  /** False while a certification runs: no step guidance and no per-turn findings until it ends. */
  hints: boolean;
  review: SessionReview | null;
  /** What the caller may do: only the owner plays; a supervisor of theirs reviews a finished session. */
  can: { play: boolean; review: boolean };
};

export type StartSessionInput = {
  scenarioKey: string;
  scenarioVersion?: number | undefined;
  difficulty: Difficulty;
  seed?: number | undefined;
  mode?: AssignmentMode | undefined;
};

const DEFAULT_LIMIT = 50;

const subjectOf = async (ctx: ServiceContext, row: Pick<TrainingSessionRow, 'user_id'>): Promise<Subject> => ({
  ownerUserId: row.user_id,
  teamIds: await teamIdsOf(ctx.db, ctx.actor.workspaceId, row.user_id),
});

function toSummary(row: SessionListRow | TrainingSessionRow, userName: string): SessionSummary {
  const overridden = row.override_total !== null;
  const total = overridden ? row.override_total : row.total;
  const passMark = row.pass_mark;
  return {
    id: row.id,
    mode: (row.mode === 'certification' ? 'certification' : 'practice') as AssignmentMode,
    user: { id: row.user_id, name: userName },
    scenario: { key: row.scenario_key, version: row.scenario_version, title: row.scenario_title },
    difficulty: row.difficulty as Difficulty,
    status: row.status,
    outcome: (row.outcome as PracticeOutcome | null) ?? null,
    turns: row.turn_count,
    total,
    coachTotal: row.total,
    overridden,
    passed: row.passed === null ? null : overridden && passMark !== null ? (total ?? 0) >= passMark : row.passed === 1,
    expiresAt: row.expires_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Loads a session the actor may act on as `action`; one they may not answers 404, so ids cannot be probed. */
async function loadSession(ctx: ServiceContext, id: string, action: 'read' | 'update', forUpdate = false) {
  const row = await findSession(ctx.db, ctx.actor.workspaceId, id, forUpdate);
  if (!row || !authorize(ctx.actor, action, 'training_session', await subjectOf(ctx, row))) throw notFound(`Practice session ${id}`);
  return row;
}

async function sessionView(ctx: ServiceContext, row: TrainingSessionRow): Promise<SessionView> {
  const found = await resolveScenario(ctx.db, ctx.actor.workspaceId, row.scenario_key, row.scenario_version);
  if (!found) throw new AppError('conflict', `The scenario of practice session ${row.id} no longer exists`);
  const { scenario } = found;
  const playbook = await playbookOf(ctx.db, ctx.actor.workspaceId, scenario);
  const state = JSON.parse(row.state) as PracticeState;
  const owner = await findUser(ctx.db, ctx.actor.workspaceId, row.user_id);
  const hints = !(row.mode === 'certification' && row.status === 'active');
  const step = row.status === 'active' && hints ? currentStep(scenario, playbook, state) : undefined;
  const turns = JSON.parse(row.turns) as PracticeTurn[];
  const reviewer = row.override_by ? await findUser(ctx.db, ctx.actor.workspaceId, row.override_by) : undefined;
  const mayReview =
    row.status === 'finished' &&
    row.user_id !== ctx.actor.userId &&
    authorize(ctx.actor, 'approve', 'training_session', await subjectOf(ctx, row));
  return {
    ...toSummary(row, owner?.name ?? 'Former user'),
    seed: row.seed,
    scenario: {
      key: scenario.key,
      version: scenario.version,
      title: scenario.title,
      personaName: scenario.persona.name,
      personaWho: scenario.persona.who,
      brief: scenario.brief,
      playbookKey: playbook.key,
      playbookName: playbook.name,
      strategy: scenario.strategy,
      channel: scenario.channel,
      passMark: row.pass_mark ?? scenario.passMark,
    },
    mood: { state: state.mood, heat: state.heat, start: state.startMood },
    opening: state.customerLines[0] ?? '',
    turnsPlayed: hints ? turns : turns.map(blindTurn),
    nextStep: step
      ? {
          key: step.key,
          title: step.title,
          goal: step.goal,
          wants: step.expectedMoves ?? [],
          guidance: step.guidance,
          prompts: step.prompts,
        }
      : null,
    result: row.result ? (JSON.parse(row.result) as PracticeResult) : null,
    hints,
    review:
      row.override_total !== null && row.override_reason !== null && row.override_at !== null
        ? {
            total: row.override_total,
            reason: row.override_reason,
            by: { id: row.override_by ?? '', name: reviewer?.name ?? 'Former user' },
            at: row.override_at,
          }
        : null,
    can: { play: row.status === 'active' && row.user_id === ctx.actor.userId, review: mayReview },
  };
}

/** A turn as a certification shows it while it runs: what was said, without the coach's findings or the step. */
export function blindTurn(turn: PracticeTurn): PracticeTurn {
  const zero = { value: 0, reason: 'Shown when the certification ends.' };
  return {
    n: turn.n,
    reply: turn.reply,
    reading: {
      moves: [],
      problems: [],
      missing: [],
      suggestions: [],
      score: { total: 0, parts: Object.fromEntries(SCORE_PARTS.map((p) => [p, zero])) as PracticeTurn['reading']['score']['parts'] },
    },
    step: null,
    signals: [],
    effects: [],
    heatBefore: 0,
    heatAfter: 0,
    moodBefore: turn.moodBefore,
    moodAfter: turn.moodAfter,
    notes: [],
    customer: turn.customer,
  };
}

/** Starts a session for the actor on a scenario at a difficulty; the seed is random unless given (a given seed replays). */
export async function startSession(ctx: ServiceContext, input: StartSessionInput): Promise<SessionView> {
  requirePermission(ctx.actor, 'create', 'training_session', { ownerUserId: ctx.actor.userId });
  const ws = ctx.actor.workspaceId;
  const found = await resolveScenario(ctx.db, ws, input.scenarioKey, input.scenarioVersion);
  if (!found) throw invalid('scenarioKey', input.scenarioVersion === undefined ? 'no such scenario' : 'no such scenario version');
  const { scenario } = found;
  if (found.draft) throw invalid('scenarioKey', 'this scenario is a draft; publish it first');
  if (!scenario.difficulties.includes(input.difficulty))
    throw invalid('difficulty', `this scenario offers ${scenario.difficulties.join(', ')}`);
  await playbookOf(ctx.db, ws, scenario);
  const mode = input.mode ?? 'practice';
  // A certification is not rehearsed: its customer's lines are not chosen by the trainee.
  if (mode === 'certification' && input.seed !== undefined) throw invalid('seed', 'a certification cannot be replayed from a seed');
  const passMark = mode === 'certification' ? await certificationGate(ctx, scenario) : scenario.passMark;
  const assignment = await openAssignmentFor(
    ctx.db,
    ws,
    ctx.actor.userId,
    scenario.key,
    mode === 'certification' ? ['practice', 'certification'] : ['practice'],
  );
  const seed = input.seed ?? seedFrom(Math.random());
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw invalid('seed', `a whole number from 0 to ${MAX_SEED}`);
  const state = startPractice(scenario, input.difficulty, seed);
  const at = ctx.now.toISOString();
  const row: TrainingSessionRow = {
    id: newId(),
    workspace_id: ws,
    user_id: ctx.actor.userId,
    scenario_key: scenario.key,
    scenario_version: scenario.version,
    scenario_title: scenario.title,
    difficulty: input.difficulty,
    seed,
    status: 'active',
    outcome: null,
    turn_count: 0,
    state: JSON.stringify(state),
    turns: '[]',
    result: null,
    total: null,
    passed: null,
    started_at: at,
    updated_at: at,
    finished_at: null,
    mode,
    assignment_id: assignment?.id ?? null,
    pass_mark: passMark,
    expires_at: null,
    override_total: null,
    override_reason: null,
    override_by: null,
    override_at: null,
  };
  await insertSession(ctx.db, row);
  return sessionView(ctx, row);
}

export async function readSession(ctx: ServiceContext, id: string): Promise<SessionView> {
  requirePermission(ctx.actor, 'read', 'training_session');
  return sessionView(ctx, await loadSession(ctx, id, 'read'));
}

export type SessionListQuery = {
  mine?: boolean | undefined;
  status?: 'active' | 'finished' | undefined;
  scenarioKey?: string | undefined;
  mode?: AssignmentMode | undefined;
  reviewed?: boolean | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

/** A page cursor: where the previous page ended, as the API hands it out (anything else is refused). */
function encodeCursor(row: { started_at: string; id: string }): string {
  return Buffer.from(JSON.stringify({ at: row.started_at, id: row.id })).toString('base64url');
}

function decodeCursor(cursor: string): { startedAt: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at)) && parsed.id.length <= 64) {
      return { startedAt: new Date(parsed.at).toISOString(), id: parsed.id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw invalid('cursor', 'not a cursor this list handed out');
}

/** Sessions the actor may see, newest first: their own; their teams' for supervisors; all for HR and admins. */
export async function listPracticeSessions(
  ctx: ServiceContext,
  query: SessionListQuery = {},
): Promise<{ items: SessionSummary[]; nextCursor: string | null }> {
  requirePermission(ctx.actor, 'list', 'training_session');
  const ws = ctx.actor.workspaceId;
  const scope = listScope(ctx.actor, 'training_session');
  let userIds: string[] | undefined;
  if (query.mine) userIds = [ctx.actor.userId];
  else if (!scope.all) userIds = [...new Set([ctx.actor.userId, ...(await userIdsInTeams(ctx.db, ws, scope.teamIds))])];
  const limit = query.limit ?? DEFAULT_LIMIT;
  const rows = await listSessions(ctx.db, ws, {
    ...(userIds ? { userIds } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.scenarioKey ? { scenarioKey: query.scenarioKey } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.reviewed ? { reviewed: true } : {}),
    ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => toSummary(r, r.user_name)), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * Finishes the row: the result, its score and pass, in the same save as the last state. The pass is
 * against the session's own mark (a certification's may be higher); a passed certification expires.
 */
async function finishedPatch(
  ctx: ServiceContext,
  row: TrainingSessionRow,
  scenario: Scenario,
  playbook: Parameters<typeof practiceResult>[1],
  state: PracticeState,
  turns: PracticeTurn[],
  at: string,
) {
  if (state.status !== 'finished') return { result: null, total: null, passed: null, finished_at: null, expires_at: null };
  const passMark = row.pass_mark ?? scenario.passMark;
  const raw = practiceResult({ ...scenario, passMark }, playbook, state, turns);
  const result = row.mode === 'certification' ? { ...raw, verdict: certificationVerdict(raw) } : raw;
  const validDays =
    row.mode === 'certification' && result.passed ? (await rulesOf(ctx.db, ctx.actor.workspaceId)).certification.validDays : 0;
  return {
    result: JSON.stringify(result),
    total: result.total,
    passed: result.passed ? 1 : 0,
    finished_at: at,
    expires_at: validDays > 0 ? new Date(ctx.now.getTime() + validDays * 86_400_000).toISOString() : null,
  };
}

const certificationVerdict = (r: PracticeResult) =>
  r.passed
    ? `Certified: ${r.total} of 100, the mark was ${r.passMark}.`
    : `Not certified this time: ${r.total} of 100, the mark is ${r.passMark}.`;

async function save(
  ctx: ServiceContext,
  row: TrainingSessionRow,
  scenario: Scenario,
  playbook: Parameters<typeof practiceResult>[1],
  state: PracticeState,
  turns: PracticeTurn[],
) {
  const at = ctx.now.toISOString();
  const patch = {
    status: state.status,
    outcome: state.outcome,
    turn_count: turns.length,
    state: JSON.stringify(state),
    turns: JSON.stringify(turns),
    updated_at: at,
    ...(await finishedPatch(ctx, row, scenario, playbook, state, turns, at)),
  };
  if (!(await saveSession(ctx.db, ctx.actor.workspaceId, row.id, row.turn_count, patch))) {
    throw new AppError('conflict', 'This practice session moved on in the meantime (another tab?). Reload it and reply again.');
  }
  const saved = { ...row, ...patch };
  if (saved.status === 'finished') await completeAssignmentFor(ctx.db, saved, at);
  return saved;
}

async function loadForPlay(ctx: ServiceContext, id: string) {
  const row = await loadSession(ctx, id, 'update', true);
  if (row.status !== 'active') throw new AppError('conflict', 'This practice session has ended. Start a new one to try again.');
  const found = await resolveScenario(ctx.db, ctx.actor.workspaceId, row.scenario_key, row.scenario_version);
  if (!found) throw new AppError('conflict', `The scenario of practice session ${row.id} no longer exists`);
  const playbook = await playbookOf(ctx.db, ctx.actor.workspaceId, found.scenario);
  return {
    row,
    scenario: found.scenario,
    playbook,
    state: JSON.parse(row.state) as PracticeState,
    turns: JSON.parse(row.turns) as PracticeTurn[],
  };
}

/** Plays one reply: the coach reads it, the customer answers. Only the session's owner may play. */
export async function playSessionTurn(
  ctx: ServiceContext,
  id: string,
  input: { reply: string },
): Promise<{ turn: PracticeTurn; session: SessionView }> {
  requirePermission(ctx.actor, 'update', 'training_session');
  const reply = input.reply.trim();
  if (!reply) throw invalid('reply', 'must not be empty');
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const { row, scenario, playbook, state, turns } = await loadForPlay(tx, id);
    const analysis = await analyzeForWorkspace(tx, {
      customer: customerSoFar(state),
      reply,
      expectedMoves: expectedMovesNow(scenario, playbook, state),
    });
    if (!analysis.reply) throw invalid('reply', 'must not be empty');
    const played = playTurn(scenario, playbook, state, reply, analysis.reply);
    const saved = await save(tx, row, scenario, playbook, played.state, [...turns, played.turn]);
    const session = await sessionView(tx, saved);
    return { turn: session.hints ? played.turn : blindTurn(played.turn), session };
  });
}

/** Ends a session without the customer's say-so: under the abuse policy (right only with an abusive customer), or simply stopping. */
export async function endSession(
  ctx: ServiceContext,
  id: string,
  input: { how: 'abuse_policy' | 'stop'; note?: string | undefined },
): Promise<SessionView> {
  requirePermission(ctx.actor, 'update', 'training_session');
  return inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const { row, scenario, playbook, state, turns } = await loadForPlay(tx, id);
    const ended = endPractice(state, input.how, input.note);
    return sessionView(tx, await save(tx, row, scenario, playbook, ended, turns));
  });
}
