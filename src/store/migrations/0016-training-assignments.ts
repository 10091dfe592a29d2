import { type Kysely, sql } from 'kysely';

/**
 * Training beyond practice: assignments (a scenario given to a person with a due date, by a supervisor
 * or by a rule), the workspace's training rules, certification and a supervisor's review of a session
 * (columns on the session), and scenario drafts made from a closed case (columns on the scenario).
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  await db.schema
    .createTable('training_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scenario_key', 'text', (c) => c.notNull())
    .addColumn('scenario_title', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull()) // practice | certification
    .addColumn('source', 'text', (c) => c.notNull()) // supervisor | new_hire | low_score | review | refresher | renewal
    .addColumn('reason', 'text')
    .addColumn('team_id', 'text')
    .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', tsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | done | cancelled
    .addColumn('session_id', 'text')
    .addColumn('done_at', tsType)
    .addColumn('reminded_at', tsType)
    .addColumn('overdue_notified_at', tsType)
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_assignments_user')
    .on('training_assignments')
    .columns(['workspace_id', 'user_id', 'status'])
    .execute();
  await db.schema.createIndex('training_assignments_due').on('training_assignments').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('training_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('body', 'text', (c) => c.notNull()) // JSON of the domain TrainingRules
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();

  for (const [name, type] of [
    ['mode', 'text'],
    ['assignment_id', 'text'],
    ['pass_mark', 'integer'],
    ['expires_at', tsType],
    ['override_total', 'integer'],
    ['override_reason', 'text'],
    ['override_by', 'text'],
    ['override_at', tsType],
  ] as const) {
    await db.schema.alterTable('training_sessions').addColumn(name, type).execute();
  }
  await db
    .updateTable('training_sessions' as never)
    .set({ mode: 'practice' } as never)
    .execute();

  await db.schema
    .alterTable('training_scenarios')
    .addColumn('draft', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('training_scenarios').addColumn('from_case_id', 'text').execute();
}
