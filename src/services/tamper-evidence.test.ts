import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { TEST_SIGNING_KEY } from '../../test/signing-key.js';
import { hashAccessEntry, type SignedCheckpoint } from '../domain/audit-log.js';
import { commitTo, customerDigest } from '../domain/personal-data.js';
import { GENESIS_HASH } from '../domain/timeline.js';
import { accessEntryContent } from '../store/access-log.js';
import { chainEvents } from '../store/events.js';
import { eraseCustomerPersonalData, eraseStatementText } from '../store/personal-data.js';
import type { Db, Tables } from '../store/schema.js';
import { recordAccess } from './access-log.js';
import { addStatement, statementText } from './add-statement.js';
import { signWorkspaceCheckpoint } from './audit-checkpoints.js';
import { addNote, addParty, assignCase, transitionCase } from './change-case.js';
import type { ServiceContext } from './context.js';
import { createCase } from './create-case.js';
import { proposeResolution } from './resolution.js';
import { verifyRecord } from './verify-record.js';

type World = {
  ws: string;
  /** Case A: customer, parties, statements, resolution, moves; a note added after the checkpoint. */
  a: { id: string; ref: string; customerId: string };
  /** Case B: untouched since the checkpoint. */
  b: { id: string; ref: string };
  /** Case C: another customer. */
  c: { id: string; customerId: string };
  employeeA: string;
  employeeB: string;
  otherUser: string;
  /** The copy of a checkpoint kept outside the database (as the mail or the API gave it). */
  kept: SignedCheckpoint;
};

class Rollback extends Error {}

