import { sql } from 'kysely';
import { UNHAPPY_AT_MOST } from '../domain/follow-through.js';
import type { RuleCaseFacts, RuleReach } from '../domain/review-rules.js';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/**
 * Each employee's cases since `since`, as the primary party, that a rule can weigh (`reach`), read
 * once from the candidate indexes (candidateCases): the review-rule pass walks these employees and
 * reads each one's facts by these ids alone (ruleFactsSince's `caseIds`).
 */
export async function weighableCasesByEmployee(
  db: Db,
  workspaceId: string,
  since: string,
  reach: RuleReach,
): Promise<Map<string, string[]>> {
  const rows = await primaryCases(db, workspaceId, since, undefined, reach)
    .select(['case_parties.employee_id', 'case_parties.case_id'])
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.employee_id, [...(out.get(r.employee_id) ?? []), r.case_id]);
  return out;
}

/**
 * The cases since `since` where the employee (one of `employeeIds`, or anyone) was the primary
 * party; with `reach`, only those a rule can weigh.
 */
function primaryCases(
  db: Db,
  workspaceId: string,
  since: string,
  employeeIds: readonly string[] | undefined,
  reach: RuleReach | undefined,
  caseIds?: readonly string[],
) {
  // SQLite's unary plus keeps a term off the indexes: the window is then checked on each case read by
  // key, not read as a range of cases_ws_reported_at, which would walk every case since then.
  const plus = isPostgres(db) ? sql.raw('') : sql.raw('+');
  const ofWindow = sql<boolean>`${plus}cases.workspace_id = ${workspaceId} and ${plus}cases.reported_at >= ${since}`;
  const q = db
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.role', '=', 'primary');
  if (caseIds) {
    // Cases already found weighable: their parties by case_parties_pk, their rows by key (the
    // employees kept off case_parties_employee, which would probe every case once per employee).
    const ids = employeeIds ? sql.join(employeeIds.map((id) => sql`${id}`)) : null;
    return q
      .where('case_parties.case_id', 'in', caseIds)
      .$if(ids !== null, (q) => q.where(sql<boolean>`${plus}case_parties.employee_id in (${ids})`))
      .where(ofWindow);
  }
  if (employeeIds)
    // The employees' own cases lead (case_parties_employee), each checked against what a rule can
    // weigh by probes of the candidate indexes (the pass took minutes at a million cases when each
    // employee's read walked every case since then).
    return q
      .where('case_parties.employee_id', 'in', employeeIds)
      .where(ofWindow)
      .$if(reach !== undefined, (q) => q.where(weighable(workspaceId, reach as RuleReach)));
  if (!reach)
    // The cases' own workspace too, so the cases since then are read as one range of
    // cases_ws_reported_at and their parties by case (case_parties_pk), not every party scanned.
    return q.where('cases.workspace_id', '=', workspaceId).where('cases.reported_at', '>=', since);
  // Everyone's: the few candidates lead, each one's parties by case_parties_pk and its row by its key.
  return q.where('case_parties.case_id', 'in', candidateCases(db, workspaceId, since, reach)).where(ofWindow);
}

/**
 * What the review rules read about each case since `since` where the employee was the primary party
 * (loss, the customer's abuse flag, root cause, whether a supervisor approved the cost, unhappy
 * customer follow-ups and the employee's broken promises on it), by employee, for every employee
 * who was or only for `employeeIds`: four queries however many employees there are, each reading
 * the cases since then once. With `reach` (what a case needs for any of the rules to weigh it,
 * domain/review-rules.ts) only the cases that have it are read — a loss, an unhappy customer
 * follow-up, a broken promise — each from its own index (for everyone) or by probes of those
 * indexes (for a few employees, from their own cases), so HR's people report and the reviews
 * processor read those few cases instead of every case of the last year; the rules' outcomes are the
 * same, since they weigh no other case. With `caseIds` (weighableCasesByEmployee's, for the
 * review-rule pass) only those cases are read, by key.
 */
