import type { CustomerState } from '../domain/case.js';
import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { Scenario } from '../domain/training.js';
import { createRedaction, type Person } from '../insights/redact.js';
import { listParties, listStatements } from '../store/cases.js';
import { findCustomer, listEmployees } from '../store/people.js';
import { insertScenarioVersion, listWorkspaceScenarioKeys } from '../store/training.js';
import { draftScenario } from '../training/scenario-draft.js';
import { assertValid } from '../training/scenarios.js';
import { forbidden, requirePermission } from './authorization.js';
import { loadCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { playbookOf, readScenario, type ScenarioView } from './training-scenarios.js';

/**
 * A supervisor turns a closed case of their team into a practice scenario in one step. Names,
 * contact details, card and order numbers go through the shared redaction (src/insights/redact.ts)
 * before anything is saved; the draft is the supervisor's to edit, and nobody practises it until it
 * is published.
 */
export async function draftScenarioFromCase(ctx: ServiceContext, ref: string): Promise<ScenarioView> {
  requirePermission(ctx.actor, 'annotate', 'training_scenario');
  const ws = ctx.actor.workspaceId;
  const key = await inTransaction(ctx.db, async (db) => {
    const { row } = await loadCase(db, ctx.actor, ref);
    if (!authorize(ctx.actor, 'annotate', 'training_scenario', { teamIds: [row.team_id] }))
      throw forbidden(ctx.actor, 'annotate', 'training_scenario');
    if (row.status !== 'closed') throw new AppError('conflict', `${ref} is not closed yet; a scenario is made from a finished case`);
    const [parties, statements, customer, employees] = await Promise.all([
      listParties(db, ws, row.id),
      listStatements(db, ws, row.id),
      row.customer_id ? findCustomer(db, ws, row.customer_id) : undefined,
      listEmployees(db, ws),
    ]);
    const people: Person[] = [
      ...(customer ? [{ name: customer.name, role: 'customer' }] : []),
      ...parties.map((p) => ({ name: p.name, role: p.role === 'witness' ? 'witness' : 'employee' })),
    ];
    const redaction = createRedaction({ parties: people, directory: employees.map((e) => ({ name: e.name, role: 'employee' })) });
    const clean = (text: string) => redaction.redact(text).text;
    // Corrected statements are replaced by their correction.
    const corrected = new Set(statements.flatMap((s) => (s.corrects_id ? [s.corrects_id] : [])));
    const current = statements.filter((s) => !corrected.has(s.id));
    const scenario: Scenario = draftScenario(
      {
        title: clean(row.title),
        summary: clean(row.summary),
        channel: row.channel as Scenario['channel'],
        customerState: row.customer_state as CustomerState,
        playbookKey: row.playbook_key,
        strategy: row.strategy,
        customerStatements: current.filter((s) => s.party === 'customer').map((s) => clean(s.body)),
        staffStatements: current.filter((s) => s.party !== 'customer').map((s) => clean(s.body)),
      },
      await listWorkspaceScenarioKeys(db, ws),
    );
    assertValid(scenario, await playbookOf(db, ws, scenario));
    await insertScenarioVersion(db, ws, scenario, ctx.actor.userId, ctx.now.toISOString(), { draft: true, fromCaseId: row.id });
    return scenario.key;
  });
  return readScenario(ctx, key);
}
