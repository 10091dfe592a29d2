import { type Kysely, sql } from 'kysely';

/**
 * Fair reviews of repeat costly conflicts, and support for employees: the rules that flag someone,
 * the flags HR decides on, the reviews (their cases, findings, decisions and their own hash-chained
 * audit trail, which also records each exported dossier's SHA-256), and support requests.
 */
export async function up(db: Kysely<unknown>, kind: 'sqlite' | 'postgres'): Promise<void> {
  const tsType = (kind === 'postgres' ? sql`timestamptz` : sql`text`) as unknown as 'text';

  await db.schema
    .createTable('review_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // costly_cases | unhappy_follow_ups | broken_promises
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('window_months', 'integer', (c) => c.notNull())
    .addColumn('min_loss_minor', 'integer')
    .addColumn('currency', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('count_exclusions', 'text', (c) => c.notNull()) // JSON string[]: exclusions the admin lets count
    .addColumn('created_at', tsType, (c) => c.notNull())
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_rules_ws').on('review_rules').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('review_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('review_rules.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | opened | dismissed
    .addColumn('counted', 'text', (c) => c.notNull()) // JSON [{ caseId, why }]
    .addColumn('excluded', 'text', (c) => c.notNull()) // JSON [{ caseId, why, reasons }]
    .addColumn('raised_at', tsType, (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', tsType)
    .addColumn('decision_reason', 'text')
    .addColumn('review_id', 'text')
    .execute();
  await db.schema.createIndex('review_flags_employee').on('review_flags').columns(['workspace_id', 'employee_id', 'rule_id']).execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addColumn('flag_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | awaiting_sign_off | decided | appealed
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', tsType, (c) => c.notNull())
    .addColumn('response_due_at', tsType, (c) => c.notNull())
    .addColumn('waived_at', tsType)
    .addColumn('employee_statement', 'text')
    .addColumn('employee_statement_at', tsType)
    .addColumn('appeal_reason', 'text')
    .addColumn('appealed_at', tsType)
    .addColumn('updated_at', tsType, (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('last_event_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_employee').on('reviews').columns(['workspace_id', 'employee_id']).execute();

  await db.schema
    .createTable('review_cases')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('exclusions', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('allegation', 'text')
    .addColumn('finding', 'text') // substantiated | not_substantiated | inconclusive
    .addColumn('policy', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', tsType)
    .addPrimaryKeyConstraint('review_cases_pk', ['review_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('stage', 'text', (c) => c.notNull()) // first | appeal
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('departure_reason', 'text')
    .addColumn('scenario_ids', 'text', (c) => c.notNull()) // JSON string[]: training scenarios chosen
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', tsType, (c) => c.notNull())
    .addColumn('sign_off_by', 'text', (c) => c.references('users.id'))
    .addColumn('sign_off_at', tsType)
    .execute();
  await db.schema.createIndex('review_decisions_review').on('review_decisions').columns(['review_id', 'decided_at']).execute();

  await db.schema
    .createTable('review_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', tsType, (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text') // set on dossier_exported events
    .addUniqueConstraint('review_events_seq', ['review_id', 'seq'])
    .execute();
  await db.schema.createIndex('review_events_file').on('review_events').column('file_sha256').execute();

  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text') // talk | training | time_off | wellbeing; null while only offered
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // case | follow_up | abuse_offer | self
    .addColumn('status', 'text', (c) => c.notNull()) // offered | open | answered | closed | declined
    .addColumn('supervisor_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', tsType)
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', tsType)
    .addColumn('closed_at', tsType)
    .addColumn('created_at', tsType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_requests_employee').on('support_requests').columns(['workspace_id', 'employee_id']).execute();
}
