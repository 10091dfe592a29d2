import type { Generated, Kysely, Transaction } from 'kysely';

/** Row shapes as stored. Timestamps are ISO-8601 UTC strings on both databases (see db.ts). */
export type WorkspaceRow = {
  id: string;
  name: string;
  slug: string;
  created_at: string;
  sla_preset: string;
  follow_up_customer_minutes: number;
  follow_up_employee_minutes: number;
  /** IANA name, e.g. Europe/London */
  time_zone: string;
  /** ISO 4217 code money fields start from, e.g. USD */
  currency: string;
};
/** A team's opening hours (JSON: seven { start, end } | null, Monday first) and holidays (JSON: { date, name }[]). */
export type TeamBusinessHoursRow = {
  workspace_id: string;
  team_id: string;
  /** null: the workspace's zone */
  time_zone: string | null;
  week: string;
  holidays: string;
  updated_at: string;
  updated_by: string | null;
};
/** One person's channels for one kind of notification (1/0). */
export type NotificationPreferenceRow = {
  workspace_id: string;
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  updated_at: string;
};
export type CaseTypeRow = { id: string; workspace_id: string; name: string; sla_preset: string; created_at: string };
export type TeamRow = {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
  /** Set while the team is archived: it keeps its cases and history but takes no new work. */
  archived_at: string | null;
};
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
  /** Overrides the role's authority limit (minor units); null = the role's limit. */
  authority_limit_minor: number | null;
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
/** A counter shared by every instance: `hits` since the window began; the window ends at `resets_at`. */
export type SharedCounterRow = { key: string; hits: number; resets_at: string };
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
  /** Its place in the workspace's access-log chain, the hash of the entry before it, and its own hash. */
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
};
/** The head of a workspace-wide chain (the access log), moved with each entry under the row's lock. */
export type AuditHeadRow = { workspace_id: string; stream: string; seq: number; head: string };
/** The salt of one person's (or one text's) commitments; destroyed when their data is erased. */
export type PersonalDataSaltRow = { subject_id: string; workspace_id: string; subject_kind: string; salt: string };
/** A signed checkpoint: `body` is the canonical JSON of a CheckpointBody, `hash` its SHA-256. */
export type AuditCheckpointRow = { workspace_id: string; seq: number; at: string; body: string; hash: string; signature: string };
/** How far a checkpoint pinned one chain (a case's event count; 0 for a customer's commitment): only changes are stored. */
export type AuditFrontierRow = { workspace_id: string; kind: string; subject_id: string; checkpoint_seq: number; events: number };
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
  /** Set when an employee ended an abusive interaction with this customer. */
  flagged_at: string | null;
  flag_reason: string | null;
  /** The salted commitment to name, email and phone (see domain/personal-data.ts). */
  details_digest: string | null;
  /** When their personal data was erased (the row then holds blanks and the salt is gone). */
  erased_at: string | null;
  /** Set when this record was merged into another as a duplicate: it stays as a tombstone naming it. */
  merged_into_id: string | null;
  merged_at: string | null;
  /** When an abuse flag stops applying (a flag is not for life). */
  flag_expires_at: string | null;
};
/** A further contact of a customer, carried over from a duplicate merged into it. */
export type CustomerContactRow = {
  id: string;
  workspace_id: string;
  customer_id: string;
  kind: 'email' | 'phone';
  value: string;
  from_customer_id: string | null;
  created_at: string;
};
/** One merge of a duplicate customer into another: who, when, and which cases moved. */
export type CustomerMergeRow = {
  id: string;
  workspace_id: string;
  from_customer_id: string;
  into_customer_id: string;
  merged_by: string | null;
  merged_at: string;
  /** JSON string[] */
  case_ids: string;
};
export type SlaTargetRow = { workspace_id: string; severity: number; acknowledge_minutes: number; resolve_minutes: number };
/** The reported times of the customer's one and two cases before a case (migration 0042): kept by triggers, never written by code. */
export type CaseChainColumns = { customer_prev_at: Generated<string | null>; customer_prev2_at: Generated<string | null> };
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
  case_type_id: string | null;
  playbook_key: string | null;
  playbook_version: number | null;
  strategy: string | null;
  outcome: string | null;
  root_cause_category: string | null;
  /** JSON { whys: string[], factors: string[] } */
  root_cause: string | null;
  acknowledge_breached_at: string | null;
  resolve_breached_at: string | null;
  /** An open call for a supervisor's help: when, and by whom (cleared when someone takes it). */
  help_requested_at: string | null;
  help_requested_by: string | null;
  /** The deadline it must meet next (see nextDeadline); kept in step with the clocks by case-change. */
  next_due_at: string;
  /** JSON string[]: the case's tags, sorted (case_tags holds the same, one row each, for filtering). */
  tags: string;
  /** calendar | business | regulated (see domain/sla.ts ClockBasis) */
  clock_basis: string;
  /** Set while the clocks are paused because the case waits on the customer. */
  clock_paused_at: string | null;
  /** JSON { from, to }[]: finished pauses, oldest first. */
  clock_pauses: string;
  /** Set when the case was merged into another (the same incident reported twice): the case kept. */
  merged_into_id: string | null;
  merged_into_ref: string | null;
};
/** One tag on one case. */
export type CaseTagRow = { workspace_id: string; case_id: string; tag: string; created_at: string };
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

