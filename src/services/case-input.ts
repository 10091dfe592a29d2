import type { Channel, CustomerState, FinancialImpact, PartyRole, RiskFlag, Severity, StatementParty } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import type { RootCauseCategory } from '../domain/root-cause.js';

/** Inputs of the case use cases, already shape-checked by the caller (zod contracts at the edges). */
export type NewCaseInput = {
  title: string;
  summary: string;
  channel: Channel;
  teamId?: string | null | undefined;
  severity: Severity;
  customerState: CustomerState;
  occurredAt?: string | undefined;
  customerId?: string | null | undefined;
  customer?: { name: string; email?: string | null | undefined; phone?: string | null | undefined } | undefined;
  employees?: { employeeId: string; role: PartyRole }[] | undefined;
  financialImpact?: FinancialImpact | null | undefined;
  riskFlags?: RiskFlag[] | undefined;
  assigneeId?: string | null | undefined;
  caseTypeId?: string | null | undefined;
};

export type CasePatch = {
  [K in
    | 'title'
    | 'summary'
    | 'channel'
    | 'teamId'
    | 'severity'
    | 'customerState'
    | 'occurredAt'
    | 'financialImpact'
    | 'riskFlags'
    | 'caseTypeId']?: NewCaseInput[K] | undefined;
};

export type NewStatementInput = {
  party: StatementParty;
  employeeId?: string | null | undefined;
  authorName?: string | undefined;
  body: string;
  correctsId?: string | null | undefined;
};

export type TransitionInput = {
  to: CaseStatus;
  reason?: string | undefined;
  /** Required to close: how the case ended and why it happened. */
  outcome?: string | undefined;
  rootCause?: { category: RootCauseCategory; whys: string[]; factors: string[] } | undefined;
  /** Why to go on with playbook steps left (resolving) or promises open / follow-ups planned (closing). */
  proceedReason?: string | undefined;
  /** Closing: how each open promise ended. */
  promises?: { id: string; status: 'kept' | 'cancelled' | 'broken'; note?: string | undefined }[] | undefined;
  /** Closing: whether each planned follow-up still goes out. */
  followUps?: { id: string; action: 'keep' | 'cancel'; reason?: string | undefined }[] | undefined;
};
