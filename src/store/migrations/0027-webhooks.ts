import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Webhooks: subscriptions to event types, their signing secrets (several during a rotation's
 * overlap), each delivery with its payload and state, and every attempt with its response code (the
 * delivery log, kept 30 days). One row per workspace says whether private targets are allowed.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON string[]: the event types it receives, and the scopes an admin granted it
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('disabled_at', tsType)
    // Failed attempts in a row; a success resets it, and reaching the limit disables the subscription.
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_subscriptions_workspace').on('webhook_subscriptions').columns(['workspace_id']).execute();

  await db.schema
    .createTable('webhook_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    // Null while current; a rotated-out secret keeps signing until then.
    .addColumn('expires_at', tsType)
    .execute();
  await db.schema.createIndex('webhook_secrets_subscription').on('webhook_secrets').columns(['workspace_id', 'subscription_id']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
    // The source event ("tx-position"): one delivery per subscription and event, however often it is processed.
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | succeeded | failed
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', tsType)
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('delivered_at', tsType)
    // Who asked for a redelivery by hand, until the try it asked for is made.
    .addColumn('redeliver_by', 'text', (c) => c.references('users.id'))
    .execute();
  await sql`create unique index webhook_deliveries_event on webhook_deliveries (subscription_id, event_key)`.execute(db);
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createIndex('webhook_deliveries_log')
    .on('webhook_deliveries')
    .columns(['workspace_id', 'subscription_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('at', tsType, (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('manual', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['workspace_id', 'delivery_id']).execute();

  await db.schema
    .createTable('webhook_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('allow_private_targets', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
}
