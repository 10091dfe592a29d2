import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { createCase } from './create-case.js';
import { listCases } from './read-cases.js';

/** A small corpus, keyed by a short name, and what each query of the search grammar finds in it. */
const CORPUS: Record<string, { title: string; summary: string }> = {
  till: { title: 'Refund refused at the till', summary: 'Customer asked for a refund without a receipt.' },
  parcel: { title: 'Parcel on delivery', summary: 'The parcel arrived in a damaged box; the customer wants an exchange.' },
  bank: { title: 'Slow money back', summary: 'Three refunds were refunded late by the bank.' },
  door: { title: 'Late delivery', summary: 'The courier left the box at the wrong door; no refund was asked for.' },
  remark: { title: 'Rude remark at checkout', summary: 'An employee made a remark and the customer posted reviews online.' },
  store: { title: 'Box damaged in store', summary: 'A box was damaged in the damaged-goods area.' },
  undecided: { title: 'Exchange or refund?', summary: 'The customer could not decide between an exchange and store credit.' },
};

const EXPECTED: [query: string, found: string[]][] = [
  ['refund', ['bank', 'door', 'till', 'undecided']],
  ['Refunds', ['bank', 'door', 'till', 'undecided']],
  ['-refund', ['bank', 'door', 'till', 'undecided']],
  ['refund exchange', ['undecided']],
  ['refund OR exchange', ['undecided']],
  ['NOT refund', ['bank', 'door', 'till', 'undecided']],
  ['damaged box', ['parcel', 'store']],
  ['"damaged box"', ['parcel']],
  ['"box at the wrong door"', ['door']],
  ['"wrong box"', []],
  ['review', ['remark']],
  ['receipt:*', ['till']],
  ['refun*', []],
  ['the', []],
  ['!!! *** ()', []],
  ['"the and"', []],
];

describeEachDatabase('case search grammar', (kind) => {
  let database: TestDatabase;
  let ctx: ReturnType<Awaited<ReturnType<typeof buildWorkspace>>['ctx']>;
  const names = new Map<string, string>();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ws = await buildWorkspace(database.db);
    ctx = ws.ctx();
    for (const [name, text] of Object.entries(CORPUS)) names.set((await createCase(ws.ctx(), buildCase(text))).id, name);
  });
  afterAll(async () => database.dispose());

  it.each(EXPECTED)('%s', async (q, found) => {
    const { items } = await listCases(ctx, { q, limit: 50 });
    expect(items.map((c) => names.get(c.id)).sort()).toEqual(found);
  });
});

describeEachDatabase('finding a case by its number or its customer', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  it('goes from a whole reference or its number to the case, and finds customers by name and email, within what the caller may see', async () => {
    const ws = await buildWorkspace(database.db);
    const ingrid = await createCase(ws.ctx(), {
      ...buildCase({ title: 'Scarf exchange refused' }),
      customer: { name: 'Ingrid Halvorsen', email: 'ingrid.h@example.test' },
    });
    const other = await createCase(ws.ctx(), { ...buildCase({ title: 'Heather at the till' }), customer: { name: 'Heather Moss' } });
    const refs = async (q: string) => (await listCases(ws.ctx(), { q, limit: 50 })).items.map((c) => c.ref).sort();
    const number = String(Number(ingrid.ref.slice(-6)));
    expect(await refs(ingrid.ref)).toEqual([ingrid.ref]);
    expect(await refs(ingrid.ref.toLowerCase())).toEqual([ingrid.ref]);
    expect(await refs(number)).toEqual([ingrid.ref]);
    expect(await refs(`#${number}`)).toEqual([ingrid.ref]);
    expect(await refs('ingrid')).toEqual([ingrid.ref]);
    expect(await refs('Halv')).toEqual([ingrid.ref]);
    expect(await refs('ingrid.h@example.test')).toEqual([ingrid.ref]);
    // A name part, not any letters inside it: "the" finds no Heather, "heather" finds hers by name and title.
    expect(await refs('the')).toEqual([]);
    expect(await refs('heather')).toEqual([other.ref]);
    expect(await refs('999999')).toEqual([]);
    expect(await refs('50%')).toEqual([]);
    // Every word must start a part of the name, short words too (they are checked, not looked up).
    expect(await refs('INGRID HALVORSEN')).toEqual([ingrid.ref]);
    expect(await refs('ingrid h')).toEqual([ingrid.ref]);
    expect(await refs('in ha')).toEqual([ingrid.ref]);
    expect(await refs('ingrid moss')).toEqual([]);
    expect(await refs('grid')).toEqual([]);
    // The name index follows the customer's row.
    await database.db.updateTable('customers').set({ name: 'Inga Berg' }).where('email', '=', 'ingrid.h@example.test').execute();
    expect(await refs('halvorsen')).toEqual([]);
    expect(await refs('berg')).toEqual([ingrid.ref]);

    // An employee finds only cases they may see, whatever they type.
    const stranger = await buildWorkspace(database.db);
    expect((await listCases(stranger.ctx(), { q: ingrid.ref, limit: 50 })).items).toEqual([]);
  });
});