export type RoleAuthorityLimitRow = { workspace_id: string; role: string; amount_minor: number | null };
export type PlaybookRow = {
  workspace_id: string;
  key: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: string;
};
export type ResolutionRow = {
  case_id: string;
  workspace_id: string;
  problem: string;
  /** JSON string[] */
  options: string;
  solution: string;
  /** JSON string[] */
  policy_refs: string;
  cost_minor: number;
  currency: string;
  proposed_by: string | null;
  proposed_at: string;
  approval_state: string;
  approver_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
};
export type CommitmentRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  text: string;
  owner_id: string;
  due_at: string;
  status: string;
  source: string;
  created_by: string | null;
  created_at: string;
  remind_at: string;
  reminded_at: string | null;
  escalated_at: string | null;
  escalated_to: string | null;
  closed_at: string | null;
  closed_by: string | null;
  note: string | null;
};
export type FollowUpRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  party: string;
  employee_id: string | null;
  user_id: string | null;
  due_at: string;
  status: string;
  token_hash: string | null;
  sent_at: string | null;
  expires_at: string | null;
  answered_at: string | null;
  /** JSON of the answer */
  answer: string | null;
  /** The customer's satisfaction 1–5, for filtering (also inside `answer`). */
  satisfaction: number | null;
  /** 1 when an employee asked for help, 0 when not (also inside `answer`). */
  wants_help: number | null;
  created_at: string;
};
export type NotificationRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  case_id: string | null;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
  /** A path in the web app for notifications about something other than a case (a forum thread). */
  link: string | null;
};
export type OutboxEmailRow = {
  id: string;
  workspace_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
  next_attempt_at: string;
  attempts: number;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  /** The case a reply to a customer belongs to; null for every other mail. */
  case_id: string | null;
  /** The Message-ID header sent (with angle brackets), for replies to customers. */
  message_id: string | null;
  reply_to: string | null;
  /** The Auto-Submitted header of our own automatic mail (`auto-replied`), so other systems do not answer it. */
  auto_submitted: string | null;
};

/** A durable job of the embedded runner (SQLite); pg-boss keeps its own tables on PostgreSQL. */
export type JobRow = {
  id: string;
  name: string;
  payload: string;
  singleton_key: string | null;
  state: 'pending' | 'done' | 'failed';
  run_at: string;
  locked_until: string | null;
  attempts: number;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};

/** A domain event as written to the outbox; `data` is JSON. */
export type OutboxEventRow = {
  position: number;
  tx: number;
  workspace_id: string;
  kind: string;
  /** The case it happened to, when it did. */
  case_id: string | null;
  /** The one person it is for (a notification), when it is personal. */
  user_id: string | null;
  actor_id: string | null;
  at: string;
  data: string;
};
export type EventProcessorRow = {
  name: string;
  cursor_tx: number;
  cursor_position: number;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  retry_at: string | null;
  last_error: string | null;
  processed: number;
  updated_at: string;
};
export type EventProcessorFailureRow = {
  processor: string;
  position: number;
  kind: string;
  error: string;
  attempts: number;
  failed_at: string;
};

