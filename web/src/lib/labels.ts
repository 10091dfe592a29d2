import {
  CASE_STATUSES,
  CHANNELS as CHANNEL_CODES,
  CUSTOMER_STATES as CUSTOMER_STATE_CODES,
  FINISHED_STATUSES,
  IMPACT_KINDS as IMPACT_KIND_CODES,
  RISK_FLAGS as RISK_FLAG_CODES,
  ROLES as ROLE_CODES,
  ROOT_CAUSE_CATEGORIES,
} from '../../../src/contracts/vocabulary.js';
import type { CaseStatus, Channel, CustomerState, ImpactKind, RiskFlag, Role, RootCauseInput, StatementParty } from '../api/types.js';

/** Words people read for the API's codes, in one place so every screen says the same thing. */
export const STATUS_LABEL: Record<CaseStatus, string> = {
  reported: 'New',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  resolving: 'Resolving',
  resolved: 'Resolved',
  following_up: 'Following up',
  closed: 'Closed',
  reopened: 'Reopened',
};

/** Mantine colours per status: open work is warm, finished work is quiet. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  reported: 'orange',
  acknowledged: 'yellow',
  investigating: 'blue',
  resolving: 'indigo',
  resolved: 'teal',
  following_up: 'cyan',
  closed: 'gray',
  reopened: 'red',
};

/** What the button that moves a case into a status says. */
export const STATUS_ACTION: Record<CaseStatus, string> = {
  reported: 'Mark as new',
  acknowledged: 'Acknowledge',
  investigating: 'Start investigating',
  resolving: 'Move to resolving',
  resolved: 'Mark resolved',
  following_up: 'Start follow-up',
  closed: 'Close case',
  reopened: 'Reopen',
};

export const ALL_STATUSES: CaseStatus[] = [...CASE_STATUSES];
const FINISHED: readonly CaseStatus[] = FINISHED_STATUSES;
export const OPEN_STATUSES: CaseStatus[] = ALL_STATUSES.filter((s) => !FINISHED.includes(s));

export const CHANNEL_LABEL: Record<Channel, string> = {
  in_person: 'In person',
  phone: 'Phone',
  email: 'Email',
  chat: 'Chat',
  social: 'Social media',
  other: 'Other',
  web_form: 'Web form',
};
export const CHANNELS: Channel[] = [...CHANNEL_CODES];

export const CUSTOMER_STATE_LABEL: Record<CustomerState, string> = {
  calm: 'Calm',
  frustrated: 'Frustrated',
  angry: 'Angry',
  hostile: 'Hostile or abusive',
};
export const CUSTOMER_STATE_HINT: Record<CustomerState, string> = {
  calm: 'Unhappy, but talking it through',
  frustrated: 'Impatient, repeating themselves',
  angry: 'Raised voice, hard to calm down',
  hostile: 'Insults, threats or aggression',
};
export const CUSTOMER_STATES: CustomerState[] = [...CUSTOMER_STATE_CODES];

export const RISK_LABEL: Record<RiskFlag, string> = {
  threatened_review: 'Threatened a bad review',
  public_post: 'Posted about it publicly',
  legal_threat: 'Mentioned a lawyer or legal action',
  media: 'Mentioned the press or media',
};
export const RISK_FLAGS: RiskFlag[] = [...RISK_FLAG_CODES];

export const IMPACT_LABEL: Record<ImpactKind, string> = {
  refund: 'Refund',
  credit: 'Store credit',
  lost_sale: 'Lost sale',
  damage: 'Damage',
};
export const IMPACT_KINDS: ImpactKind[] = [...IMPACT_KIND_CODES];

export const SEVERITY_LABEL: Record<number, string> = { 1: 'Critical', 2: 'High', 3: 'Medium', 4: 'Low' };
export const SEVERITY_HINT: Record<number, string> = {
  1: 'Safety, legal threat or a large loss',
  2: 'Serious upset or real money at stake',
  3: 'A clear complaint that needs a response',
  4: 'Minor friction worth recording',
};
export const SEVERITY_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'gray' };

export const PARTY_LABEL: Record<StatementParty, string> = { customer: 'Customer', employee: 'Employee', witness: 'Witness' };

export const ROLE_LABEL: Record<Role, string> = { employee: 'Employee', supervisor: 'Supervisor', hr: 'HR', admin: 'Admin' };
export const ROLES: Role[] = [...ROLE_CODES];

export type RootCauseCategory = RootCauseInput['category'];

/** What people read for each kind of root cause; typed by the API's list, so a new kind cannot go unlabelled. */
export const ROOT_CAUSE_LABEL: Record<RootCauseCategory, string> = {
  process: 'A process or procedure',
  policy: 'A policy (unclear, too strict, missing)',
  product: 'The product or service itself',
  communication: 'Communication',
  staffing: 'Staffing or workload',
  training: 'Training',
  customer_expectation: 'What the customer expected',
  employee_conduct: 'How an employee behaved',
  other: 'Something else',
};
export const ROOT_CAUSES: RootCauseCategory[] = [...ROOT_CAUSE_CATEGORIES];

/** A root-cause code in words; an unknown one as it is. */
export const rootCauseLabel = (code: string): string => (code in ROOT_CAUSE_LABEL ? ROOT_CAUSE_LABEL[code as RootCauseCategory] : code);
