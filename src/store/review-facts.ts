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
    .where('cases.workspace_id', '=', workspaceId)
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
  return (await ruleFactsSince(db, workspaceId, since, employeeId)).get(employeeId) ?? [];
}

/**
 * The same facts for every employee who was the primary party on a case since `since` (or for one),
 * by employee: four queries however many employees there are, each reading the cases since then
 * once (HR's people report checks every employee against the rules at once).
 */
export async function ruleFactsSince(
  db: Db,
  workspaceId: string,
  since: string,
  employeeId?: string,
): Promise<Map<string, RuleCaseFacts[]>> {
  const primary = (q: ReturnType<typeof primaryCases>) => (employeeId ? q.where('case_parties.employee_id', '=', employeeId) : q);
  const primaryCases = () =>
    db
      .selectFrom('case_parties')
      .innerJoin('cases', 'cases.id', 'case_parties.case_id')
      .where('case_parties.workspace_id', '=', workspaceId)
      // The cases' own workspace too, so the cases since then are read as one range of
      // cases_ws_reported_at and their parties by case (case_parties_pk), not every party scanned.
      .where('cases.workspace_id', '=', workspaceId)
      .where('case_parties.role', '=', 'primary')
      .where('cases.reported_at', '>=', since);
  const caseIds = primary(primaryCases()).select('case_parties.case_id');
  const [cases, unhappy, broken, employees] = await Promise.all([
    primary(primaryCases())
      .leftJoin('customers', 'customers.id', 'cases.customer_id')
      .leftJoin('resolutions', 'resolutions.case_id', 'cases.id')
      .select([
        'case_parties.employee_id',
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
      .orderBy('cases.reported_at')
      .execute(),
    db
      .selectFrom('follow_ups')
      .select(['case_id'])
      .where('workspace_id', '=', workspaceId)
      .where('case_id', 'in', caseIds)
      .where('party', '=', 'customer')
      .where('satisfaction', '<=', UNHAPPY_AT_MOST)
      .execute(),
    db
      .selectFrom('commitments')
      .select(['case_id', 'owner_id'])
      .where('workspace_id', '=', workspaceId)
      .where('case_id', 'in', caseIds)
      .where('status', '=', 'broken')
      .execute(),
    db
      .selectFrom('employees')
      .select(['id', 'user_id'])
      .where('workspace_id', '=', workspaceId)
      .$if(employeeId !== undefined, (q) => q.where('id', '=', employeeId as string))
      .execute(),
  ]);
  const userOf = new Map(employees.map((e) => [e.id, e.user_id]));
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const unhappyBy = new Map<string, number>();
  for (const r of unhappy) count(unhappyBy, r.case_id);
  // A promise counts against the employee whose account owns it.
  const brokenBy = new Map<string, number>();
  for (const r of broken) count(brokenBy, `${r.case_id}|${r.owner_id}`);
  const out = new Map<string, RuleCaseFacts[]>();
  for (const c of cases) {
    const hasImpact = c.impact_amount_minor !== null;
    const user = userOf.get(c.employee_id);
    const facts: RuleCaseFacts = {
      caseId: c.id,
      ref: c.ref,
      reportedAt: c.reported_at,
      lossMinor: hasImpact ? c.impact_amount_minor : (c.cost_minor ?? null),
      currency: hasImpact ? (c.impact_currency ?? 'EUR') : (c.cost_currency ?? null),
      customerFlagged: c.flagged_at !== null,
      rootCause: c.root_cause_category,
      costApproved: c.approval_state === 'approved' && c.approver_id !== null,
      unhappyFollowUps: unhappyBy.get(c.id) ?? 0,
      brokenPromises: user ? (brokenBy.get(`${c.id}|${user}`) ?? 0) : 0,
    };
    const list = out.get(c.employee_id);
    if (list) list.push(facts);
    else out.set(c.employee_id, [facts]);
  }
  return out;
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
