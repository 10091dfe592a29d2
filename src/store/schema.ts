import type { Kysely, Transaction } from 'kysely';

/** Row shapes as stored. Timestamps are ISO-8601 UTC strings on both databases (see db.ts). */
export type WorkspaceRow = { id: string; name: string; slug: string; created_at: string };
export type TeamRow = { id: string; workspace_id: string; name: string; created_at: string };
export type UserRow = {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: string;
  deactivated_at: string | null;
  invite_token_hash: string | null;
  invite_expires_at: string | null;
  password_changed_at: string | null;
};
export type UserTeamRow = { workspace_id: string; user_id: string; team_id: string };
export type SessionRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};
export type SignInFailureRow = { id: string; email: string; ip: string | null; at: string };
export type AccessLogRow = {
  id: string;
  workspace_id: string;
  actor_id: string | null;
  action: string;
  resource: string;
  subject_id: string | null;
  subject_label: string | null;
  at: string;
  ip: string | null;
  request_id: string | null;
};
export type ApiTokenRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};
export type EmployeeRow = {
  id: string;
  workspace_id: string;
  team_id: string | null;
  user_id: string | null;
  name: string;
  email: string | null;
  created_at: string;
};
export type CustomerRow = {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  created_at: string;
};
export type SlaTargetRow = { workspace_id: string; severity: number; acknowledge_minutes: number; resolve_minutes: number };
export type CaseCounterRow = { workspace_id: string; year: number; last_seq: number };
export type CaseRow = {
  id: string;
  workspace_id: string;
  ref: string;
  title: string;
  summary: string;
  channel: string;
  team_id: string | null;
  customer_id: string | null;
  reporter_id: string | null;
  assignee_id: string | null;
  severity: number;
  customer_state: string;
  impact_amount_minor: number | null;
  impact_currency: string | null;
  impact_kind: string | null;
  risk_flags: string;
  status: string;
  occurred_at: string;
  reported_at: string;
  acknowledge_due_at: string;
  resolve_due_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  updated_at: string;
  search_text: string;
  event_count: number;
  last_event_hash: string;
};
export type CasePartyRow = { workspace_id: string; case_id: string; employee_id: string; role: string; created_at: string };
export type StatementRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  party: string;
  employee_id: string | null;
  author_name: string;
  body: string;
  taken_by: string | null;
  taken_at: string;
  corrects_id: string | null;
};
export type CaseEventRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  seq: number;
  kind: string;
  actor_id: string | null;
  at: string;
  data: string;
  prev_hash: string;
  hash: string;
};

export type Tables = {
  workspaces: WorkspaceRow;
  teams: TeamRow;
  users: UserRow;
  api_tokens: ApiTokenRow;
  user_teams: UserTeamRow;
  sessions: SessionRow;
  sign_in_failures: SignInFailureRow;
  access_log: AccessLogRow;
  employees: EmployeeRow;
  customers: CustomerRow;
  sla_targets: SlaTargetRow;
  case_counters: CaseCounterRow;
  cases: CaseRow;
  case_parties: CasePartyRow;
  statements: StatementRow;
  case_events: CaseEventRow;
};

/** A connection or an open transaction: every repository function takes one as its first argument. */
export type Db = Kysely<Tables> | Transaction<Tables>;
