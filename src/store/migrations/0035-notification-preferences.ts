import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Each person's choice, per kind of notification, of the bell and/or email (no row: the kind's default). */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('notification_preferences')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['workspace_id', 'user_id', 'kind'])
    .execute();
}
