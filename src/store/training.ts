import type { Scenario } from '../domain/training.js';
import { isPostgres } from './db.js';
import type { Db, TrainingSessionRow } from './schema.js';

/** Training: the workspace's own scenarios (every version kept, as JSON) and practice sessions. */

const toScenario = (row: { body: string }): Scenario => JSON.parse(row.body) as Scenario;

export async function insertScenarioVersion(
  db: Db,
  workspaceId: string,
  scenario: Scenario,
  createdBy: string | null,
  at: string,
  draft: { draft: boolean; fromCaseId: string | null } = { draft: false, fromCaseId: null },
) {
  await db
    .insertInto('training_scenarios')
    .values({
      workspace_id: workspaceId,
      key: scenario.key,
      version: scenario.version,
      body: JSON.stringify(scenario),
      created_by: createdBy,
      created_at: at,
      draft: draft.draft ? 1 : 0,
      from_case_id: draft.fromCaseId,
    })
    .execute();
}

export type ScenarioMeta = { draft: boolean; createdBy: string | null; fromCaseId: string | null };

/** Whether a version is a draft, who saved it and the case it was made from; the latest version without one. */
export async function findScenarioMeta(db: Db, workspaceId: string, key: string, version?: number): Promise<ScenarioMeta | undefined> {
  const row = await db
    .selectFrom('training_scenarios')
    .select(['draft', 'created_by', 'from_case_id'])
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .$if(version === undefined, (q) => q.orderBy('version', 'desc').limit(1))
    .$if(version !== undefined, (q) => q.where('version', '=', version as number))
    .executeTakeFirst();
  return row ? { draft: row.draft === 1, createdBy: row.created_by, fromCaseId: row.from_case_id } : undefined;
}

