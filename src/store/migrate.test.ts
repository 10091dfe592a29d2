import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openEmptyTestDatabase, type TestDatabase } from '../../test/databases.js';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from './migrate.js';

const AT = '2026-03-01T09:00:00.000Z';

/** Follow-ups as the code before 0007 stored them: the answer only as JSON. */
const FOLLOW_UPS = [
  { id: 'f-unhappy', party: 'customer', status: 'answered', answer: { satisfaction: 2, wouldReturn: false, comment: 'Still no refund' } },
  { id: 'f-happy', party: 'customer', status: 'answered', answer: { satisfaction: 5, wouldReturn: true, comment: null } },
  { id: 'f-customer-waiting', party: 'customer', status: 'sent', answer: null },
  {
    id: 'f-help',
    party: 'employee',
    status: 'answered',
    answer: { feltSupported: 2, wantsTraining: true, wantsHelp: true, comment: null },
  },
  {
    id: 'f-fine',
    party: 'employee',
    status: 'answered',
    answer: { feltSupported: 5, wantsTraining: false, wantsHelp: false, comment: null },
  },
  { id: 'f-employee-waiting', party: 'employee', status: 'scheduled', answer: null },
] as const;

/** What 0007 must fill in for each of them: the columns the answers would have set had they come later. */
const BACKFILLED = [
  { id: 'f-customer-waiting', satisfaction: null, wants_help: null },
  { id: 'f-employee-waiting', satisfaction: null, wants_help: null },
  { id: 'f-fine', satisfaction: null, wants_help: 0 },
  { id: 'f-happy', satisfaction: 5, wants_help: null },
  { id: 'f-help', satisfaction: null, wants_help: 1 },
  { id: 'f-unhappy', satisfaction: 2, wants_help: null },
];

describeEachDatabase('migrations', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openEmptyTestDatabase(kind);
  });
  afterEach(async () => database.dispose());

  /** A workspace with one case and the follow-ups above, in plain SQL naming only columns that exist before 0007. */
  async function insertAnsweredFollowUps(): Promise<void> {
    const db = database.db;
    await sql`insert into workspaces (id, name, slug, created_at) values ('w1', 'Harbor', 'harbor', ${AT})`.execute(db);
    await sql`insert into cases (id, workspace_id, ref, title, summary, channel, severity, customer_state, risk_flags, status,
        occurred_at, reported_at, acknowledge_due_at, resolve_due_at, updated_at, search_text, event_count, last_event_hash)
      values ('c1', 'w1', 'C-2026-000001', 'Late parcel', 'Came late', 'email', 2, 'angry', '[]', 'following_up',
        ${AT}, ${AT}, ${AT}, ${AT}, ${AT}, 'Late parcel', 0, '')`.execute(db);
    for (const f of FOLLOW_UPS) {
      const answer = f.answer === null ? null : JSON.stringify(f.answer);
      await sql`insert into follow_ups (id, workspace_id, case_id, party, due_at, status, answer, created_at)
        values (${f.id}, 'w1', 'c1', ${f.party}, ${AT}, ${f.status}, ${answer}, ${AT})`.execute(db);
    }
  }

  const signals = async () =>
    (await database.db.selectFrom('follow_ups').select(['id', 'satisfaction', 'wants_help']).execute()).sort(byId);
  const ranMigrations = async () =>
    (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db)).rows;

  it('migrates step by step, and 0007 fills the answer columns of follow-ups answered before it', async () => {
    const upTo0006 = MIGRATION_NAMES.slice(0, MIGRATION_NAMES.indexOf('0007-follow-up-signals'));
    expect(upTo0006).toHaveLength(6);
    for (const name of upTo0006) expect(await migrateTo(database, name, database.pgSchema)).toEqual([name]);

    await insertAnsweredFollowUps();
    expect(await migrateTo(database, '0007-follow-up-signals', database.pgSchema)).toEqual(['0007-follow-up-signals']);
    expect(await signals()).toEqual(BACKFILLED);

    // Whatever comes after 0007 keeps the backfilled values.
    expect(await migrateToLatest(database, database.pgSchema)).toEqual(MIGRATION_NAMES.slice(upTo0006.length + 1));
    expect(await signals()).toEqual(BACKFILLED);
  });

  it('does nothing the second time', async () => {
    expect(await migrateToLatest(database, database.pgSchema)).toEqual(MIGRATION_NAMES);
    await insertAnsweredFollowUps();
    expect(await migrateToLatest(database, database.pgSchema)).toEqual([]);
    expect((await ranMigrations()).map((m) => m.name)).toEqual(MIGRATION_NAMES);
    // Rows written after 0007 without the columns stay as they are: 0007 did not run again.
    expect(await signals()).toEqual(FOLLOW_UPS.map((f) => ({ id: f.id, satisfaction: null, wants_help: null })).sort(byId));
  });

  it('runs 0036 and 0044 on a database that already ran every later migration (numbers filled in late)', async () => {
    expect(await migrateToLatest(database, database.pgSchema)).toEqual(MIGRATION_NAMES);
    // A database migrated before the two were written: their columns absent, their names unrecorded.
    await sql`alter table attachments drop column erased_at`.execute(database.db);
    await sql`alter table inbound_email_files drop column erased_at`.execute(database.db);
    await sql`delete from kysely_migration where name in ('0036-erased-files', '0044-erased-mail-files')`.execute(database.db);

    expect(await migrateToLatest(database, database.pgSchema)).toEqual(['0036-erased-files', '0044-erased-mail-files']);
    await sql`select erased_at from attachments`.execute(database.db);
    await sql`select erased_at from inbound_email_files`.execute(database.db);
    expect((await ranMigrations()).map((m) => m.name)).toEqual(MIGRATION_NAMES);
  });
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
