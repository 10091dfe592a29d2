import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildCommitmentRow, buildFollowUpRow, buildWorkspace } from '../../test/factories.js';
import { buildPerson } from '../../test/people.js';
import { evaluateRule, type FairnessExclusion, type ReviewRule, windowStart } from '../domain/review-rules.js';
import { ruleFactsSince, weighableCasesByEmployee } from '../store/review-facts.js';
import { insertRuleRow } from '../store/review-rules.js';
import { createCase } from './create-case.js';
import { createTeam } from './directory.js';
import { evaluateAllReviewRules, evaluateWorkspaceReviewRules } from './review-flags.js';
import { toRule } from './review-rules.js';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

type Flag = { employeeId: string; ruleId: string; counted: unknown; excluded: unknown };
const byKey = (a: Flag, b: Flag) => `${a.employeeId} ${a.ruleId}`.localeCompare(`${b.employeeId} ${b.ruleId}`);

/**
 * The hourly review-rule pass walks the employees in small batches, each checked in its own
 * transaction: it must raise exactly the flags one check of every employee over every case gives
 * (the same counted and set-apart cases), however the batches fall, and nothing twice.
 */
describeEachDatabase('the review-rule pass in batches', (kind) => {
  let database: TestDatabase;
  let ws: Awaited<ReturnType<typeof buildWorkspace>>;
  let other: Awaited<ReturnType<typeof buildWorkspace>>;
  let rules: ReviewRule[];
  const employees: string[] = [];

  const addRule = async (
    workspaceId: string,
    over: { kind: string; threshold: number; min_loss_minor?: number; count_exclusions?: FairnessExclusion[] },
  ) =>
    toRule(
      await insertRuleRow(database.db, {
        workspace_id: workspaceId,
        kind: over.kind,
        name: over.kind,
        threshold: over.threshold,
        window_months: 12,
        min_loss_minor: over.min_loss_minor ?? null,
        currency: null,
        enabled: 1,
        count_exclusions: JSON.stringify(over.count_exclusions ?? []),
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      }),
    );

  const open = async (w: typeof ws, teamId: string, days: number, employeeId: string, loss?: number) =>
    createCase(w.ctx(daysAgo(days)), {
      ...buildCase(loss ? { financialImpact: { amount: loss, currency: 'EUR', kind: 'refund' } } : {}),
      teamId,
      employees: [{ employeeId, role: 'primary' }],
      customer: { name: 'Robin Customer', email: `robin.${Math.random().toString(36).slice(2)}@example.test` },
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ws = await buildWorkspace(database.db);
    other = await buildWorkspace(database.db);
    await buildWorkspace(database.db); // a workspace with no cases: the pass leaves it alone
    const team = await createTeam(ws.ctx(), 'Front desk');
    const people = [];
    for (let i = 0; i < 7; i++) people.push((await buildPerson(ws.ctx(), 'employee', [team.id])).actor);
    employees.push(...people.map((p) => p.employeeId as string));
    rules = [
      await addRule(ws.workspace.id, { kind: 'costly_cases', threshold: 2, min_loss_minor: 50_000 }),
      await addRule(ws.workspace.id, { kind: 'unhappy_follow_ups', threshold: 3 }),
      await addRule(ws.workspace.id, { kind: 'broken_promises', threshold: 2 }),
    ];
    const followUp = (caseId: string, satisfaction: number) =>
      database.db
        .insertInto('follow_ups')
        .values(buildFollowUpRow({ workspace_id: ws.workspace.id, case_id: caseId, party: 'customer', satisfaction }, daysAgo(1)))
        .execute();
    const broken = (caseId: string, ownerId: string) =>
      database.db
        .insertInto('commitments')
        .values(buildCommitmentRow({ workspace_id: ws.workspace.id, case_id: caseId, owner_id: ownerId, status: 'broken' }, daysAgo(2)))
        .execute();
    const [e0, e1, e2, e3, e4, e5, e6] = employees as [string, string, string, string, string, string, string];
    // Interleaved in time, so each employee's cases lie far apart among everyone else's.
    for (const days of [300, 200, 100]) {
      await open(ws, team.id, days, e0, 800); // E0: costly, counted
      const unhappy = await open(ws, team.id, days + 1, e1);
      if (days !== 100) await followUp(unhappy.id, days === 300 ? 1 : 2); // E1: unhappy answers over two cases…
      await open(ws, team.id, days + 2, e6); // E6: nothing any rule weighs
      await open(ws, team.id, days + 3, e5, 600); // E5: three costly cases and three unhappy answers
    }
    const third = await open(ws, team.id, 20, e1);
    await followUp(third.id, 1); // …and the third, months later: E1's total reaches 3 only here
    const e5Unhappy = await open(ws, team.id, 30, e5);
    for (const s of [1, 1, 2]) await followUp(e5Unhappy.id, s);
    const abusive = await open(ws, team.id, 15, e0, 900); // E0: set apart
    await database.db
      .updateTable('customers')
      .set({ flagged_at: daysAgo(15).toISOString() })
      .where('id', '=', abusive.customerId as string)
      .execute();
    await open(ws, team.id, 50, e2, 700); // E2: one costly case, one broken promise: below both thresholds
    const e2Broken = await open(ws, team.id, 40, e2);
    await broken(e2Broken.id, people[2]?.userId as string);
    for (const days of [60, 5]) {
      const c = await open(ws, team.id, days, e3); // E3: two broken promises on two cases
      await broken(c.id, people[3]?.userId as string);
    }
    await open(ws, team.id, 10, e4, 1000); // E4: one costly case inside the window, one outside it
    await open(ws, team.id, 400, e4, 1000);

    // Another workspace, with the default rule and one employee who meets it.
    const otherTeam = await createTeam(other.ctx(), 'Desk');
    const o = (await buildPerson(other.ctx(), 'employee', [otherTeam.id])).actor.employeeId as string;
    for (const days of [90, 9]) await open(other, otherTeam.id, days, o, 750);
  });
  afterAll(async () => database.dispose());

  /** The flags one check of every employee over all their cases (no candidate indexes, no batches) gives. */
  const expectedFlags = async (): Promise<Flag[]> => {
    const since = windowStart(NOW, 12).toISOString();
    const facts = await ruleFactsSince(database.db, ws.workspace.id, since);
    const out: Flag[] = [];
    for (const employeeId of employees)
      for (const rule of rules) {
        const o = evaluateRule(rule, facts.get(employeeId) ?? [], NOW);
        if (!o.flagged) continue;
        out.push({
          employeeId,
          ruleId: rule.id,
          counted: o.counted.map(({ caseId, ref, why }) => ({ caseId, ref, why })),
          excluded: o.excluded.map(({ caseId, ref, why, reasons }) => ({ caseId, ref, why, reasons })),
        });
      }
    return out.sort(byKey);
  };

  const storedFlags = async (workspaceId = ws.workspace.id): Promise<Flag[]> =>
    (await database.db.selectFrom('review_flags').selectAll().where('workspace_id', '=', workspaceId).execute())
      .map((r) => ({ employeeId: r.employee_id, ruleId: r.rule_id, counted: JSON.parse(r.counted), excluded: JSON.parse(r.excluded) }))
      .sort(byKey);

  const raisedEvents = async (workspaceId: string) =>
    (
      await database.db
        .selectFrom('event_outbox')
        .select('data')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'review_flag_raised')
        .execute()
    ).length;

  const forget = async () => {
    await database.db.deleteFrom('review_flags').execute();
    await database.db.deleteFrom('event_outbox').where('kind', '=', 'review_flag_raised').execute();
  };

  it('raises the flags the check of every case gives, wherever the batches fall', async () => {
    const expected = await expectedFlags();
    const [e0, e1, , e3, , e5] = employees;
    const costly = rules[0]?.id;
    const unhappy = rules[1]?.id;
    const broken = rules[2]?.id;
    expect(expected.map((f) => `${f.employeeId} ${f.ruleId}`).sort()).toEqual(
      [`${e0} ${costly}`, `${e1} ${unhappy}`, `${e3} ${broken}`, `${e5} ${costly}`, `${e5} ${unhappy}`].sort(),
    );
    // E1's three unhappy answers lie on three cases months apart, among others' cases.
    expect(expected.find((f) => f.employeeId === e1)?.counted).toHaveLength(3);
    expect(expected.find((f) => f.employeeId === e0)?.excluded).toHaveLength(1);
    // The pass walks only the employees with a case a rule can weigh: not E6.
    const since = windowStart(NOW, 12).toISOString();
    const weighable = await weighableCasesByEmployee(database.db, ws.workspace.id, since, {
      minLossMinor: 50_000,
      unhappyFollowUps: true,
      brokenPromises: true,
    });
    expect([...weighable.keys()].sort()).toEqual(employees.filter((e) => e !== employees[6]).sort());
    // Batches of 1, 2 and 3 put a boundary beside every flagged employee; 50 reads them all at once.
    for (const batch of [1, 2, 3, 50]) {
      await forget();
      const raised = await evaluateWorkspaceReviewRules(database.db, ws.workspace.id, NOW, { batch });
      expect(raised).toHaveLength(expected.length);
      expect(await storedFlags()).toEqual(expected);
      expect(await raisedEvents(ws.workspace.id)).toBe(expected.length);
    }
  });

  it('raises nothing twice when it runs again, in batches of any size', async () => {
    await forget();
    const expected = await expectedFlags();
    expect(await evaluateWorkspaceReviewRules(database.db, ws.workspace.id, NOW, { batch: 2 })).toHaveLength(expected.length);
    for (const batch of [1, 3, 50]) expect(await evaluateWorkspaceReviewRules(database.db, ws.workspace.id, NOW, { batch })).toEqual([]);
    expect(await storedFlags()).toEqual(expected);
    expect(await raisedEvents(ws.workspace.id)).toBe(expected.length);
  });

  it('walks every workspace that has cases, each with its own rules, and leaves a workspace without cases alone', async () => {
    await forget();
    const expected = await expectedFlags();
    expect(await evaluateAllReviewRules(database.db, NOW, { batch: 1 })).toBe(expected.length + 1);
    expect(await storedFlags()).toEqual(expected);
    const [flag] = await storedFlags(other.workspace.id);
    expect(flag?.counted).toHaveLength(2);
    const rulesOfCaseless = await database.db
      .selectFrom('review_rules')
      .select('id')
      .where('workspace_id', 'not in', [ws.workspace.id, other.workspace.id])
      .execute();
    expect(rulesOfCaseless).toEqual([]);
    expect(await evaluateAllReviewRules(database.db, NOW)).toBe(0);
  });
});
