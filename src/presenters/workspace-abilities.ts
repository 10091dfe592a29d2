import { type Action, authorize, conditionsFor, type Resource } from '../domain/permissions.js';
import type { Actor } from '../services/context.js';

/** What the signed-in person may do across the workspace: which areas of the app are theirs. */
export type WorkspaceAbilities = {
  /** Cases beyond their own (a team's or all): the inbox, rather than "my cases". */
  workCaseInbox: boolean;
  reportIncident: boolean;
  /** Other people's conflict histories (a team's or all). */
  readEmployeeHistories: boolean;
  /** Reply quality of others (a team's or all). */
  readCoachingReport: boolean;
  /** How well a team's (or everyone's) promises are kept. */
  readCommitmentReport: boolean;
  readAccessLog: boolean;
  manageUsers: boolean;
  manageTeams: boolean;
  managePlaybooks: boolean;
  /** Renames, locks, merges, splits and re-mines themes. */
  steerThemes: boolean;
  /** Proposes improvements and moves them along. */
  manageImprovements: boolean;
  /** Team-meeting agendas (their teams' or all). */
  readAgendas: boolean;
  /** Drafts, redacts, approves and mails newsletters (and sees drafts). */
  reviewNewsletters: boolean;
  /** What repeats across teams. */
  readManagementSummary: boolean;
  /** Other people's practice sessions (a team's or all). */
  readOthersPractice: boolean;
  /** Copies and edits practice scenarios. */
  manageTrainingScenarios: boolean;
  /** Assigns training to people (of their teams, or anyone). */
  assignTraining: boolean;
  /** Training completion, pass rates, the effect on real replies and calibration, beyond their own. */
  readTrainingReports: boolean;
  /** Reviews and overrides the score of someone else's session. */
  reviewPractice: boolean;
  /** Turns a closed case into a draft scenario. */
  draftScenarios: boolean;
  manageSettings: boolean;
  createTokens: boolean;
  /** HR's reviews: flags to decide on, reviews, dossiers. */
  readReviews: boolean;
  /** Settings → Reviews: the rules that flag someone. */
  manageReviewRules: boolean;
  /** Answers a team's requests for support. */
  answerSupport: boolean;
  manageDataRights: boolean;
  /** Settings → Integrations: webhook subscriptions and their delivery log. */
  manageWebhooks: boolean;
  /** Settings → Import: past tickets from another helpdesk's export. */
  importTickets: boolean;
  /** Settings → Saved replies: the workspace's (admins) or their teams' (supervisors). */
  manageSavedReplies: boolean;
  /** Shares inbox views with a team they lead. */
  shareViews: boolean;
  /** Places received mail that was held (a sender who is not the case's customer). */
  placeHeldMail: boolean;
  /** The dashboard of their teams' (or all) cases. */
  readDashboard: boolean;
  /** HR's view of people: conflicts per employee, review thresholds, support. */
  readPeopleReport: boolean;
};

/** From the permission table: "wider" means the rule reaches beyond the person's own records. */
export function workspaceAbilities(actor: Actor): WorkspaceAbilities {
  const may = (action: Action, resource: Resource) => authorize(actor, action, resource);
  const wider = (action: Action, resource: Resource) =>
    conditionsFor(actor.role, action, resource).some((c) => c === 'any' || c === 'team');
  return {
    workCaseInbox: wider('read', 'case'),
    reportIncident: may('create', 'case'),
    readEmployeeHistories: wider('read', 'employee_history'),
    readCoachingReport: wider('read', 'coaching_report'),
    readCommitmentReport: wider('list', 'commitment'),
    readAccessLog: may('list', 'access_log'),
    manageUsers: may('create', 'user'),
    manageTeams: may('create', 'team'),
    managePlaybooks: may('create', 'playbook'),
    // Editing the library means any scenario; a supervisor edits only their own drafts.
    manageTrainingScenarios: conditionsFor(actor.role, 'update', 'training_scenario').includes('any'),
    assignTraining: may('create', 'training_assignment'),
    readTrainingReports: wider('read', 'training_report'),
    reviewPractice: may('approve', 'training_session'),
    draftScenarios: may('annotate', 'training_scenario'),
    readOthersPractice: wider('list', 'training_session'),
    steerThemes: may('update', 'theme'),
    manageImprovements: may('update', 'improvement'),
    readAgendas: may('list', 'agenda'),
    reviewNewsletters: may('update', 'newsletter'),
    readManagementSummary: may('read', 'management_summary'),
    manageSettings: may('update', 'settings'),
    createTokens: may('create', 'token'),
    readReviews: may('list', 'review'),
    manageReviewRules: may('update', 'review_rule'),
    answerSupport: wider('update', 'support_request'),
    manageDataRights: may('list', 'data_request'),
    manageWebhooks: may('update', 'webhook'),
    importTickets: may('create', 'import'),
    manageSavedReplies: may('create', 'saved_reply'),
    shareViews: may('update', 'saved_view'),
    placeHeldMail: may('update', 'inbound_email'),
    readDashboard: may('read', 'dashboard'),
    readPeopleReport: may('read', 'people_report'),
  };
}