/** Draft flags of each workspace scenario's latest version, by key. */
export async function listLatestWorkspaceDraftFlags(db: Db, workspaceId: string): Promise<Map<string, ScenarioMeta>> {
  const rows = await db
    .selectFrom('training_scenarios')
    .select(['key', 'version', 'draft', 'created_by', 'from_case_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'asc')
    .execute();
  return new Map(rows.map((r) => [r.key, { draft: r.draft === 1, createdBy: r.created_by, fromCaseId: r.from_case_id }]));
}

/** One version of a workspace scenario, or its latest; `forUpdate` serialises revisions on PostgreSQL. */
export async function findWorkspaceScenario(
  db: Db,
  workspaceId: string,
  key: string,
  version?: number,
  forUpdate = false,
): Promise<Scenario | undefined> {
  const row = await db
    .selectFrom('training_scenarios')
    .select('body')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .$if(version === undefined, (q) => q.orderBy('version', 'desc').limit(1))
    .$if(version !== undefined, (q) => q.where('version', '=', version as number))
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toScenario(row) : undefined;
}

/** The latest version of every workspace scenario, by title. */
export async function listLatestWorkspaceScenarios(db: Db, workspaceId: string): Promise<Scenario[]> {
  const rows = await db
    .selectFrom('training_scenarios as s')
    .select('s.body')
    .where('s.workspace_id', '=', workspaceId)
    .where(({ eb, selectFrom }) =>
      eb(
        's.version',
        '=',
        selectFrom('training_scenarios as t')
          .select(({ fn }) => fn.max('t.version').as('v'))
          .whereRef('t.workspace_id', '=', 's.workspace_id')
          .whereRef('t.key', '=', 's.key'),
      ),
    )
    .execute();
  return rows.map(toScenario).sort((a, b) => a.title.localeCompare(b.title));
}

export async function listWorkspaceScenarioKeys(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('training_scenarios').select('key').distinct().where('workspace_id', '=', workspaceId).execute();
  return rows.map((r) => r.key);
}

export async function insertSession(db: Db, row: TrainingSessionRow): Promise<void> {
  await db.insertInto('training_sessions').values(row).execute();
}

export async function findSession(db: Db, workspaceId: string, id: string, forUpdate = false): Promise<TrainingSessionRow | undefined> {
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
}

/**
 * Saves a session's next state, but only if nobody else moved it on since it was read (the turn
 * count is the version): true when it was saved.
 */
export async function saveSession(
  db: Db,
  workspaceId: string,
  id: string,
  expectedTurnCount: number,
  patch: Pick<
    TrainingSessionRow,
    'status' | 'outcome' | 'turn_count' | 'state' | 'turns' | 'result' | 'total' | 'passed' | 'updated_at' | 'finished_at' | 'expires_at'
  >,
): Promise<boolean> {
  const res = await db
    .updateTable('training_sessions')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('turn_count', '=', expectedTurnCount)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export type SessionListRow = Omit<TrainingSessionRow, 'state' | 'turns' | 'result'> & { user_name: string };

export type SessionFilter = {
  /** Only these users' sessions; undefined for every user of the workspace. */
  userIds?: readonly string[];
  status?: 'active' | 'finished';
  scenarioKey?: string;
  mode?: 'practice' | 'certification';
  /** Only sessions a supervisor reviewed. */
  reviewed?: boolean;
  /** Rows strictly after this one in the list's order (newest first). */
  after?: { startedAt: string; id: string };
  limit: number;
};

/** Sessions, newest first, without their turns. */
export async function listSessions(db: Db, workspaceId: string, filter: SessionFilter): Promise<SessionListRow[]> {
  if (filter.userIds && filter.userIds.length === 0) return [];
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.workspace_id',
      's.user_id',
      'u.name as user_name',
      's.scenario_key',
      's.scenario_version',
      's.scenario_title',
      's.difficulty',
      's.seed',
      's.status',
      's.outcome',
      's.turn_count',
      's.total',
      's.passed',
      's.started_at',
      's.updated_at',
      's.finished_at',
      's.mode',
      's.assignment_id',
      's.pass_mark',
      's.expires_at',
      's.override_total',
      's.override_reason',
      's.override_by',
      's.override_at',
    ])
    .where('s.workspace_id', '=', workspaceId)
    .$if(filter.userIds !== undefined, (q) => q.where('s.user_id', 'in', filter.userIds as string[]))
    .$if(filter.status !== undefined, (q) => q.where('s.status', '=', filter.status as 'active' | 'finished'))
    .$if(filter.scenarioKey !== undefined, (q) => q.where('s.scenario_key', '=', filter.scenarioKey as string))
    .$if(filter.mode !== undefined, (q) => q.where('s.mode', '=', filter.mode as string))
    .$if(filter.reviewed === true, (q) => q.where('s.override_total', 'is not', null))
    .$if(filter.after !== undefined, (q) => {
      const after = filter.after as { startedAt: string; id: string };
      return q.where((eb) =>
        eb.or([eb('s.started_at', '<', after.startedAt), eb.and([eb('s.started_at', '=', after.startedAt), eb('s.id', '<', after.id)])]),
      );
    })
    .orderBy('s.started_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** A supervisor's override of a finished session's score, with the reason. */
export async function saveSessionReview(
  db: Db,
  workspaceId: string,
  id: string,
  review: { total: number; reason: string; by: string; at: string },
): Promise<void> {
  await db
    .updateTable('training_sessions')
    .set({ override_total: review.total, override_reason: review.reason, override_by: review.by, override_at: review.at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** A person's certification sessions of one scenario, oldest first. */
export function certificationSessions(db: Db, workspaceId: string, userId: string, scenarioKey: string) {
  return db
    .selectFrom('training_sessions')
    .select(['id', 'status', 'passed', 'started_at', 'finished_at', 'expires_at', 'override_total', 'pass_mark'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('scenario_key', '=', scenarioKey)
    .where('mode', '=', 'certification')
    .orderBy('started_at', 'asc')
    .execute();
}

/** Every finished session of the workspace without its turns (for reports). */
export function finishedSessionFacts(db: Db, workspaceId: string, userIds?: readonly string[]) {
  if (userIds && userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_sessions')
    .select([
      'id',
      'user_id',
      'scenario_key',
      'scenario_title',
      'mode',
      'total',
      'passed',
      'pass_mark',
      'override_total',
      'override_by',
      'finished_at',
      'expires_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'finished')
    .$if(userIds !== undefined, (q) => q.where('user_id', 'in', userIds as string[]))
    .orderBy('finished_at', 'asc')
    .execute();
}
