import type { Channel, CustomerState, FinancialImpact, ImpactKind, RiskFlag, Severity, StatementParty } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import { nextStatuses } from '../domain/case-status.js';
import { toMajor } from '../domain/money.js';
import { type ClockBasis, type SlaClock, slaClock } from '../domain/sla.js';
import type { AttentionReason } from '../store/cases.js';
import type { CaseEventRow, CaseRow, StatementRow } from '../store/schema.js';

/** A case as the outside world sees it; built from a row by an explicit mapping (an allowlist). */
export type CaseView = {
  id: string;
  ref: string;
  title: string;
  summary: string;
  channel: Channel;
  teamId: string | null;
  customerId: string | null;
  reporterId: string | null;
  assigneeId: string | null;
  severity: Severity;
  customerState: CustomerState;
  financialImpact: FinancialImpact | null;
  riskFlags: RiskFlag[];
  status: CaseStatus;
  nextStatuses: CaseStatus[];
  occurredAt: string;
  reportedAt: string;
  updatedAt: string;
  sla: { acknowledge: SlaClock; resolve: SlaClock };
  /** How the clocks count, and since when they are paused (the case waits on the customer). */
  clock: { basis: ClockBasis; pausedAt: string | null };
  eventCount: number;
  caseTypeId: string | null;
  playbook: { key: string; version: number } | null;
  strategy: string | null;
  outcome: string | null;
  rootCause: { category: string; whys: string[]; factors: string[] } | null;
  /** An open call for a supervisor's help, until someone takes it. */
  help: { requestedAt: string; requestedBy: string | null } | null;
  tags: string[];
  /** The case kept, once this one was merged into it. */
  mergedInto: { id: string; ref: string } | null;
  /** Set only in a list asked for with the attention filter: why the case needs a supervisor. */
  attention?: AttentionReason[];
};

export function toCaseView(row: CaseRow, now: Date): CaseView {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    summary: row.summary,
    channel: row.channel as Channel,
    teamId: row.team_id,
    customerId: row.customer_id,
    reporterId: row.reporter_id,
    assigneeId: row.assignee_id,
    severity: row.severity as Severity,
    customerState: row.customer_state as CustomerState,
    financialImpact:
      row.impact_amount_minor === null
        ? null
        : { amount: toMajor(row.impact_amount_minor), currency: row.impact_currency ?? 'EUR', kind: row.impact_kind as ImpactKind },
    riskFlags: JSON.parse(row.risk_flags) as RiskFlag[],
    status: row.status as CaseStatus,
    nextStatuses: [...nextStatuses(row.status as CaseStatus)],
    occurredAt: row.occurred_at,
    reportedAt: row.reported_at,
    updatedAt: row.updated_at,
    sla: {
      acknowledge: slaClock(row.acknowledge_due_at, row.acknowledged_at, now, row.clock_paused_at),
      resolve: slaClock(row.resolve_due_at, row.resolved_at, now, row.clock_paused_at),
    },
    clock: { basis: row.clock_basis as ClockBasis, pausedAt: row.clock_paused_at },
    eventCount: row.event_count,
    caseTypeId: row.case_type_id,
    playbook: row.playbook_key !== null && row.playbook_version !== null ? { key: row.playbook_key, version: row.playbook_version } : null,
    strategy: row.strategy,
    outcome: row.outcome,
    rootCause:
      row.root_cause_category === null
        ? null
        : {
            category: row.root_cause_category,
            ...(JSON.parse(row.root_cause ?? '{"whys":[],"factors":[]}') as { whys: string[]; factors: string[] }),
          },
    help: row.help_requested_at === null ? null : { requestedAt: row.help_requested_at, requestedBy: row.help_requested_by },
    tags: JSON.parse(row.tags) as string[],
    mergedInto: row.merged_into_id !== null && row.merged_into_ref !== null ? { id: row.merged_into_id, ref: row.merged_into_ref } : null,
  };
}

export type StatementView = {
  id: string;
  party: StatementParty;
  employeeId: string | null;
  authorName: string;
  body: string;
  takenBy: string | null;
  takenAt: string;
  correctsId: string | null;
};

export function toStatementView(row: StatementRow): StatementView {
  return {
    id: row.id,
    party: row.party as StatementParty,
    employeeId: row.employee_id,
    authorName: row.author_name,
    body: row.body,
    takenBy: row.taken_by,
    takenAt: row.taken_at,
    correctsId: row.corrects_id,
  };
}

export type EventView = {
  id: string;
  seq: number;
  kind: string;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
};

export function toEventView(row: CaseEventRow): EventView {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    actorId: row.actor_id,
    at: row.at,
    data: JSON.parse(row.data) as Record<string, unknown>,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
