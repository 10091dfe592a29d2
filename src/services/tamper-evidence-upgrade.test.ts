import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openEmptyTestDatabase, type TestDatabase } from '../../test/databases.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { sha256 } from '../domain/timeline.js';
import { chainEvents } from '../store/events.js';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../store/migrate.js';
import { signWorkspaceCheckpoint } from './audit-checkpoints.js';
import { verifyRecord } from './verify-record.js';

const AT = '2026-03-01T09:00:00.000Z';
const BODY = 'The parcel came a week late and nobody answered the phone.';

describeEachDatabase('upgrading a database made before tamper evidence', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openEmptyTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  /** A workspace as the code before 0019 wrote it: a customer, a case with its chain and a statement, two access-log reads. */
  async function insertOldRecord(): Promise<void> {
    const db = database.db;
    await sql`insert into workspaces (id, name, slug, created_at) values ('w1', 'Harbor', 'harbor', ${AT})`.execute(db);
    await sql`insert into customers (id, workspace_id, name, email, phone, created_at) values ('k1', 'w1', 'Ann Lee', 'ann@example.test', null, ${AT})`.execute(
      db,
    );
    const kase = { id: 'c1', workspace_id: 'w1', event_count: 0, last_event_hash: '' };
    const { rows, head } = chainEvents(kase, [
      {
        kind: 'case_created',
        actorId: null,
        at: AT,
        data: { title: 'Late parcel', severity: 2, customerId: 'k1', teamId: null, assigneeId: null, parties: [] },
      },
      {
        kind: 'statement_added',
        actorId: null,
        at: AT,
        data: { statementId: 's1', party: 'customer', employeeId: null, authorName: 'Ann Lee', correctsId: null, bodySha256: sha256(BODY) },
      },
    ]);
    await sql`insert into cases (id, workspace_id, ref, title, summary, channel, customer_id, severity, customer_state, risk_flags, status,
        occurred_at, reported_at, acknowledge_due_at, resolve_due_at, updated_at, search_text, event_count, last_event_hash, next_due_at)
      values ('c1', 'w1', 'C-2026-000001', 'Late parcel', 'Came late', 'email', 'k1', 2, 'angry', '[]', 'reported',
        ${AT}, ${AT}, ${AT}, ${AT}, ${AT}, 'Late parcel', ${head.event_count}, ${head.last_event_hash}, ${AT})`.execute(db);
    for (const r of rows)
      await sql`insert into case_events (id, workspace_id, case_id, seq, kind, actor_id, at, data, prev_hash, hash)
        values (${r.id}, 'w1', 'c1', ${r.seq}, ${r.kind}, null, ${r.at}, ${r.data}, ${r.prev_hash}, ${r.hash})`.execute(db);
    await sql`insert into statements (id, workspace_id, case_id, party, employee_id, author_name, body, taken_by, taken_at, corrects_id)
      values ('s1', 'w1', 'c1', 'customer', null, 'Ann Lee', ${BODY}, null, ${AT}, null)`.execute(db);
    for (const [id, label] of [
      ['01a00000-0000-7000-8000-000000000001', 'Emma'],
      ['01a00000-0000-7000-8000-000000000002', 'Eli'],
    ])
      await sql`insert into access_log (id, workspace_id, actor_id, action, resource, subject_id, subject_label, at, ip, request_id)
        values (${id}, 'w1', null, 'read', 'employee_history', 'e1', ${label}, ${AT}, '127.0.0.1', null)`.execute(db);
  }

  it('chains the access log, commits to customers, and verifies intact; the first checkpoint then pins it', async () => {
    await migrateTo(database, '0014-next-deadline', database.pgSchema);
    await insertOldRecord();
    expect(await migrateToLatest(database, database.pgSchema)).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf('0015-digests')));

    const log = await database.db.selectFrom('access_log').select(['seq', 'subject_label']).orderBy('seq').execute();
    expect(log).toEqual([
      { seq: 1, subject_label: 'Emma' },
      { seq: 2, subject_label: 'Eli' },
    ]);
    const report = await verifyRecord(database.db, 'w1');
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, cases: 1, events: 2, customers: 1, accessLogEntries: 2, checkpoints: 0 });

    const signed = await signWorkspaceCheckpoint(database.db, 'w1', TEST_SIGNING_KEY, new Date());
    expect(signed?.checkpoint).toMatchObject({ seq: 1, cases: 1, events: 2, customers: 1, accessLogEntries: 2 });
    expect((await verifyRecord(database.db, 'w1', signed ? [signed] : [])).intact).toBe(true);

    // An upgraded customer is as protected as a new one.
    await database.db.updateTable('customers').set({ name: 'Someone Else' }).where('id', '=', 'k1').execute();
    expect((await verifyRecord(database.db, 'w1')).problems.join(' ')).toContain('their name or contact details were changed');
  });
});
