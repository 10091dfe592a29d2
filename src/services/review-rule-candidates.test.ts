import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildCommitmentRow, buildFollowUpRow, buildWorkspace } from '../../test/factories.js';
import { buildCast } from '../../test/people.js';
import { evaluateRule, type ReviewRule, reachOf, windowStart } from '../domain/review-rules.js';
import { ruleFactsSince } from '../store/review-facts.js';
import { createCase } from './create-case.js';
import { proposeResolution } from './resolution.js';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const rule = (over: Partial<ReviewRule> & Pick<ReviewRule, 'kind'>): ReviewRule => ({
  id: uuidv7(),
  name: over.kind,
  threshold: 1,
  windowMonths: 12,
  minLossMinor: null,
  currency: null,
  enabled: true,
  countExclusions: [],
  ...over,
});

const RULES: ReviewRule[] = [
  rule({ kind: 'costly_cases', threshold: 2, minLossMinor: 50_000 }),
  rule({ kind: 'costly_cases', minLossMinor: 10_000, currency: 'USD', countExclusions: ['abusive_customer'] }),
  rule({ kind: 'unhappy_follow_ups', windowMonths: 6 }),
  rule({ kind: 'broken_promises' }),
];

/**
 * HR's people report checks the rules on the cases that can weigh under them only (a loss, an
 * unhappy customer follow-up, a broken promise): every rule's outcome for every employee must be
 * the one the check of all their cases gives, whichever rules are enabled.
 */
describeEachDatabase('the review rules checked on their candidate cases', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  const plain: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    cast = await buildCast(ws.ctx());
    const a = cast.employeeA.actor;
    const b = cast.employeeB.actor;
    const open = async (
      days: number,
      employeeId: string,
      extra: { loss?: { amount: number; currency: string }; role?: 'primary' | 'witness'; customer?: string } = {},
    ) =>
      createCase(ws.ctx(daysAgo(days)), {
        ...buildCase(extra.loss ? { financialImpact: { ...extra.loss, kind: 'refund' } } : {}),
        teamId: cast.teamA.id,
        employees: [{ employeeId, role: extra.role ?? 'primary' }],
        customer: { name: 'Robin Customer', email: extra.customer ?? `robin.${uuidv7()}@example.test` },
      });
    const followUp = (caseId: string, satisfaction: number | null, party: 'customer' | 'employee' = 'customer') =>
      database.db
        .insertInto('follow_ups')
        .values(buildFollowUpRow({ workspace_id: ws.workspace.id, case_id: caseId, party, satisfaction }, daysAgo(1)))
        .execute();
    const promise = (caseId: string, ownerId: string, status: string) =>
      database.db
        .insertInto('commitments')
        .values(buildCommitmentRow({ workspace_id: ws.workspace.id, case_id: caseId, owner_id: ownerId, status }, daysAgo(2)))
        .execute();

    const aId = a.employeeId as string;
    const bId = b.employeeId as string;
    await open(10, aId, { loss: { amount: 800, currency: 'EUR' } });
    await open(20, aId, { loss: { amount: 100, currency: 'EUR' } }); // below every rule's least loss but the USD one's, in EUR
    const costed = await open(30, aId);
    await proposeResolution(ws.ctx(daysAgo(29)), costed.ref, {
      problem: 'Refund refused',
      options: ['Refund'],
      solution: 'Refund',
      policyRefs: [],
      cost: { amount: 700, currency: 'EUR' },
    });
    const unhappy = await open(40, aId);
    await followUp(unhappy.id, 1);
    await followUp(unhappy.id, 2);
    await followUp(unhappy.id, 4);
    const longAgo = await open(250, aId); // inside the costly window, outside the unhappy one
    await followUp(longAgo.id, 1);
    await open(400, aId, { loss: { amount: 600, currency: 'EUR' } }); // outside every window
    await open(15, aId, { loss: { amount: 5000, currency: 'EUR' }, role: 'witness' }); // not the primary party
    const broken = await open(12, bId);
    await promise(broken.id, b.userId, 'broken');
    await promise(broken.id, cast.supervisorA.actor.userId, 'broken'); // someone else's promise
    const abusive = await open(8, bId, { loss: { amount: 900, currency: 'USD' } });
    await database.db
      .updateTable('customers')
      .set({ flagged_at: daysAgo(8).toISOString() })
      .where('id', '=', abusive.customerId as string)
      .execute();
    await open(5, bId, { loss: { amount: 20_000, currency: 'USD' } });
    // Cases no rule can weigh: no loss, a happy answer, an employee's answer, a kept promise.
    for (const days of [3, 6, 9]) plain.push((await open(days, days === 6 ? bId : aId)).id);
    await followUp(plain[0] as string, 5);
    await followUp(plain[1] as string, 1, 'employee');
    await promise(plain[2] as string, a.userId, 'kept');
  });
  afterAll(async () => database.dispose());

  // Every rule's outcome for each employee with a case since the longest window (none read: no case weighs).
  const outcomes = async (rules: ReviewRule[], candidatesOnly: boolean) => {
    const since = windowStart(NOW, Math.max(...rules.map((r) => r.windowMonths))).toISOString();
    const facts = await ruleFactsSince(database.db, ws.workspace.id, since, undefined, candidatesOnly ? reachOf(rules) : undefined);
    const out: Record<string, unknown> = {};
    for (const employeeId of [cast.employeeA.actor.employeeId as string, cast.employeeB.actor.employeeId as string])
      for (const r of rules) out[`${employeeId} ${r.id}`] = evaluateRule(r, facts.get(employeeId) ?? [], NOW);
    return { facts, out };
  };

  it('gives every rule the outcome the check of all the cases gives', async () => {
    const all = await outcomes(RULES, false);
    const few = await outcomes(RULES, true);
    expect(few.out).toEqual(all.out);
    const flagged = Object.values(all.out).filter((o) => (o as { flagged: boolean }).flagged);
    // Each rule flags someone here: costly (A), USD costly (B, the abusive customer's case counted), unhappy (A), broken (B).
    expect(flagged).toHaveLength(4);
    const read = [...few.facts.values()].flat().map((c) => c.caseId);
    expect(read.some((id) => plain.includes(id))).toBe(false);
    expect([...all.facts.values()].flat().filter((c) => plain.includes(c.caseId))).toHaveLength(3);
    expect(read.length).toBeLessThan([...all.facts.values()].flat().length);
  });

  it('agrees with one kind of rule alone, and reads no case when no rule is enabled', async () => {
    for (const only of RULES) {
      const all = await outcomes([only], false);
      const few = await outcomes([only], true);
      expect(few.out).toEqual(all.out);
    }
    const none = RULES.map((r) => ({ ...r, enabled: false }));
    expect(reachOf(none)).toEqual({ minLossMinor: null, unhappyFollowUps: false, brokenPromises: false });
    expect((await outcomes(none, true)).facts.size).toBe(0);
  });
});