export type ForumThreadRow = {
  id: string;
  workspace_id: string;
  title: string;
  author_id: string;
  status: string;
  review_answer: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  merged_into_id: string | null;
  vote_count: number;
  reply_count: number;
  created_at: string;
  last_activity_at: string;
  search_text: string;
};
export type ForumPostRow = {
  id: string;
  workspace_id: string;
  thread_id: string;
  author_id: string;
  as_colleague: number;
  body: string;
  /** JSON [{ body, replacedAt }] */
  revisions: string;
  created_at: string;
  edited_at: string | null;
  hidden_at: string | null;
  hidden_by: string | null;
  hidden_reason: string | null;
};
export type ForumVoteRow = { workspace_id: string; thread_id: string; user_id: string; created_at: string };
export type ForumReportRow = { id: string; workspace_id: string; post_id: string; reporter_id: string; reason: string; created_at: string };
export type TrainingScenarioRow = {
  workspace_id: string;
  key: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: string;
  /** 1 while a supervisor's draft (from a closed case) is not yet published. */
  draft: number;
  from_case_id: string | null;
};
export type TrainingSessionRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  scenario_key: string;
  scenario_version: number;
  scenario_title: string;
  difficulty: string;
  seed: number;
  status: 'active' | 'finished';
  outcome: string | null;
  turn_count: number;
  /** JSON of the engine's PracticeState */
  state: string;
  /** JSON array of PracticeTurn */
  turns: string;
  /** JSON of the PracticeResult, once finished */
  result: string | null;
  total: number | null;
  passed: number | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  /** practice | certification */
  mode: string;
  assignment_id: string | null;
  /** The mark this session had to reach (a certification's may be above the scenario's). */
  pass_mark: number | null;
  /** A passed certification: when it must be renewed. */
  expires_at: string | null;
  override_total: number | null;
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
};
export type TrainingAssignmentRow = {
  id: string;
  workspace_id: string;
  user_id: string;
  scenario_key: string;
  scenario_title: string;
  mode: string;
  source: string;
  reason: string | null;
  team_id: string | null;
  assigned_by: string | null;
  due_at: string;
  status: string;
  session_id: string | null;
  done_at: string | null;
  reminded_at: string | null;
  overdue_notified_at: string | null;
  created_at: string;
};
export type TrainingSettingsRow = { workspace_id: string; body: string; updated_by: string | null; updated_at: string };

/** A recurring problem found across cases; people's edits (custom_label, locked, merged_into) live here. */
export type ThemeRow = {
  id: string;
  workspace_id: string;
  label: string;
  custom_label: string | null;
  /** JSON string[] */
  phrases: string;
  /** JSON [feature, weight][] */
  centroid: string;
  floor: number;
  size: number;
  origin: 'mined' | 'person';
  status: 'active' | 'merged' | 'retired';
  merged_into: string | null;
  locked: number;
  trend: 'emerging' | 'steady' | 'declining';
  emerging_since: string | null;
  created_at: string;
  updated_at: string;
};
export type ThemeMemberRow = {
  workspace_id: string;
  doc_id: string;
  doc_kind: string;
  case_id: string | null;
  doc_at: string;
  theme_id: string;
  score: number;
  /** JSON string[] */
  phrases: string;
  pinned: number;
  source: 'mined' | 'placed' | 'person';
  assigned_at: string;
};
export type ThemeRunRow = {
  id: string;
  workspace_id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  trigger: 'nightly' | 'person' | 'cli' | 'demo';
  requested_by: string | null;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: number;
  step: string | null;
  documents: number | null;
  themes: number | null;
  born: number | null;
  error: string | null;
  /** JSON ThemeModel */
  model: string | null;
};

/** A process change proposed from a theme, a case or a forum thread. */
export type ImprovementRow = {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  owner_id: string | null;
  status: 'proposed' | 'planned' | 'in_progress' | 'done' | 'dropped';
  drop_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
};
export type ImprovementLinkRow = {
  workspace_id: string;
  improvement_id: string;
  kind: 'case' | 'theme' | 'forum_thread';
  target_id: string;
  created_at: string;
};