/** Runs an edit and the verification inside one transaction and rolls it back, so each edit starts clean. */
async function inRolledBack<T>(db: Kysely<Tables>, fn: (trx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      out = await fn(trx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out as T;
}

const eventRows = (db: Db, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

/**
 * Rewrites a case's whole chain as an insider with the code would: the events changed by `edit`,
 * every hash recomputed with chainEvents, the case head moved to match. Nothing inside the case shows it.
 */
async function rechain(
  db: Db,
  caseId: string,
  edit: (events: { kind: string; actorId: string | null; at: string; data: Record<string, unknown> }[]) => void,
) {
  const kase = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const rows = await eventRows(db, caseId);
  const events = rows.map((r) => ({ kind: r.kind, actorId: r.actor_id, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
  edit(events);
  const { rows: fresh, head } = chainEvents({ ...kase, event_count: 0, last_event_hash: GENESIS_HASH }, events as never);
  await db.deleteFrom('case_events').where('case_id', '=', caseId).execute();
  await db.insertInto('case_events').values(fresh).execute();
  await db.updateTable('cases').set(head).where('id', '=', caseId).execute();
}

/** Removes a case and everything hanging off it. */
async function deleteWholeCase(db: Db, caseId: string) {
  for (const table of [
    'case_events',
    'statements',
    'case_parties',
    'resolutions',
    'commitments',
    'follow_ups',
    'notifications',
    'theme_members',
  ] as const)
    await sql`delete from ${sql.table(table)} where case_id = ${caseId}`.execute(db);
  await db.deleteFrom('cases').where('id', '=', caseId).execute();
}

async function noteEvent(db: Db, caseId: string, nth = 0) {
  const notes = (await eventRows(db, caseId)).filter((e) => e.kind === 'note');
  return notes[nth] as (typeof notes)[number];
}

type Tampering = [name: string, edit: (db: Db, w: World) => Promise<unknown>];

/** Every table that holds evidence, edited the ways an insider with the database file could. */
const TAMPERINGS: Tampering[] = [
  // Event rows, plainly.
  [
    'an event’s data edited (a note reworded)',
    async (db, w) => {
      const e = await noteEvent(db, w.a.id);
      await db
        .updateTable('case_events')
        .set({ data: JSON.stringify({ text: 'Nothing happened.' }) })
        .where('id', '=', e.id)
        .execute();
    },
  ],
  [
    'an event’s time moved',
    (db, w) =>
      db.updateTable('case_events').set({ at: '2020-01-01T00:00:00.000Z' }).where('case_id', '=', w.a.id).where('seq', '=', 2).execute(),
  ],
  [
    'an event’s actor changed',
    (db, w) => db.updateTable('case_events').set({ actor_id: w.otherUser }).where('case_id', '=', w.a.id).where('seq', '=', 2).execute(),
  ],
  [
    'an event’s kind changed',
    (db, w) => db.updateTable('case_events').set({ kind: 'note' }).where('case_id', '=', w.a.id).where('seq', '=', 3).execute(),
  ],
  ['the first event deleted', (db, w) => db.deleteFrom('case_events').where('case_id', '=', w.a.id).where('seq', '=', 1).execute()],
  ['a middle event deleted', (db, w) => db.deleteFrom('case_events').where('case_id', '=', w.a.id).where('seq', '=', 4).execute()],
  [
    'the last event deleted',
    async (db, w) => {
      const last = await db.selectFrom('cases').select('event_count').where('id', '=', w.a.id).executeTakeFirstOrThrow();
      await db.deleteFrom('case_events').where('case_id', '=', w.a.id).where('seq', '=', last.event_count).execute();
    },
  ],
  [
    'the last event deleted and the case head moved back to the one before',
    async (db, w) => {
      const rows = await eventRows(db, w.b.id);
      const [last, before] = [rows.at(-1), rows.at(-2)] as [(typeof rows)[number], (typeof rows)[number]];
      await db.deleteFrom('case_events').where('id', '=', last.id).execute();
      await db.updateTable('cases').set({ event_count: before.seq, last_event_hash: before.hash }).where('id', '=', w.b.id).execute();
    },
  ],
  ['every event of a case deleted', (db, w) => db.deleteFrom('case_events').where('case_id', '=', w.a.id).execute()],
  [
    'two events swapped (reordered)',
    async (db, w) => {
      await db.updateTable('case_events').set({ seq: 1000 }).where('case_id', '=', w.a.id).where('seq', '=', 2).execute();
      await db.updateTable('case_events').set({ seq: 2 }).where('case_id', '=', w.a.id).where('seq', '=', 3).execute();
      await db.updateTable('case_events').set({ seq: 3 }).where('case_id', '=', w.a.id).where('seq', '=', 1000).execute();
    },
  ],
  [
    'a forged event inserted in the middle',
    async (db, w) => {
      const rows = await eventRows(db, w.a.id);
      for (const r of [...rows].reverse().filter((r) => r.seq >= 3))
        await db
          .updateTable('case_events')
          .set({ seq: r.seq + 1 })
          .where('id', '=', r.id)
          .execute();
      const third = rows[2] as (typeof rows)[number];
      await db
        .insertInto('case_events')
        .values({ ...third, id: '01a20000-0000-7000-8000-00000000f00d', seq: 3, kind: 'note', data: '{"text":"forged"}' })
        .execute();
    },
  ],
  // The code's own functions: hashes recomputed so each chain holds on its own.
  [
    'a note reworded and the whole chain rehashed with the code’s functions',
    (db, w) =>
      rechain(db, w.b.id, (events) => {
        const note = events.find((e) => e.kind === 'note');
        if (note) note.data = { text: 'The customer apologised.' };
      }),
  ],
  ['a middle event removed and the chain renumbered and rehashed', (db, w) => rechain(db, w.b.id, (events) => void events.splice(1, 1))],
  [
    'a forged event inserted and the chain rehashed',
    (db, w) =>
      rechain(
        db,
        w.b.id,
        (events) => void events.splice(1, 0, { kind: 'note', actorId: w.otherUser, at: events[0]?.at ?? '', data: { text: 'forged' } }),
      ),
  ],
  [
    'an earlier event’s time moved and the chain rehashed',
    (db, w) =>
      rechain(db, w.b.id, (events) => {
        if (events[1]) events[1].at = '2020-01-01T00:00:00.000Z';
      }),
  ],
  // The case row beside its chain.
  ['the case’s title changed', (db, w) => db.updateTable('cases').set({ title: 'Nothing to see' }).where('id', '=', w.a.id).execute()],
  ['the case’s status changed', (db, w) => db.updateTable('cases').set({ status: 'closed' }).where('id', '=', w.a.id).execute()],
  ['the case’s severity changed', (db, w) => db.updateTable('cases').set({ severity: 1 }).where('id', '=', w.a.id).execute()],
  ['the case’s handler changed', (db, w) => db.updateTable('cases').set({ assignee_id: w.otherUser }).where('id', '=', w.a.id).execute()],
  ['the case’s team changed', (db, w) => db.updateTable('cases').set({ team_id: null }).where('id', '=', w.a.id).execute()],
  [
    'the case’s customer swapped',
    (db, w) => db.updateTable('cases').set({ customer_id: w.c.customerId }).where('id', '=', w.a.id).execute(),
  ],
  [
    'the case head’s hash changed',
    (db, w) =>
      db
        .updateTable('cases')
        .set({ last_event_hash: 'f'.repeat(64) })
        .where('id', '=', w.a.id)
        .execute(),
  ],
  // Statements.
  [
    'a statement’s words edited',
    (db, w) =>
      db.updateTable('statements').set({ body: 'I was rude.' }).where('case_id', '=', w.a.id).where('party', '=', 'customer').execute(),
  ],
  [
    'a customer statement’s author renamed',
    (db, w) =>
      db
        .updateTable('statements')
        .set({ author_name: 'Someone Else' })
        .where('case_id', '=', w.a.id)
        .where('party', '=', 'customer')
        .execute(),
  ],
  [
    'an employee statement’s author changed',
    (db, w) =>
      db
        .updateTable('statements')
        .set({ employee_id: w.employeeB })
        .where('case_id', '=', w.a.id)
        .where('party', '=', 'employee')
        .execute(),
  ],
  [
    'a statement’s party changed',
    (db, w) =>
      db.updateTable('statements').set({ party: 'witness' }).where('case_id', '=', w.a.id).where('party', '=', 'customer').execute(),
  ],
  [
    'a statement said to be taken by someone else',
    (db, w) =>
      db.updateTable('statements').set({ taken_by: w.otherUser }).where('case_id', '=', w.a.id).where('party', '=', 'employee').execute(),
  ],
  ['a statement deleted', (db, w) => db.deleteFrom('statements').where('case_id', '=', w.a.id).where('party', '=', 'customer').execute()],
  [
    'a statement slipped in without an event',
    async (db, w) => {
      const s = await db.selectFrom('statements').selectAll().where('case_id', '=', w.a.id).limit(1).executeTakeFirstOrThrow();
      await db
        .insertInto('statements')
        .values({ ...s, id: '01a20000-0000-7000-8000-00000000beef', body: 'An account nobody gave.' })
        .execute();
    },
  ],
  [
    'a statement edited and its commitment recomputed from its salt, chain rehashed',
    async (db, w) => {
      const s = await db
        .selectFrom('statements')
        .selectAll()
        .where('case_id', '=', w.a.id)
        .where('party', '=', 'customer')
        .executeTakeFirstOrThrow();
      const { salt } = await db.selectFrom('personal_data_salts').select('salt').where('subject_id', '=', s.id).executeTakeFirstOrThrow();
      const body = 'I started it.';
      await db.updateTable('statements').set({ body }).where('id', '=', s.id).execute();
      await rechain(db, w.a.id, (events) => {
        for (const e of events) if (e.data.statementId === s.id) e.data.textCommitment = commitTo(salt, statementText({ ...s, body }));
      });
    },
  ],
  [
    'a statement’s salt destroyed but its words kept',
    async (db, w) => {
      const s = await db
        .selectFrom('statements')
        .select('id')
        .where('case_id', '=', w.a.id)
        .where('party', '=', 'customer')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('personal_data_salts').where('subject_id', '=', s.id).execute();
    },
  ],
  // Parties.
  [
    'a party removed',
    (db, w) => db.deleteFrom('case_parties').where('case_id', '=', w.a.id).where('employee_id', '=', w.employeeB).execute(),
  ],
  [
    'a party’s role changed',
    (db, w) =>
      db
        .updateTable('case_parties')
        .set({ role: 'witness' })
        .where('case_id', '=', w.a.id)
        .where('employee_id', '=', w.employeeA)
        .execute(),
  ],
  [
    'a party added without an event',
    async (db, w) => {
      const p = await db.selectFrom('case_parties').selectAll().where('case_id', '=', w.a.id).limit(1).executeTakeFirstOrThrow();
      await db
        .insertInto('case_parties')
        .values({ ...p, case_id: w.b.id })
        .execute();
    },
  ],
  // Resolutions.
  [
    'a resolution’s cost lowered',
    (db, w) => db.updateTable('resolutions').set({ cost_minor: 100 }).where('case_id', '=', w.a.id).execute(),
  ],
  [
    'a resolution’s currency changed',
    (db, w) => db.updateTable('resolutions').set({ currency: 'USD' }).where('case_id', '=', w.a.id).execute(),
  ],
  [
    'a resolution’s approval changed',
    (db, w) => db.updateTable('resolutions').set({ approval_state: 'approved' }).where('case_id', '=', w.a.id).execute(),
  ],
  ['a resolution deleted', (db, w) => db.deleteFrom('resolutions').where('case_id', '=', w.a.id).execute()],
  // Customers.
  ['a customer renamed', (db, w) => db.updateTable('customers').set({ name: 'Somebody Else' }).where('id', '=', w.a.customerId).execute()],
  [
    'a customer’s email changed',
    (db, w) => db.updateTable('customers').set({ email: 'other@example.test' }).where('id', '=', w.a.customerId).execute(),
  ],
  [
    'a customer renamed and their commitment recomputed from the salt',
    async (db, w) => {
      const { salt } = await db
        .selectFrom('personal_data_salts')
        .select('salt')
        .where('subject_id', '=', w.a.customerId)
        .executeTakeFirstOrThrow();
      const c = await db.selectFrom('customers').selectAll().where('id', '=', w.a.customerId).executeTakeFirstOrThrow();
      const name = 'Somebody Else';
      await db
        .updateTable('customers')
        .set({ name, details_digest: customerDigest(salt, c.id, { ...c, name }) })
        .where('id', '=', c.id)
        .execute();
    },
  ],
  [
    'a customer’s salt destroyed without an erasure',
    (db, w) => db.deleteFrom('personal_data_salts').where('subject_id', '=', w.a.customerId).execute(),
  ],
  [
    'a customer marked erased but their details kept',
    async (db, w) => {
      await db.updateTable('customers').set({ erased_at: new Date().toISOString() }).where('id', '=', w.a.customerId).execute();
      await db.deleteFrom('personal_data_salts').where('subject_id', '=', w.a.customerId).execute();
    },
  ],
  [
    'a customer deleted and unlinked from their case',
    async (db, w) => {
      await db.updateTable('cases').set({ customer_id: null }).where('id', '=', w.c.id).execute();
      await db.deleteFrom('customers').where('id', '=', w.c.customerId).execute();
    },
  ],
  // Whole cases.
  ['a whole case deleted', (db, w) => deleteWholeCase(db, w.b.id)],
  [
    'a whole case deleted with its checkpoint frontier',
    async (db, w) => {
      await deleteWholeCase(db, w.b.id);
      await db.deleteFrom('audit_frontier').where('subject_id', '=', w.b.id).execute();
    },
  ],
  // The access log.
  [
    'an access-log entry edited',
    (db, w) =>
      db.updateTable('access_log').set({ subject_label: 'Nobody' }).where('workspace_id', '=', w.ws).where('seq', '=', 2).execute(),
  ],
  [
    'an access-log entry’s reader changed',
    (db, w) => db.updateTable('access_log').set({ actor_id: w.otherUser }).where('workspace_id', '=', w.ws).where('seq', '=', 1).execute(),
  ],
  [
    'a middle access-log entry deleted',
    (db, w) => db.deleteFrom('access_log').where('workspace_id', '=', w.ws).where('seq', '=', 2).execute(),
  ],
  [
    'the last access-log entry deleted',
    async (db, w) => {
      const head = await db.selectFrom('audit_heads').select('seq').where('workspace_id', '=', w.ws).executeTakeFirstOrThrow();
      await db.deleteFrom('access_log').where('workspace_id', '=', w.ws).where('seq', '=', head.seq).execute();
    },
  ],
  [
    'the whole access log emptied and its head reset',
    async (db, w) => {
      await db.deleteFrom('access_log').where('workspace_id', '=', w.ws).execute();
      await db.updateTable('audit_heads').set({ seq: 0, head: GENESIS_HASH }).where('workspace_id', '=', w.ws).execute();
    },
  ],
  [
    'an access-log entry edited and the chain rehashed with the code’s functions',
    async (db, w) => {
      const rows = await db.selectFrom('access_log').selectAll().where('workspace_id', '=', w.ws).orderBy('seq').execute();
      let prev = GENESIS_HASH;
      for (const r of rows) {
        const edited = r.seq === 1 ? { ...r, subject_label: 'Nobody' } : r;
        const hash = hashAccessEntry(accessEntryContent({ ...edited, seq: r.seq ?? 0, prev_hash: prev }));
        await db
          .updateTable('access_log')
          .set({ subject_label: edited.subject_label, prev_hash: prev, hash })
          .where('id', '=', r.id)
          .execute();
        prev = hash;
      }
      await db.updateTable('audit_heads').set({ head: prev }).where('workspace_id', '=', w.ws).execute();
    },
  ],
  // The checkpoints themselves.
  ['the stored checkpoints deleted', (db, w) => db.deleteFrom('audit_checkpoints').where('workspace_id', '=', w.ws).execute()],
  [
    'a checkpoint’s frontier lowered',
    (db, w) =>
      db.updateTable('audit_frontier').set({ events: 1 }).where('workspace_id', '=', w.ws).where('subject_id', '=', w.a.id).execute(),
  ],
];

describeEachDatabase('tamper evidence', (kind) => {
  let database: TestDatabase;
  let w: World;
  let ctx: () => ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ws = await buildWorkspace(database.db);
    ctx = () => ws.ctx();
    const cast = await buildCast(ctx());
    const employeeA = cast.employeeA.actor.employeeId as string;
    const employeeB = cast.employeeB.actor.employeeId as string;
    const a = await createCase(ctx(), {
      ...buildCase({ teamId: cast.teamA.id }),
      customer: { name: 'Ann Lee', email: 'ann@example.test', phone: '+44 20 7946 0000' },
      employees: [{ employeeId: employeeA, role: 'primary' }],
    });
    await assignCase(ctx(), a.ref, cast.supervisorA.actor.userId);
    await addParty(ctx(), a.ref, employeeB, 'witness');
    await addStatement(ctx(), a.ref, { party: 'customer', authorName: 'Ann Lee', body: 'I waited an hour and nobody helped.' });
    await addStatement(ctx(), a.ref, { party: 'employee', employeeId: employeeA, body: 'The queue was long; I apologised.' });
    await addNote(ctx(), a.ref, 'Called the customer back.');
    await proposeResolution(ctx(), a.ref, {
      problem: 'Long wait',
      options: ['Voucher'],
      solution: 'A voucher',
      policyRefs: [],
      cost: { amount: 25, currency: 'EUR' },
    });
    await transitionCase(ctx(), a.ref, { to: 'acknowledged' });
    const b = await createCase(ctx(), buildCase());
    await addNote(ctx(), b.ref, 'Spoke to the customer at the till.');
    await addNote(ctx(), b.ref, 'They left calmer.');
    const c = await createCase(ctx(), { ...buildCase(), customer: { name: 'Bo Chan', email: 'bo@example.test' } });
    for (const label of ['Emma Involved', 'Eli Elsewhere', 'Sara Team'])
      await recordAccess(ctx(), { action: 'read', resource: 'employee_history', subjectId: employeeA, subjectLabel: label });
    const signed = await signWorkspaceCheckpoint(database.db, ws.workspace.id, TEST_SIGNING_KEY, new Date());
    if (!signed) throw new Error('no checkpoint was signed');
    // The record grows after the checkpoint: that must still verify against the kept copy.
    await addNote(ctx(), a.ref, 'Voucher sent.');
    await createCase(ctx(), buildCase());
    await recordAccess(ctx(), { action: 'read', resource: 'employee_history', subjectId: employeeB, subjectLabel: 'Eli Elsewhere' });
    w = {
      ws: ws.workspace.id,
      a: { id: a.id, ref: a.ref, customerId: a.customerId as string },
      b: { id: b.id, ref: b.ref },
      c: { id: c.id, customerId: c.customerId as string },
      employeeA,
      employeeB,
      otherUser: cast.hr.actor.userId,
      kept: JSON.parse(JSON.stringify(signed)) as SignedCheckpoint,
    };
  }, 60_000);
  afterAll(async () => database.dispose());

  it('verifies the untouched record, grown since the kept checkpoint', async () => {
    const report = await verifyRecord(database.db, w.ws, [w.kept]);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      intact: true,
      cases: 4,
      customers: 2,
      accessLogEntries: 4,
      checkpoints: 1,
      against: [{ seq: 1, problem: null }],
    });
  });

  it(`catches each of ${TAMPERINGS.length} edits to the evidence`, async () => {
    expect(TAMPERINGS.length).toBeGreaterThanOrEqual(36);
    const missed: string[] = [];
    for (const [name, edit] of TAMPERINGS) {
      const report = await inRolledBack(database.db, async (trx) => {
        await edit(trx, w);
        return verifyRecord(trx, w.ws, [w.kept]);
      });
      if (report.intact) missed.push(name);
    }
    expect(missed).toEqual([]);
    // Each edit was rolled back: the record verifies again.
    expect((await verifyRecord(database.db, w.ws, [w.kept])).intact).toBe(true);
  });

  it('stops the worst insider, who holds the database and the key, only with a checkpoint kept elsewhere', async () => {
    const reports = await inRolledBack(database.db, async (trx) => {
      // Rewrite history, then every checkpoint, and sign anew with the real key.
      await rechain(trx, w.b.id, (events) => void events.splice(1, 1));
      await trx.deleteFrom('audit_frontier').where('workspace_id', '=', w.ws).execute();
      await trx.deleteFrom('audit_checkpoints').where('workspace_id', '=', w.ws).execute();
      await signWorkspaceCheckpoint(trx, w.ws, TEST_SIGNING_KEY, new Date());
      return { inside: await verifyRecord(trx, w.ws), withCopy: await verifyRecord(trx, w.ws, [w.kept]) };
    });
    // Everything inside the database agrees with itself again…
    expect(reports.inside.problems).toEqual([]);
    // …but the copy kept elsewhere does not.
    expect(reports.withCopy.intact).toBe(false);
    expect(reports.withCopy.problems.join(' ')).toMatch(/checkpoint #1/);
  });

  it('refuses to sign over a record that lost what the last checkpoint pinned', async () => {
    await expect(
      inRolledBack(database.db, async (trx) => {
        await deleteWholeCase(trx, w.b.id);
        return signWorkspaceCheckpoint(trx, w.ws, TEST_SIGNING_KEY, new Date());
      }),
    ).rejects.toThrow(/Not signing a checkpoint: .*cases were removed or cut short/);
  });

  it('reads an erasure of a customer’s details as an erasure, not as tampering', async () => {
    const report = await inRolledBack(database.db, async (trx) => {
      expect(await eraseCustomerPersonalData(trx, w.ws, w.a.customerId, new Date())).toBe(true);
      expect(await eraseCustomerPersonalData(trx, w.ws, w.a.customerId, new Date())).toBe(false);
      const row = await trx.selectFrom('customers').selectAll().where('id', '=', w.a.customerId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: '', email: null, phone: null });
      expect(row.erased_at).not.toBeNull();
      const salts = await trx.selectFrom('personal_data_salts').select('salt').where('subject_id', '=', w.a.customerId).execute();
      expect(salts).toEqual([]);
      return verifyRecord(trx, w.ws, [w.kept]);
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, erased: { customers: 1, statements: 0 }, against: [{ problem: null }] });
  });

  it('reads an erasure of a statement’s words as an erasure, not as tampering', async () => {
    const report = await inRolledBack(database.db, async (trx) => {
      const s = await trx
        .selectFrom('statements')
        .select('id')
        .where('case_id', '=', w.a.id)
        .where('party', '=', 'customer')
        .executeTakeFirstOrThrow();
      expect(await eraseStatementText(trx, w.ws, s.id)).toBe(true);
      expect(await eraseStatementText(trx, w.ws, s.id)).toBe(false);
      return verifyRecord(trx, w.ws, [w.kept]);
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, erased: { customers: 0, statements: 1 } });
  });

  it('keeps a customer’s name out of the chain: events hold only salted commitments to it', async () => {
    const events = await eventRows(database.db, w.a.id);
    const text = events.map((e) => e.data).join('\n');
    expect(text).not.toContain('Ann Lee');
    expect(text).not.toContain('ann@example.test');
    expect(text).toContain('customerDigest');
    expect(text).toContain('textCommitment');
  });
});
