/**
 * The one permission table: (role, action, resource, condition). Every route, service, CLI command and
 * job asks `authorize()`; nothing else decides who may do what. Workspace isolation sits below this
 * table (every query filters by the actor's workspace), so "any" means any record of the workspace.
 */

import { ROLES, type Role } from './roles.js';

export { ROLES, type Role };

export const ACTIONS = ['list', 'read', 'create', 'update', 'delete', 'assign', 'transition', 'annotate', 'approve'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  'case', // a case, its timeline, parties and verification
  'statement', // one party's account on a case
  'team',
  'employee', // the directory entry of a person who can be party to a case
  'employee_history', // HR data: an employee's conflict history (every read is access-logged)
  'review', // HR data: review flags and decisions (every read is access-logged)
  'customer', // a customer's name and signals; finding one (to list it or name it on a case) is a read; merging a duplicate is an update
  'customer_contact', // a customer's email and phone
  'user', // accounts of the workspace
  'token', // API tokens
  'access_log', // who read HR data, when and from where
  'playbook', // the resolution playbooks and their guidance
  'coach', // the reply coach: analysing a customer message or a draft reply
  'coaching_report', // per-employee quality scores of replies recorded on cases
  'resolution', // a case's agreed problem, options, solution and cost; approving one above the handler's limit
  'commitment', // a promise made to the customer on a case, with owner and due time
  'follow_up', // the check-ins with the customer and each employee after a case is resolved
  'notification', // a user's in-app notifications
  'settings', // workspace settings: deadline presets, case types, authority limits
  'forum_thread', // a staff forum thread: list, read, open (create), vote (annotate), mark reviewed (approve), merge (update)
  'forum_post', // a post in a thread: reply (create), edit your own (update), report (annotate), hide (delete)
  'forum_author', // who wrote a post shown to colleagues as "a colleague"
  'training_scenario', // practice scenarios: the built-ins and the workspace's own copies; drafting one from a case (annotate)
  'training_session', // one person's practice against a simulated customer, turn by turn, and its result
  'strategy_quiz', // short situations to pick withdraw, diffuse, confront or negotiate for
  'training_assignment', // a scenario given to a person to practise or certify in by a due time
  'training_report', // training completion, pass rates, histories, the effect on real replies, calibration
  'theme', // a recurring problem mined from cases: its label and count for everyone; steering it (rename, merge, split, move a case, lock, re-mine)
  'theme_detail', // a theme's figures beyond label and count: weekly trend, teams, channels, root causes, cost
  'improvement', // a process change proposed from a theme, case or forum thread, with its owner, status and effect
  'audit', // the tamper-evidence record: verifying the whole workspace and its signed checkpoints
  'review_rule', // the rules that flag an employee for a fair review (Settings → Reviews)
  'review_response', // an employee's own side of a review of them: that it exists, their statement, waiving, appealing, the decision
  'support_request', // an employee's request for support after a hard case: a talk, training, time off the front line, wellbeing help
  'agenda', // a team's weekly meeting agenda: one anonymised case; prepare (create), swap or redact (update), approve and mail (approve)
  'newsletter', // the newsletter of anonymised stories: drafts are the reviewers'; approved ones are everyone's; approve and mail (approve)
  'management_summary', // what repeats across teams: shared themes and root causes with counts
  'operations', // the server's metrics (request rates, queue depths, processor lag): admins and the operator's scraper token
  'personal_data', // everything held about a customer: exporting it (read) and erasing it (delete); every use is access-logged
  'data_request', // a customer's or employee's request about their data: who asked, identity check, deadline, done or refused
  'legal_hold', // a hold over cases, customers or employees for a legal matter; it blocks erasure and retention until released
  'retention', // the workspace's retention rule: erase customers' personal data some months after their last case closed
  'webhook', // Settings → Integrations: webhook subscriptions, their secrets, scopes and delivery log (admins only)
  'inbound_email', // received mail held for a person to place on a case (a sender who is not the case's customer)
  'dashboard', // the figures of the cases a reader may list: volumes, response times, satisfaction of both sides, cost, promises, their CSV
  'people_report', // HR's view of people: conflicts per employee, who is above a review rule, support requests (every read is access-logged)
] as const;
export type Resource = (typeof RESOURCES)[number];

/**
 * - any: every record of the workspace.
 * - involved: the actor reported the case, is its handler, or is named as a party (for customers: a
 *   customer of such a case; for statements: the actor's own account).
 * - team: the record belongs to one of the actor's teams.
 * - self: the record is the actor's own (their account, their tokens, their own history).
 */