export type ReviewRuleRow = {
  id: string;
  workspace_id: string;
  kind: string;
  name: string;
  threshold: number;
  window_months: number;
  min_loss_minor: number | null;
  currency: string | null;
  enabled: number;
  /** JSON string[]: exclusions the admin lets count towards the rule */
  count_exclusions: string;
  created_at: string;
  updated_at: string;
};
export type ReviewFlagRow = {
  id: string;
  workspace_id: string;
  rule_id: string;
  employee_id: string;
  status: 'pending' | 'opened' | 'dismissed';
  /** JSON [{ caseId, why }] */
  counted: string;
  /** JSON [{ caseId, why, reasons }] */
  excluded: string;
  raised_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  review_id: string | null;
};
export type ReviewRow = {
  id: string;
  workspace_id: string;
  employee_id: string;
  flag_id: string | null;
  rule_id: string | null;
  status: 'open' | 'awaiting_sign_off' | 'decided' | 'appealed';
  reason: string;
  opened_by: string;
  opened_at: string;
  response_due_at: string;
  waived_at: string | null;
  employee_statement: string | null;
  employee_statement_at: string | null;
  appeal_reason: string | null;
  appealed_at: string | null;
  updated_at: string;
  event_count: number;
  last_event_hash: string;
};
export type ReviewCaseRow = {
  workspace_id: string;
  review_id: string;
  case_id: string;
  counted: number;
  why: string;
  /** JSON string[] */
  exclusions: string;
  allegation: string | null;
  finding: string | null;
  policy: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
};
export type ReviewDecisionRow = {
  id: string;
  workspace_id: string;
  review_id: string;
  stage: 'first' | 'appeal';
  outcome: string;
  rationale: string;
  departure_reason: string | null;
  /** JSON string[]: the training scenarios chosen when the outcome is training */
  scenario_ids: string;
  decided_by: string;
  decided_at: string;
  sign_off_by: string | null;
  sign_off_at: string | null;
};
export type ReviewEventRow = {
  id: string;
  workspace_id: string;
  review_id: string;
  seq: number;
  kind: string;
  actor_id: string | null;
  at: string;
  data: string;
  prev_hash: string;
  hash: string;
  file_sha256: string | null;
};
export type SupportRequestRow = {
  id: string;
  workspace_id: string;
  employee_id: string;
  user_id: string | null;
  case_id: string | null;
  kind: string | null;
  note: string | null;
  source: string;
  status: 'offered' | 'open' | 'answered' | 'closed' | 'declined';
  supervisor_id: string | null;
  due_at: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  closed_at: string | null;
  created_at: string;
};

/** A team's meeting agenda for one week, or a newsletter: a draft and, once approved, its frozen document. */
export type DigestRow = {
  id: string;
  workspace_id: string;
  kind: 'team_meeting' | 'newsletter';
  team_id: string | null;
  period: string;
  status: 'draft' | 'approved';
  /** JSON DigestSelection */
  selection: string;
  /** JSON DigestDoc, set on approval */
  approved_document: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  sent_at: string | null;
  /** JSON string[] */
  sent_to: string | null;
};

