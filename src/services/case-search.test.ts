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