export const CONDITIONS = ['any', 'involved', 'team', 'self'] as const;
export type Condition = (typeof CONDITIONS)[number];

export type Rule = readonly [Role, Action, Resource, Condition];

const CASE_WORK: readonly Action[] = ['read', 'update', 'assign', 'transition', 'annotate'];

/** Builds rows for one role, one resource, several actions under one condition. */
function rows(role: Role, resource: Resource, actions: readonly Action[], condition: Condition): Rule[] {
  return actions.map((action) => [role, action, resource, condition] as const);
}

/** Actions nobody may do for someone else, admins included: they speak or act for the person themself. */
const OWN_ONLY: ReadonlySet<string> = new Set([
  'update follow_up',
  'update notification',
  'list notification',
  'update forum_post',
  'update training_session',
  'create review_response',
  'update review_response',
]);

/** Everyone answers a review of themselves and asks for support for themselves. */
function ownSide(role: Role): Rule[] {
  return [
    ...rows(role, 'review_response', ['read', 'create', 'update'], 'self'),
    ...rows(role, 'support_request', ['list', 'read', 'create', 'update'], 'self'),
  ];
}

/**
 * Everyone practises: scenarios and the quiz are open to all; a session is its owner's to play; one's
 * own assignments and training history are one's own to see.
 */
function practice(role: Role, sessionsVisible: readonly Condition[]): Rule[] {
  return [
    ...rows(role, 'training_scenario', ['list', 'read'], 'any'),
    ...rows(role, 'strategy_quiz', ['read'], 'any'),
    ...rows(role, 'training_session', ['create', 'update'], 'self'),
    ...sessionsVisible.flatMap((c) => rows(role, 'training_session', ['list', 'read'], c)),
    ...rows(role, 'training_assignment', ['list', 'read'], 'self'),
    ...rows(role, 'training_report', ['read'], 'self'),
  ];
}

