import { type Kysely, sql } from 'kysely';

/**
 * The resolution loop: playbook runs and strategy on cases, resolutions with approvals,
 * authority limits, commitments, two-sided follow-ups, closing facts, abuse flags, deadline presets,
 * in-app notifications and the email outbox.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  // Deadline preset of the workspace ('custom' = the per-severity targets in sla_targets).
  await db.schema
    .alterTable('workspaces')
    .addColumn('sla_preset', 'text', (c) => c.notNull().defaultTo('custom'))
    .execute();

  // Case types let one workspace run regulated deadlines for some complaints and its own for others.
  await db.schema
    .createTable('case_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sla_preset', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addUniqueConstraint('case_types_name_unique', ['workspace_id', 'name'])
    .execute();

  for (const [name, type] of [
    ['case_type_id', 'text'],
    ['playbook_key', 'text'],
    ['playbook_version', 'integer'],
    ['strategy', 'text'],
    ['outcome', 'text'],
    ['root_cause_category', 'text'],
    ['root_cause', 'text'], // JSON: { whys: string[], factors: string[] }
    ['acknowledge_breached_at', tsType],
    ['resolve_breached_at', tsType],
  ] as const) {
    await db.schema.alterTable('cases').addColumn(name, type).execute();
  }

  await db.schema.alterTable('customers').addColumn('flagged_at', tsType).execute();
  await db.schema.alterTable('customers').addColumn('flag_reason', 'text').execute();

  // Authority limits in minor units of the case currency; null means no limit.
  await db.schema.alterTable('users').addColumn('authority_limit_minor', 'bigint').execute();
  await db.schema
    .createTable('role_authority_limits')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addPrimaryKeyConstraint('role_authority_limits_pk', ['workspace_id', 'role'])
    .execute();

  // Workspace playbooks (copies and revisions of the built-ins); every version is kept.
  await db.schema
    .createTable('playbooks')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // JSON of the domain Playbook
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addPrimaryKeyConstraint('playbooks_pk', ['workspace_id', 'key', 'version'])
    .execute();

  // One current resolution per case; every change to it is also on the timeline.
  await db.schema
    .createTable('resolutions')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('solution', 'text', (c) => c.notNull())
    .addColumn('policy_refs', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('cost_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.references('users.id'))
    .addColumn('proposed_at', tsType, (c) => c.notNull())
    .addColumn('approval_state', 'text', (c) => c.notNull()) // not_needed | pending | approved | rejected
    .addColumn('approver_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', tsType)
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('resolutions_ws_state').on('resolutions').columns(['workspace_id', 'approval_state']).execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_at', tsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | kept | broken | cancelled
    .addColumn('source', 'text', (c) => c.notNull()) // manual | coach
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('remind_at', tsType, (c) => c.notNull())
    .addColumn('reminded_at', tsType)
    .addColumn('escalated_at', tsType)
    .addColumn('escalated_to', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', tsType)
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('commitments_case').on('commitments').columns(['case_id', 'due_at']).execute();
  await db.schema.createIndex('commitments_open_due').on('commitments').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('commitments_open_remind').on('commitments').columns(['status', 'remind_at']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party', 'text', (c) => c.notNull()) // customer | employee
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id')) // the employee's account, when they have one
    .addColumn('due_at', tsType, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // scheduled | sent | answered | expired | cancelled
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('sent_at', tsType)
    .addColumn('expires_at', tsType)
    .addColumn('answered_at', tsType)
    .addColumn('answer', 'text') // JSON
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_case').on('follow_ups').columns(['case_id', 'due_at']).execute();
  await db.schema.createIndex('follow_ups_status_due').on('follow_ups').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('read_at', tsType)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  // Transactional outbox: an email is written in the same transaction as the change that causes it,
  // and a job delivers it, so a crash never loses a mail nor sends one for a change that rolled back.
  await db.schema
    .createTable('outbox_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('next_attempt_at', tsType, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', tsType)
    .addColumn('failed_at', tsType)
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_emails_due').on('outbox_emails').columns(['sent_at', 'next_attempt_at']).execute();
}