/** A person's request about their own data (access or erasure), and how it ended. */
export type DataRequestRow = {
  id: string;
  workspace_id: string;
  subject_kind: 'customer' | 'employee';
  subject_id: string;
  kind: 'access' | 'erasure';
  regime: 'gdpr' | 'ccpa';
  requested_by: string;
  identity_check: string;
  received_at: string;
  due_at: string;
  status: 'open' | 'done' | 'refused';
  outcome: string | null;
  created_by: string | null;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
};
/** A legal hold: a matter and why; its subjects are in legal_hold_subjects. */
export type LegalHoldRow = {
  id: string;
  workspace_id: string;
  matter: string;
  reason: string;
  created_by: string | null;
  created_at: string;
  released_by: string | null;
  released_at: string | null;
  release_reason: string | null;
};
export type LegalHoldSubjectRow = {
  workspace_id: string;
  hold_id: string;
  subject_kind: 'case' | 'customer' | 'employee';
  subject_id: string;
};
export type RetentionSettingsRow = { workspace_id: string; customer_months: number | null; updated_by: string | null; updated_at: string };
/** A webhook subscription: where to send which event types, with which scopes granted. */
export type WebhookSubscriptionRow = {
  id: string;
  workspace_id: string;
  url: string;
  description: string;
  /** JSON string[] */
  event_types: string;
  /** JSON string[] */
  scopes: string;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  consecutive_failures: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type WebhookSecretRow = {
  id: string;
  workspace_id: string;
  subscription_id: string;
  secret: string;
  created_at: string;
  expires_at: string | null;
};
export type WebhookDeliveryRow = {
  id: string;
  workspace_id: string;
  subscription_id: string;
  event_key: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  redeliver_by: string | null;
};
export type WebhookAttemptRow = {
  id: string;
  workspace_id: string;
  delivery_id: string;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  manual: number;
};
export type WebhookSettingsRow = { workspace_id: string; allow_private_targets: number; updated_by: string | null; updated_at: string };

export type Tables = {
  workspaces: WorkspaceRow;
  teams: TeamRow;
  users: UserRow;
  api_tokens: ApiTokenRow;
  user_teams: UserTeamRow;
  sessions: SessionRow;
  shared_counters: SharedCounterRow;
  access_log: AccessLogRow;
  employees: EmployeeRow;
  customers: CustomerRow;
  sla_targets: SlaTargetRow;
  case_counters: CaseCounterRow;
  cases: CaseRow & CaseChainColumns;
  case_parties: CasePartyRow;
  statements: StatementRow;
  case_events: CaseEventRow;
  case_types: CaseTypeRow;
  role_authority_limits: RoleAuthorityLimitRow;
  playbooks: PlaybookRow;
  resolutions: ResolutionRow;
  commitments: CommitmentRow;
  follow_ups: FollowUpRow;
  notifications: NotificationRow;
  outbox_emails: OutboxEmailRow;
  jobs: JobRow;
  event_outbox: Omit<OutboxEventRow, 'position' | 'tx'> & { position: Generated<number>; tx: Generated<number> };
  event_processors: EventProcessorRow;
  event_processor_failures: EventProcessorFailureRow;
  forum_threads: ForumThreadRow;
  forum_posts: ForumPostRow;
  forum_votes: ForumVoteRow;
  forum_reports: ForumReportRow;
  training_scenarios: TrainingScenarioRow;
  training_sessions: TrainingSessionRow;
  training_assignments: TrainingAssignmentRow;
  training_settings: TrainingSettingsRow;
  themes: ThemeRow;
  theme_members: ThemeMemberRow;
  theme_runs: ThemeRunRow;
  improvements: ImprovementRow;
  improvement_links: ImprovementLinkRow;
  audit_heads: AuditHeadRow;
  personal_data_salts: PersonalDataSaltRow;
  audit_checkpoints: AuditCheckpointRow;
  audit_frontier: AuditFrontierRow;
  review_rules: ReviewRuleRow;
  review_flags: ReviewFlagRow;
  reviews: ReviewRow;
  review_cases: ReviewCaseRow;
  review_decisions: ReviewDecisionRow;
  review_events: ReviewEventRow;
  support_requests: SupportRequestRow;
  digests: DigestRow;
  customer_contacts: CustomerContactRow;
  customer_merges: CustomerMergeRow;
  data_requests: DataRequestRow;
  legal_holds: LegalHoldRow;
  legal_hold_subjects: LegalHoldSubjectRow;
  retention_settings: RetentionSettingsRow;
  webhook_subscriptions: WebhookSubscriptionRow;
  webhook_secrets: WebhookSecretRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_attempts: WebhookAttemptRow;
  webhook_settings: WebhookSettingsRow;
  case_status_links: CaseStatusLinkRow;
  customer_messages: CustomerMessageRow;
  inbound_emails: InboundEmailRow;
  attachments: AttachmentRow;
  inbound_email_files: InboundEmailFileRow;
  case_tags: CaseTagRow;
  imports: ImportRow;
  imported_cases: ImportedCaseRow;
  team_business_hours: TeamBusinessHoursRow;
  notification_preferences: NotificationPreferenceRow;
  saved_replies: SavedReplyRow;
  saved_views: SavedViewRow;
  dashboard_days: DashboardDayRow;
  dashboard_months: DashboardMonthRow;
  dashboard_stale: DashboardStaleRow;
  people_days: PeopleDayRow;
  people_months: PeopleMonthRow;
};

/** One local day and team of the dashboard's rollups; team_id '' is "no team", summary a JSON Summary (domain/dashboard-summary.ts). */
export type DashboardDayRow = {
  workspace_id: string;
  /** '' on a team's total row; else the cell's channel (migration 0043). */
  channel: string;
  local_date: string;
  team_id: string;
  /** 0 on a total row. */
  severity: number;
  /** '' on a total row, and on a cell of cases without a case type. */
  case_type_id: string;
  cases: number;
  resolved: number;
  summary: string;
};
/** The days of one local month (YYYY-MM) and team merged, totals and cells alike. */
export type DashboardMonthRow = {
  workspace_id: string;
  channel: string;
  month: string;
  team_id: string;
  severity: number;
  case_type_id: string;
  summary: string;
};
/** A UTC date whose local days' rollups must be rebuilt before the next dashboard read. */
export type DashboardStaleRow = { workspace_id: string; utc_date: string };

/**
 * HR's people rollup (migration 0050): the cases reported on one UTC date in one team ('' none) with
 * the employee as their primary party, and how many of those recorded a loss.
 */
export type PeopleDayRow = {
  workspace_id: string;
  utc_date: string;
  team_id: string;
  employee_id: string;
  cases: number;
  with_loss: number;
};
/** The same per UTC month (YYYY-MM). */
export type PeopleMonthRow = {
  workspace_id: string;
  month: string;
  team_id: string;
  employee_id: string;
  cases: number;
  with_loss: number;
};

/** A saved reply: the workspace's (team_id null) or one team's; add_tags is a JSON string[]. */
export type SavedReplyRow = {
  id: string;
  workspace_id: string;
  team_id: string | null;
  title: string;
  body: string;
  set_status: string | null;
  add_tags: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
/** An inbox view kept on the server: its owner's, and shared with one team when team_id is set; filters is JSON. */
export type SavedViewRow = {
  id: string;
  workspace_id: string;
  owner_id: string;
  team_id: string | null;
  name: string;
  filters: string;
  created_at: string;
};

/** A customer's private link to their case's status page: only the token's SHA-256 is kept. */
export type CaseStatusLinkRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
};
/** Something the customer told us after reporting: on the status page (`web`) or by email (`email`). */
export type CustomerMessageRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  via: string;
  body: string;
  received_at: string;
  inbound_email_id: string | null;
};
/**
 * A received email: `placed` on a case as a customer message, `opened` a case (intake address),
 * `held` for a person to place (a sender who is not the case's customer), or `dismissed` by one.
 */
