import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../test/databases.js';
import { buildCase, buildWorkspace } from '../../test/factories.js';
import { buildPerson } from '../../test/people.js';
import { signal } from '../../test/signal.js';
import { inTransaction } from './context.js';
import { createCase } from './create-case.js';
import { createTeam } from './directory.js';
import { evaluateReviewRules } from './review-flags.js';
import { workspaceRules } from './review-rules.js';

const NOW = new Date('2026-06-20T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/**
 * The hourly pass and the reviews processor (a case closed) may check the same employee at the same
 * moment on two PostgreSQL connections: the second waits for the first and raises nothing twice.
 */
describeEachDatabase('two review-rule checks of one employee at once', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.dispose());

  const race = async (rulesWritten: boolean) => {
    const ws = await buildWorkspace(database.db);
    if (rulesWritten) await workspaceRules(database.db, ws.workspace.id, NOW);
    const team = await createTeam(ws.ctx(), 'Desk');
    const employeeId = (await buildPerson(ws.ctx(), 'employee', [team.id])).actor.employeeId as string;
    // Two costly cases within a year meet the workspace's default rule.
    for (const days of [90, 9])
      await createCase(ws.ctx(daysAgo(days)), {
        ...buildCase({ financialImpact: { amount: 750, currency: 'EUR', kind: 'refund' } }),
        teamId: team.id,
        employees: [{ employeeId, role: 'primary' }],
        customer: { name: 'Robin Customer', email: `robin.${Math.random().toString(36).slice(2)}@example.test` },
      });

    const checked = signal();
    const mayCommit = signal();
    const first = inTransaction(database.db, async (trx) => {
      const raised = await evaluateReviewRules(trx, ws.workspace.id, NOW, [employeeId]);
      checked.fire();
      await mayCommit.reached;
      return raised;
    });
    await checked.reached;
    const second = inTransaction(database.db, (trx) => evaluateReviewRules(trx, ws.workspace.id, NOW, [employeeId]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    mayCommit.fire();
    const [a, b] = await Promise.all([first, second]);
    expect([a.length, b.length]).toEqual([1, 0]);
    const stored = await database.db.selectFrom('review_flags').select('id').where('workspace_id', '=', ws.workspace.id).execute();
    expect(stored).toHaveLength(1);
    const rules = await database.db.selectFrom('review_rules').select('id').where('workspace_id', '=', ws.workspace.id).execute();
    expect(rules).toHaveLength(1);
  };

  it('raise one flag, the second check waiting for the first to commit', () => race(true));
  it('in a new workspace, write its default rule once and raise one flag', () => race(false));
});
