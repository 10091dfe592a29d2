import { isInTheFuture } from '../domain/case.js';
import { invalid } from '../domain/errors.js';
import { toMinor } from '../domain/money.js';
import { GENESIS_HASH } from '../domain/timeline.js';
import { type CaseView, toCaseView } from '../presenters/case-presenter.js';
import { insertCase, insertParties, nextCaseRef } from '../store/cases.js';
import { chainEvents, insertEventRows } from '../store/events.js';
import { newId } from '../store/ids.js';
import { findCustomer, findCustomerByDetails, insertCustomer } from '../store/people.js';
import type { CaseRow, CustomerRow, Db } from '../store/schema.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import { nextDeadlineOf } from './case-change.js';
import { planClocks } from './case-clocks.js';
import { assertRefs } from './case-helpers.js';
import type { NewCaseInput } from './case-input.js';
import { inTransaction, type ServiceContext } from './context.js';
import { assertCaseType } from './deadline-settings.js';

/** Records a new incident: gives it a reference, starts its SLA clocks and opens its timeline. */
export function createCase(ctx: ServiceContext, input: NewCaseInput): Promise<CaseView> {
  const { actor, now } = ctx;
  const ws = actor.workspaceId;
  requirePermission(actor, 'create', 'case');
  if (input.customer) requirePermission(actor, 'create', 'customer');
  // Choosing the handler is a supervisor's call; a reporter leaves it open.
  if (input.assigneeId) requirePermission(actor, 'assign', 'case');
  return inTransaction(ctx.db, async (db) => {
    if (input.occurredAt !== undefined && isInTheFuture(input.occurredAt, now)) throw invalid('occurredAt', 'cannot be in the future');
    await assertRefs(db, ws, {
      teamId: input.teamId,
      userId: input.assigneeId,
      customerId: input.customerId,
      // Naming a customer on one's own report must not open their contact details to the reporter.
      customerScope: caseScopeOf(listScope(actor, 'customer')),
      employeeIds: input.employees?.map((e) => e.employeeId),
    });
    // Details that exactly match a customer on file name that customer, so a returning customer keeps
    // one record; the reporter typed every detail, so the match shows them nothing they did not know.
    const customer = input.customerId
      ? await findCustomer(db, ws, input.customerId)
      : input.customer
        ? ((await findCustomerByDetails(db, ws, input.customer)) ?? (await insertCustomer(db, { workspaceId: ws, ...input.customer }, now)))
        : undefined;
    // A report without a team lands in the reporter's own team, so its supervisor sees it.
    const teamId = input.teamId ?? actor.teamIds[0] ?? null;
    const row = await insertNewCase(db, { workspaceId: ws, reporterId: actor.userId, teamId, customer }, input, now);
    return toCaseView(row, now);
  });
}

/** Who a new case comes from: its reporter (none when a customer filed it themself), team and customer. */
export type NewCaseOrigin = {
  workspaceId: string;
  reporterId: string | null;
  teamId: string | null;
  customer: CustomerRow | undefined;
};

/**
 * Writes a new case row with its first event already chained, its parties and its clocks, in the
 * caller's transaction. Callers check permissions and references first.
 */
export async function insertNewCase(db: Db, origin: NewCaseOrigin, input: NewCaseInput, now: Date): Promise<CaseRow> {
  const ws = origin.workspaceId;
  const reportedAt = now.toISOString();
  const customer = origin.customer;
  const customerId = customer?.id ?? null;
  await assertCaseType(db, ws, input.caseTypeId);
  const clocks = await planClocks(db, ws, {
    severity: input.severity,
    caseTypeId: input.caseTypeId ?? null,
    teamId: origin.teamId,
    reportedAt,
  });
  const row: CaseRow = {
    id: newId(),
    workspace_id: ws,
    ref: await nextCaseRef(db, ws, now.getUTCFullYear()),
    title: input.title,
    summary: input.summary,
    channel: input.channel,
    team_id: origin.teamId,
    customer_id: customerId,
    reporter_id: origin.reporterId,
    assignee_id: input.assigneeId ?? null,
    severity: input.severity,
    customer_state: input.customerState,
    impact_amount_minor: input.financialImpact ? toMinor(input.financialImpact.amount) : null,
    impact_currency: input.financialImpact?.currency ?? null,
    impact_kind: input.financialImpact?.kind ?? null,
    risk_flags: JSON.stringify(input.riskFlags ?? []),
    status: 'reported',
    occurred_at: input.occurredAt ?? reportedAt,
    reported_at: reportedAt,
    acknowledge_due_at: clocks.acknowledgeDueAt,
    resolve_due_at: clocks.resolveDueAt,
    acknowledged_at: null,
    resolved_at: null,
    updated_at: reportedAt,
    search_text: `${input.title}\n${input.summary}`,
    event_count: 0,
    last_event_hash: GENESIS_HASH,
    case_type_id: input.caseTypeId ?? null,
    playbook_key: null,
    playbook_version: null,
    strategy: null,
    outcome: null,
    root_cause_category: null,
    root_cause: null,
    acknowledge_breached_at: null,
    resolve_breached_at: null,
    help_requested_at: null,
    help_requested_by: null,
    next_due_at: '',
    tags: '[]',
    clock_basis: clocks.basis,
    clock_paused_at: null,
    clock_pauses: '[]',
    merged_into_id: null,
    merged_into_ref: null,
  };
  row.next_due_at = nextDeadlineOf(row);
  const parties = input.employees ?? [];
  const created = {
    title: row.title,
    summary: row.summary,
    channel: row.channel,
    teamId: row.team_id,
    customerId,
    // The commitment to the customer's details as they stood, so an edited name or contact shows.
    ...(customer?.details_digest ? { customerDigest: customer.details_digest } : {}),
    severity: row.severity,
    customerState: row.customer_state,
    financialImpact: input.financialImpact ?? null,
    riskFlags: input.riskFlags ?? [],
    occurredAt: row.occurred_at,
    parties,
    assigneeId: row.assignee_id,
  };
  // The case is written with its first event already chained, so it needs no second write.
  const { rows, head } = chainEvents(row, [{ kind: 'case_created', actorId: origin.reporterId, at: reportedAt, data: created }]);
  Object.assign(row, head);
  await insertCase(db, row);
  await insertParties(
    db,
    parties.map((p) => ({ workspace_id: ws, case_id: row.id, employee_id: p.employeeId, role: p.role, created_at: reportedAt })),
  );
  await insertEventRows(db, rows);
  return row;
}