export type InboundEmailRow = {
  id: string;
  workspace_id: string;
  message_id: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  text_body: string;
  received_at: string;
  status: string;
  reason: string;
  case_id: string | null;
  placed_by: string | null;
  placed_at: string | null;
};

/**
 * A file a received email carried. Kept (`refused` null): `attachment_id` names the attachment it
 * became on a case, or is null while the mail is held and the bytes wait under this row's id.
 * Refused: `refused` says why, and nothing of it is stored but its name and size.
 */
export type InboundEmailFileRow = {
  id: string;
  workspace_id: string;
  inbound_email_id: string;
  position: number;
  file_name: string;
  content_type: string | null;
  size: number;
  sha256: string | null;
  refused: string | null;
  attachment_id: string | null;
  /** When its bytes were erased with the customer's personal data (migration 0044); null while kept. */
  erased_at: string | null;
};

/** A file on a case, from staff (`upload`) or a customer's email (`email`); its bytes are in the attachments directory. */
export type AttachmentRow = {
  id: string;
  workspace_id: string;
  case_id: string;
  statement_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  source: string;
  added_by: string | null;
  added_at: string;
  /**
   * When its bytes were erased with the customer's personal data (migration 0036); the row and its
   * SHA-256 stay so the `attachment_added` event still verifies. Null while the file is kept.
   */
  erased_at: string | null;
};

/** A connection or an open transaction: every repository function takes one as its first argument. */
export type Db = Kysely<Tables> | Transaction<Tables>;

/** One import of past tickets: its progress, its counts and the rows it refused (JSON {line, reason}[]). */
export type ImportRow = {
  id: string;
  workspace_id: string;
  source: string;
  file_name: string;
  time_zone: string;
  encoding: string;
  /** running, done or failed */
  status: string;
  total_rows: number;
  processed_rows: number;
  created_cases: number;
  skipped_rows: number;
  failed_rows: number;
  created_customers: number;
  errors: string;
  failure: string | null;
  created_by: string | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
};
/** The case one source ticket became: (source, external id) is unique per workspace. */
export type ImportedCaseRow = { workspace_id: string; source: string; external_id: string; case_id: string; import_id: string };
