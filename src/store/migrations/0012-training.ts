import { type Kysely, sql } from 'kysely';

/**
 * Training: the workspace's own practice scenarios (copies of the built-ins, every version kept, like
 * playbooks) and practice sessions (one person against a simulated customer: the engine's state and
 * the turns as JSON, with the outcome and score as columns for lists and reports).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  await db.schema
    .createTable('training_scenarios')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // JSON of the domain Scenario
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_scenarios_pk', ['workspace_id', 'key', 'version'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scenario_key', 'text', (c) => c.notNull())
    .addColumn('scenario_version', 'integer', (c) => c.notNull())
    .addColumn('scenario_title', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull()) // patient | interrupts | threatens_to_leave
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | finished
    .addColumn('outcome', 'text') // satisfied | walked_away | ended_abuse_policy | stopped
    .addColumn('turn_count', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // JSON of the engine's PracticeState
    .addColumn('turns', 'text', (c) => c.notNull()) // JSON array of PracticeTurn
    .addColumn('result', 'text') // JSON of the PracticeResult, once finished
    .addColumn('total', 'integer')
    .addColumn('passed', 'integer') // 1 passed, 0 not, null while active
    .addColumn('started_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('finished_at', tsType)
    .execute();
  await db.schema
    .createIndex('training_sessions_user')
    .on('training_sessions')
    .columns(['workspace_id', 'user_id', 'started_at'])
    .execute();
  await db.schema.createIndex('training_sessions_started').on('training_sessions').columns(['workspace_id', 'started_at']).execute();
}