export const PERMISSIONS: readonly Rule[] = [
  // Front-line employees report incidents and work only on the cases they are part of.
  ...rows('employee', 'case', ['create', 'list'], 'any'),
  ...rows('employee', 'case', ['read', 'update', 'annotate'], 'involved'),
  ...rows('employee', 'statement', ['read'], 'involved'),
  ...rows('employee', 'statement', ['create'], 'self'),
  ...rows('employee', 'team', ['list'], 'any'),
  ...rows('employee', 'employee', ['list'], 'any'),
  ...rows('employee', 'employee_history', ['read'], 'self'),
  ...rows('employee', 'customer', ['create'], 'any'),
  ...rows('employee', 'customer', ['list', 'read'], 'involved'),
  ...rows('employee', 'customer_contact', ['read'], 'involved'),
  ...rows('employee', 'user', ['list'], 'any'),
  ...rows('employee', 'token', ['list', 'create', 'delete'], 'self'),
  ...rows('employee', 'playbook', ['list', 'read'], 'any'),
  ...rows('employee', 'coach', ['read'], 'any'),
  ...rows('employee', 'coaching_report', ['read'], 'self'),
  ...rows('employee', 'resolution', ['read', 'create', 'update'], 'involved'),
  ...rows('employee', 'commitment', ['list', 'read', 'create', 'update'], 'involved'),
  ...rows('employee', 'follow_up', ['list', 'read'], 'involved'),
  ...rows('employee', 'follow_up', ['update'], 'self'),
  ...rows('employee', 'notification', ['list', 'update'], 'self'),
  ...rows('employee', 'settings', ['read'], 'any'),
  ...rows('employee', 'forum_thread', ['list', 'read', 'create', 'annotate'], 'any'),
  ...rows('employee', 'forum_post', ['create', 'annotate'], 'any'),
  ...rows('employee', 'forum_post', ['update'], 'self'),
  ...rows('employee', 'forum_author', ['read'], 'self'),
  ...practice('employee', ['self']),
  ...rows('employee', 'theme', ['list', 'read'], 'any'),
  ...rows('employee', 'improvement', ['list', 'read'], 'any'),
  ...ownSide('employee'),
  // Employees read newsletters once a reviewer approved them (drafts are hidden from them).
  ...rows('employee', 'newsletter', ['list', 'read'], 'any'),

  // Supervisors run their teams' cases end to end and see their teams' people.
  ...rows('supervisor', 'case', ['create', 'list'], 'any'),
  ...rows('supervisor', 'case', CASE_WORK, 'team'),
  ...rows('supervisor', 'case', CASE_WORK, 'involved'),
  ...rows('supervisor', 'statement', ['read', 'create'], 'team'),
  ...rows('supervisor', 'statement', ['read', 'create'], 'involved'),
  ...rows('supervisor', 'team', ['list'], 'any'),
  ...rows('supervisor', 'employee', ['list'], 'any'),
  ...rows('supervisor', 'employee_history', ['read'], 'team'),
  ...rows('supervisor', 'customer', ['list', 'read', 'create'], 'any'),
  // Merging a duplicate customer into the record to keep (its cases move with it).
  ...rows('supervisor', 'customer', ['update'], 'any'),
  ...rows('supervisor', 'customer_contact', ['read'], 'any'),
  ...rows('supervisor', 'user', ['list'], 'any'),
  ...rows('supervisor', 'token', ['list', 'create', 'delete'], 'self'),
  ...rows('supervisor', 'playbook', ['list', 'read'], 'any'),
  ...rows('supervisor', 'coach', ['read'], 'any'),
  ...rows('supervisor', 'coaching_report', ['read'], 'team'),
  ...rows('supervisor', 'coaching_report', ['read'], 'self'),
  ...rows('supervisor', 'resolution', ['read', 'create', 'update', 'approve'], 'team'),
  ...rows('supervisor', 'resolution', ['read', 'create', 'update'], 'involved'),
  ...rows('supervisor', 'commitment', ['list', 'read', 'create', 'update'], 'team'),
  ...rows('supervisor', 'commitment', ['list', 'read', 'create', 'update'], 'involved'),
  ...rows('supervisor', 'follow_up', ['list', 'read', 'create', 'update'], 'team'),
  ...rows('supervisor', 'follow_up', ['list', 'read'], 'involved'),
  ...rows('supervisor', 'follow_up', ['update'], 'self'),
  ...rows('supervisor', 'notification', ['list', 'update'], 'self'),
  ...rows('supervisor', 'settings', ['read'], 'any'),
  ...rows('supervisor', 'forum_thread', ['list', 'read', 'create', 'annotate', 'approve', 'update'], 'any'),
  ...rows('supervisor', 'forum_post', ['create', 'annotate', 'delete'], 'any'),
  ...rows('supervisor', 'forum_post', ['update'], 'self'),
  ...rows('supervisor', 'forum_author', ['read'], 'any'),
  ...practice('supervisor', ['team', 'self']),
  // Supervisors train their teams: they assign, review a session's score, read the reports, and
  // draft a scenario from one of their team's closed cases (theirs to edit until published).
  ...rows('supervisor', 'training_assignment', ['list', 'read', 'create', 'update'], 'team'),
  ...rows('supervisor', 'training_session', ['approve'], 'team'),
  ...rows('supervisor', 'training_report', ['read'], 'team'),
  ...rows('supervisor', 'training_scenario', ['annotate'], 'team'),
  ...rows('supervisor', 'training_scenario', ['update'], 'self'),
  // Themes are patterns across the workspace: their counts are workspace-wide, their example cases
  // only those the reader may open.
  ...rows('supervisor', 'theme', ['list', 'read', 'create', 'update'], 'any'),
  ...rows('supervisor', 'theme_detail', ['read'], 'any'),
  ...rows('supervisor', 'improvement', ['list', 'read', 'create', 'update'], 'any'),
  ...ownSide('supervisor'),
  // Supervisors answer their teams' requests for support.
  ...rows('supervisor', 'support_request', ['list', 'read', 'update'], 'team'),
  // A supervisor prepares, edits and approves their own teams' agendas, and reviews the newsletter.
  ...rows('supervisor', 'agenda', ['list', 'read', 'create', 'update', 'approve'], 'team'),
  ...rows('supervisor', 'newsletter', ['list', 'read', 'create', 'update', 'approve'], 'any'),
  ...rows('supervisor', 'management_summary', ['read'], 'team'),
  // A supervisor's dashboard counts their teams' cases (and those they are part of), like their inbox.
  ...rows('supervisor', 'dashboard', ['read'], 'team'),

  // HR sees people workspace-wide and reads cases without changing them.
  ...rows('hr', 'case', ['list', 'read'], 'any'),
  ...rows('hr', 'statement', ['read'], 'any'),
  ...rows('hr', 'team', ['list'], 'any'),
  ...rows('hr', 'employee', ['list'], 'any'),
  ...rows('hr', 'employee_history', ['read'], 'any'),
  // Reviews are HR's: opening one, findings, decisions; approving is the second sign-off of a termination.
  ...rows('hr', 'review', ['list', 'read', 'create', 'update', 'approve'], 'any'),
  ...rows('hr', 'review_rule', ['list', 'read'], 'any'),
  ...rows('hr', 'customer', ['list', 'read'], 'any'),
  ...rows('hr', 'customer_contact', ['read'], 'any'),
  ...rows('hr', 'user', ['list'], 'any'),
  ...rows('hr', 'token', ['list', 'create', 'delete'], 'self'),
  ...rows('hr', 'playbook', ['list', 'read'], 'any'),
  ...rows('hr', 'coach', ['read'], 'any'),
  ...rows('hr', 'coaching_report', ['read'], 'any'),
  ...rows('hr', 'access_log', ['list'], 'any'),
  ...rows('hr', 'resolution', ['read'], 'any'),
  ...rows('hr', 'commitment', ['list', 'read'], 'any'),
  ...rows('hr', 'follow_up', ['list', 'read'], 'any'),
  ...rows('hr', 'notification', ['list', 'update'], 'self'),
  ...rows('hr', 'settings', ['read'], 'any'),
  ...rows('hr', 'forum_thread', ['list', 'read', 'create', 'annotate'], 'any'),
  ...rows('hr', 'forum_post', ['create', 'annotate'], 'any'),
  ...rows('hr', 'forum_post', ['update'], 'self'),
  ...rows('hr', 'forum_author', ['read'], 'any'),
  ...practice('hr', ['any']),
  ...rows('hr', 'training_assignment', ['list', 'read'], 'any'),
  ...rows('hr', 'training_report', ['read'], 'any'),
  ...rows('hr', 'theme', ['list', 'read'], 'any'),
  ...rows('hr', 'theme_detail', ['read'], 'any'),
  ...rows('hr', 'improvement', ['list', 'read'], 'any'),
  ...rows('hr', 'audit', ['read'], 'any'),
  ...ownSide('hr'),
  // HR reads every team's agenda and the summary, and is one of the newsletter's reviewers.
  ...rows('hr', 'agenda', ['list', 'read'], 'any'),
  ...rows('hr', 'newsletter', ['list', 'read', 'create', 'update', 'approve'], 'any'),
  ...rows('hr', 'management_summary', ['read'], 'any'),
  ...rows('hr', 'dashboard', ['read'], 'any'),
  ...rows('hr', 'people_report', ['read'], 'any'),

  // Supervisors place held mail: a customer writing from another address, a colleague forwarding one.
  ...rows('supervisor', 'inbound_email', ['list', 'read', 'update'], 'any'),

  // Admins run the workspace: everything in it, except what only its owner may do (answering their
  // own follow-up, clearing their own notifications).
  ...RESOURCES.flatMap((resource) =>
    ACTIONS.flatMap((action) => rows('admin', resource, [action], OWN_ONLY.has(`${action} ${resource}`) ? 'self' : 'any')),
  ),
];

