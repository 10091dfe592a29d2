import { type Kysely, sql } from 'kysely';

/** Accounts that hold: team membership, deactivation, invitations, sessions, sign-in throttling and the access log. */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  await db.schema.alterTable('users').addColumn('deactivated_at', tsType).execute();
  await db.schema.alterTable('users').addColumn('invite_token_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('invite_expires_at', tsType).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', tsType).execute();
  await db.schema.createIndex('users_invite').on('users').column('invite_token_hash').execute();

  await db.schema
    .createTable('user_teams')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addPrimaryKeyConstraint('user_teams_pk', ['user_id', 'team_id'])
    .execute();
  // People who already have a login and a team keep that team.
  await sql`insert into user_teams (workspace_id, user_id, team_id)
    select workspace_id, user_id, team_id from employees where user_id is not null and team_id is not null`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('last_seen_at', tsType, (c) => c.notNull())
    .addColumn('expires_at', tsType, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // Failed sign-ins are counted per account in the database, so the limit holds across instances and restarts.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_email').on('sign_in_failures').columns(['email', 'at']).execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('subject_label', 'text')
    .addColumn('at', tsType, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('access_log_recent').on('access_log').columns(['workspace_id', 'at']).execute();
}
