import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAttachmentsDir } from '../../test/attachments-dir.js';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { addMonths } from '../domain/data-rights.js';
import type { Db } from '../store/schema.js';
import { createCase } from './create-case.js';
import { createTeam } from './directory.js';
import { createLegalHold } from './legal-holds.js';
import { applyRetention, setRetention } from './retention.js';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const FILES = newAttachmentsDir();
const LONG_AGO = '2024-01-01T00:00:00.000Z';
const LATELY = '2026-05-01T00:00:00.000Z';

/**
 * The customers due under a retention rule as the pass found them before it walked in batches: every
 * case of the workspace grouped by customer in one statement. The batched pass must erase these and
 * only these.
 */
async function dueAsOneStatement(db: Db, workspaceId: string, closedBefore: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers as cu')
    .innerJoin('cases as c', (j) => j.onRef('c.customer_id', '=', 'cu.id').on('c.workspace_id', '=', workspaceId))
    .select('cu.id')
    .where('cu.workspace_id', '=', workspaceId)
    .where('cu.erased_at', 'is', null)
    .where('cu.merged_into_id', 'is', null)
    .groupBy('cu.id')
    .having((eb) => eb.fn.sum<number>(eb.case().when('c.status', '!=', 'closed').then(1).else(0).end()), '=', 0)
    .having((eb) => eb.fn.max('c.updated_at'), '<', closedBefore)
    .orderBy('cu.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The hourly retention pass walks the customers still on file a few at a time: it must erase exactly
 * the customers the one-statement check finds due, however the batches fall, skip held ones, and
 * erase nothing more when it runs again.
 */
describeEachDatabase('the retention pass in batches', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  /** A workspace with a 12-month rule and customers of every kind, interleaved so batches cut between them. */
  const scenario = async () => {
    const ws = await buildWorkspace(database.db);
    const team = await createTeam(ws.ctx(NOW), 'Front desk');
    const customers: Record<string, string> = {};
    const open = async (who: string, closedAt: string | null) => {
      const c = await createCase(ws.ctx(NOW), {
        ...buildCase(),
        teamId: team.id,
        customer: { name: who, email: `${who.toLowerCase()}@example.test` },
      });
      customers[who] = c.customerId as string;
      if (closedAt) await database.db.updateTable('cases').set({ status: 'closed', updated_at: closedAt }).where('id', '=', c.id).execute();
    };
    for (const round of [0, 1]) {
      await open('Ada', LONG_AGO); // two cases, both closed long ago: due
      await open('Ben', round === 0 ? LONG_AGO : null); // one case still open: not due
      await open('Cleo', round === 0 ? LONG_AGO : LATELY); // one closed lately: not due
      await open('Dora', LONG_AGO); // due, but under a legal hold
      await open('Emil', LONG_AGO); // due
    }
    for (const who of ['Finn', 'Gus', 'Hana']) await open(who, LONG_AGO); // one case each, due
    await database.db
      .insertInto('customers')
      .values({
        id: `no-cases-${ws.workspace.id}`,
        workspace_id: ws.workspace.id,
        name: 'Ivo',
        email: null,
        phone: null,
        created_at: NOW.toISOString(),
      })
      .execute(); // no case at all: never due
    await createLegalHold(ws.ctx(NOW), {
      matter: 'A complaint to the regulator',
      reason: 'Pending',
      subjects: [{ kind: 'customer', id: customers.Dora as string }],
    });
    await setRetention(ws.ctx(NOW), 12);
    return { ws, customers };
  };

  const erasedOf = async (workspaceId: string) =>
    (
      await database.db
        .selectFrom('customers')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('erased_at', 'is not', null)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  it('erases the customers the one-statement check finds due, and skips the held one, wherever the batches fall', async () => {
    for (const batch of [1, 2, 3, 50]) {
      const { ws, customers } = await scenario();
      const before = addMonths(NOW, -12).toISOString();
      const due = await dueAsOneStatement(database.db, ws.workspace.id, before);
      const named = (names: string[]) => names.map((n) => customers[n] as string).sort();
      expect(due).toEqual(named(['Ada', 'Dora', 'Emil', 'Finn', 'Gus', 'Hana']));
      const run = await applyRetention(database.db, FILES, NOW, { batch });
      expect(run).toEqual({ erased: 5, held: 1, leftoverFilesRemoved: 0 });
      expect(await erasedOf(ws.workspace.id)).toEqual(named(['Ada', 'Emil', 'Finn', 'Gus', 'Hana']));
      // Rules off again, so the next workspace's pass counts only its own customers.
      await setRetention(ws.ctx(NOW), null);
    }
  });

  it('erases nothing more when it runs again; the held customer is counted again', async () => {
    const { ws } = await scenario();
    expect(await applyRetention(database.db, FILES, NOW, { batch: 2 })).toEqual({ erased: 5, held: 1, leftoverFilesRemoved: 0 });
    const erased = await erasedOf(ws.workspace.id);
    for (const batch of [1, 3, 50])
      expect(await applyRetention(database.db, FILES, NOW, { batch })).toEqual({ erased: 0, held: 1, leftoverFilesRemoved: 0 });
    expect(await erasedOf(ws.workspace.id)).toEqual(erased);
    expect(await dueAsOneStatement(database.db, ws.workspace.id, addMonths(NOW, -12).toISOString())).toHaveLength(1);
  });
});