/** What the actor brings to a decision. */
export type Principal = { userId: string; role: Role; teamIds: readonly string[] };

/**
 * Facts about the record acted on. Absent facts never satisfy a condition, so a caller that forgets
 * to load them is refused rather than waved through.
 */
export type Subject = {
  /** Users who reported, handle or are party to it (for a case); the user a statement is by. */
  involvedUserIds?: readonly string[];
  /** The teams the record belongs to. */
  teamIds?: readonly (string | null)[];
  /** The user who owns the record (a token's user, an account, an employee's login). */
  ownerUserId?: string | null;
};

function satisfies(condition: Condition, who: Principal, subject: Subject): boolean {
  switch (condition) {
    case 'any':
      return true;
    case 'involved':
      return subject.involvedUserIds?.includes(who.userId) ?? false;
    case 'team':
      return subject.teamIds?.some((t) => t !== null && who.teamIds.includes(t)) ?? false;
    case 'self':
      return subject.ownerUserId === who.userId;
  }
}

/** The conditions under which this role may do this action to this resource; empty means never. */
export function conditionsFor(role: Role, action: Action, resource: Resource): Condition[] {
  return PERMISSIONS.filter(([r, a, res]) => r === role && a === action && res === resource).map(([, , , c]) => c);
}

/**
 * Whether the principal may act. Without a subject it answers "for some records", which is the
 * gate a route applies before any record is loaded.
 */
export function authorize(who: Principal, action: Action, resource: Resource, subject?: Subject): boolean {
  const conditions = conditionsFor(who.role, action, resource);
  if (subject === undefined) return conditions.length > 0;
  return conditions.some((c) => satisfies(c, who, subject));
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