export async function ruleFactsSince(
  db: Db,
  workspaceId: string,
  since: string,
  employeeIds?: readonly string[],
  reach?: RuleReach,
  caseIds?: readonly string[],
): Promise<Map<string, RuleCaseFacts[]>> {
  const out = new Map<string, RuleCaseFacts[]>();
  if (employeeIds?.length === 0 || caseIds?.length === 0) return out;
  const primary = () => primaryCases(db, workspaceId, since, employeeIds, reach, caseIds);
  const primaryCaseIds = primary().select('case_parties.case_id');
  const [cases, unhappy, broken, employees] = await Promise.all([
    primary()
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
      .where('case_id', 'in', primaryCaseIds)
      .where(UNHAPPY_CUSTOMER)
      .execute(),
    db
      .selectFrom('commitments')
      .select(['case_id', 'owner_id'])
      .where('workspace_id', '=', workspaceId)
      .where('case_id', 'in', primaryCaseIds)
      .where(BROKEN)
      .execute(),
    db
      .selectFrom('employees')
      .select(['id', 'user_id'])
      .where('workspace_id', '=', workspaceId)
      .$if(employeeIds !== undefined, (q) => q.where('id', 'in', employeeIds as readonly string[]))
      .execute(),
  ]);
  const userOf = new Map(employees.map((e) => [e.id, e.user_id]));
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const unhappyBy = new Map<string, number>();
  for (const r of unhappy) count(unhappyBy, r.case_id);
  // A promise counts against the employee whose account owns it.
  const brokenBy = new Map<string, number>();
  for (const r of broken) count(brokenBy, `${r.case_id}|${r.owner_id}`);
  for (const c of cases) {
    const hasImpact = c.impact_amount_minor !== null;
    const user = userOf.get(c.employee_id);
    const facts: RuleCaseFacts = {
      caseId: c.id,
      ref: c.ref,
      reportedAt: c.reported_at,
      lossMinor: hasImpact ? Number(c.impact_amount_minor) : c.cost_minor === null ? null : Number(c.cost_minor),
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

// Spelled with literals, as the partial indexes of migration 0049 are (SQLite uses a partial index
// only for a query that spells its condition the same way).
const UNHAPPY_CUSTOMER = sql<boolean>`party = 'customer' and satisfaction <= ${sql.lit(UNHAPPY_AT_MOST)}`;
const BROKEN = sql<boolean>`status = 'broken'`;

/**
 * The ids of the cases that can weigh under the rules (a superset: the loss is checked on the case's
 * impact and on its agreed cost alike, the currency not at all), each branch read from its index:
 * cases_ws_loss (cases reported since then with an impact), resolutions_ws_cost, follow_ups_unhappy,
 * commitments_broken (the last three over the workspace's whole history, few rows each).
 */
function candidateCases(db: Db, workspaceId: string, since: string, reach: RuleReach) {
  const branches = [];
  if (reach.minLossMinor !== null) {
    branches.push(
      db
        .selectFrom('cases')
        .select('id as case_id')
        .where('workspace_id', '=', workspaceId)
        .where('reported_at', '>=', since)
        .where(sql<boolean>`impact_amount_minor is not null`)
        .where('impact_amount_minor', '>=', reach.minLossMinor),
      db.selectFrom('resolutions').select('case_id').where('workspace_id', '=', workspaceId).where('cost_minor', '>=', reach.minLossMinor),
    );
  }
  if (reach.unhappyFollowUps)
    branches.push(db.selectFrom('follow_ups').select('case_id').where('workspace_id', '=', workspaceId).where(UNHAPPY_CUSTOMER));
  if (reach.brokenPromises)
    branches.push(db.selectFrom('commitments').select('case_id').where('workspace_id', '=', workspaceId).where(BROKEN));
  const [first, ...rest] = branches;
  // No rule weighs anything: a set that holds no case.
  if (!first) return db.selectFrom('cases').select('id as case_id').where(sql<boolean>`1 = 0`);
  return rest.reduce((q, b) => q.union(b), first);
}

/**
 * The same test as candidateCases, asked of one case (`cases`): whether it has what a rule can weigh,
 * each part a probe of its index (cases_ws_loss's columns on the row itself, resolutions by case,
 * follow_ups_unhappy and commitments_broken by case).
 */
function weighable(workspaceId: string, reach: RuleReach) {
  const parts = [];
  if (reach.minLossMinor !== null) {
    const least = reach.minLossMinor;
    parts.push(
      sql<boolean>`(cases.impact_amount_minor is not null and cases.impact_amount_minor >= ${least})`,
      sql<boolean>`exists (select 1 from resolutions where resolutions.case_id = cases.id and resolutions.workspace_id = ${workspaceId} and resolutions.cost_minor >= ${least})`,
    );
  }
  if (reach.unhappyFollowUps)
    parts.push(
      sql<boolean>`exists (select 1 from follow_ups where follow_ups.workspace_id = ${workspaceId} and follow_ups.case_id = cases.id and ${UNHAPPY_CUSTOMER})`,
    );
  if (reach.brokenPromises)
    parts.push(
      sql<boolean>`exists (select 1 from commitments where commitments.workspace_id = ${workspaceId} and commitments.case_id = cases.id and ${BROKEN})`,
    );
  // No rule weighs anything: no case.
  return parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
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
