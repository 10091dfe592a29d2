import { UNHAPPY_AT_MOST } from '../domain/follow-through.js';
import type { RuleCaseFacts } from '../domain/review-rules.js';
import type { Db } from './schema.js';

/** Employees who were the primary party on a case reported since `since`. */
export async function primaryEmployeesSince(db: Db, workspaceId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .select('case_parties.employee_id')
    .distinct()
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.role', '=', 'primary')
    .where('cases.reported_at', '>=', since)
    .execute();
  return rows.map((r) => r.employee_id);
}

/**
 * What the review rules read about each case since `since` where the employee was the primary party:
 * loss, the customer's abuse flag, root cause, whether a supervisor approved the cost, unhappy
 * customer follow-ups and the employee's broken promises on it.
 */
export async function ruleFactsOf(db: Db, workspaceId: string, employeeId: string, since: string): Promise<RuleCaseFacts[]> {
  const cases = await db
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .leftJoin('customers', 'customers.id', 'cases.customer_id')
    .leftJoin('resolutions', 'resolutions.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.ref',
      'cases.reported_at',
      'cases.impact_amount_minor',
      'cases.impact_currency',
      'cases.root_cause_category',
      'customers.flagged_at',
      'resolutions.cost_minor',
      'resolutions.currency as cost_currency',
      'resolutions.approval_state',
      'resolutions.approver_id',
    ])
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.employee_id', '=', employeeId)
    .where('case_parties.role', '=', 'primary')
    .where('cases.reported_at', '>=', since)
    .orderBy('cases.reported_at')
    .execute();
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const employee = await db.selectFrom('employees').select('user_id').where('id', '=', employeeId).executeTakeFirst();
  const unhappy = await db
    .selectFrom('follow_ups')
    .select(['case_id'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', ids)
    .where('party', '=', 'customer')
    .where('satisfaction', '<=', UNHAPPY_AT_MOST)
    .execute();
  const broken = employee?.user_id
    ? await db
        .selectFrom('commitments')
        .select(['case_id'])
        .where('workspace_id', '=', workspaceId)
        .where('case_id', 'in', ids)
        .where('owner_id', '=', employee.user_id)
        .where('status', '=', 'broken')
        .execute()
    : [];
  const tally = (rows: { case_id: string }[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.case_id, (m.get(r.case_id) ?? 0) + 1);
    return m;
  };
  const unhappyBy = tally(unhappy);
  const brokenBy = tally(broken);
  return cases.map((c) => {
    const hasImpact = c.impact_amount_minor !== null;
    return {
      caseId: c.id,
      ref: c.ref,
      reportedAt: c.reported_at,
      lossMinor: hasImpact ? c.impact_amount_minor : (c.cost_minor ?? null),
      currency: hasImpact ? (c.impact_currency ?? 'EUR') : (c.cost_currency ?? null),
      customerFlagged: c.flagged_at !== null,
      rootCause: c.root_cause_category,
      costApproved: c.approval_state === 'approved' && c.approver_id !== null,
      unhappyFollowUps: unhappyBy.get(c.id) ?? 0,
      brokenPromises: brokenBy.get(c.id) ?? 0,
    };
  });
}

/** Everyone with an account who is party to any of these cases: reporters, handlers, named employees. */
export async function casePartyUserIds(db: Db, workspaceId: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const cases = await db
    .selectFrom('cases')
    .select(['reporter_id', 'assignee_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', caseIds)
    .execute();
  const parties = await db
    .selectFrom('case_parties')
    .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
    .select('employees.user_id')
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.case_id', 'in', caseIds)
    .execute();
  const ids = [...cases.flatMap((c) => [c.reporter_id, c.assignee_id]), ...parties.map((p) => p.user_id)];
  return new Set(ids.filter((id): id is string => id !== null));
}
