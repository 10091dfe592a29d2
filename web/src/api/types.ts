import type { z } from 'zod';
import type { ZAccessLogEntry, ZEmployeeHistory, ZMe, ZToken, ZUser } from '../../../src/contracts/accounts.js';
import type {
  ZCase,
  ZCaseDetail,
  ZEvent,
  ZNewCase,
  ZNewStatement,
  ZRootCause,
  ZStatement,
  ZTransition,
} from '../../../src/contracts/cases.js';
import type { ZCoachingReport, ZCoachRequest, ZCoachResult } from '../../../src/contracts/coach.js';
import type { ZCommitment, ZCommitmentReport, ZNewCommitment, ZPromiseOwners } from '../../../src/contracts/commitments.js';
import type { ZCustomerProfile } from '../../../src/contracts/customers.js';
import type { ZAgenda, ZAgendaList, ZDigest, ZManagementSummary } from '../../../src/contracts/digests.js';
import type { ZCustomer, ZEmployee, ZTeam } from '../../../src/contracts/directory.js';
import type { ZEmployeeAnswerInput, ZFollowUp, ZMyFollowUp } from '../../../src/contracts/follow-ups.js';
import type {
  ZForumAuthor,
  ZNewThread,
  ZPost,
  ZSimilarThreads,
  ZThread,
  ZThreadSummary,
  ZVoteState,
} from '../../../src/contracts/forum.js';
import type { ZImprovement, ZImprovementStatus } from '../../../src/contracts/improvements.js';
import type { ZNotificationList, ZNotificationPreferences, ZNotificationPreferencesInput } from '../../../src/contracts/notifications.js';
import type {
  ZCopyPlaybook,
  ZPlaybook,
  ZPlaybookRun,
  ZPlaybookSummary,
  ZRecommendation,
  ZRevisePlaybook,
  ZStartPlaybook,
  ZStepDone,
} from '../../../src/contracts/playbooks.js';
import type { ZResolution, ZResolutionInput } from '../../../src/contracts/resolution.js';
import type {
  ZAuthorityLimits,
  ZAuthorityLimitsInput,
  ZBusinessHoursList,
  ZDeadlineSettings,
  ZDeadlineSettingsInput,
  ZTeamHours,
  ZTeamHoursInput,
  ZWorkspaceSettings,
  ZWorkspaceSettingsInput,
} from '../../../src/contracts/settings.js';
import type { ZCaseTheme, ZTheme, ZThemeList, ZThemeRun } from '../../../src/contracts/themes.js';
import type {
  ZPracticeResult,
  ZPracticeTurn,
  ZQuizAnswer,
  ZQuizItem,
  ZReviseScenario,
  ZScenario,
  ZScenarioSummary,
  ZSession,
  ZSessionSummary,
} from '../../../src/contracts/training.js';
import type {
  ZAssignInput,
  ZAssignment,
  ZCalibrationReport,
  ZCertificationRow,
  ZCompletionReport,
  ZTrainingEffect,
  ZTrainingHistory,
  ZTrainingRules,
} from '../../../src/contracts/training-assignments.js';

/** The API's shapes, inferred from the server's own zod contracts (types only: no zod in the bundle). */
export type Case = z.infer<typeof ZCase>;
export type CaseDetail = z.infer<typeof ZCaseDetail>;
export type CaseStatus = Case['status'];
export type Channel = Case['channel'];
export type CustomerState = Case['customerState'];
export type RiskFlag = Case['riskFlags'][number];
export type ImpactKind = NonNullable<Case['financialImpact']>['kind'];
export type TimelineEvent = z.infer<typeof ZEvent>;
export type Statement = z.infer<typeof ZStatement>;
export type StatementParty = Statement['party'];
export type NewCase = z.input<typeof ZNewCase>;
export type NewStatement = z.input<typeof ZNewStatement>;
export type Team = z.infer<typeof ZTeam>;
export type Employee = z.infer<typeof ZEmployee>;
export type Customer = z.infer<typeof ZCustomer>;
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number; totalCapped?: boolean };
/** The customer page (GET /api/v1/customers/{id}). */
export type CustomerProfile = z.infer<typeof ZCustomerProfile>;
export type ThreatKind = CustomerProfile['signals']['threats'][number]['kind'];

export type Me = z.infer<typeof ZMe>;
export type Role = Me['role'];
/** A user account as the admin screens list it (GET /api/v1/users). */
export type User = z.infer<typeof ZUser>;
export type ApiToken = z.infer<typeof ZToken>;

export type Verification = {
  intact: boolean;
  eventsChecked: number;
  firstBreak: { seq: number; eventId: string | null; problem: string } | null;
};

export type CoachRequest = z.input<typeof ZCoachRequest>;
export type CoachResult = z.infer<typeof ZCoachResult>;
export type ReplyReading = NonNullable<CoachResult['reply']>;
export type CustomerReading = NonNullable<CoachResult['customer']>;
export type ScorePart = keyof ReplyReading['score']['parts'];
export type MoveKind = ReplyReading['moves'][number]['kind'];
export type ProblemKind = ReplyReading['problems'][number]['kind'];
export type Recommendation = z.infer<typeof ZRecommendation>;
export type Strategy = Recommendation['strategy'];
export type Playbook = z.infer<typeof ZPlaybook>;
export type PlaybookSummary = z.infer<typeof ZPlaybookSummary>;
export type EmployeeHistory = z.infer<typeof ZEmployeeHistory>;
export type AccessLogEntry = z.infer<typeof ZAccessLogEntry>;

/** A reply sent to the customer, recorded on the timeline (POST /cases/{ref}/replies). */
export type SentReply = { event: TimelineEvent; analysis: CoachResult };

/** One person's line in GET /reports/coaching. */
export type CoachingRow = z.infer<typeof ZCoachingReport>['items'][number];
export type Theme = z.infer<typeof ZTheme>;
export type ThemeList = z.infer<typeof ZThemeList>;
export type ThemeRun = z.infer<typeof ZThemeRun>;
export type CaseTheme = z.infer<typeof ZCaseTheme>;
export type Improvement = z.infer<typeof ZImprovement>;
export type Digest = z.infer<typeof ZDigest>;
export type Agenda = z.infer<typeof ZAgenda>;
export type AgendaList = z.infer<typeof ZAgendaList>;
export type ManagementSummary = z.infer<typeof ZManagementSummary>;
export type Story = Digest['stories'][number];
export type Segment = Story['heading'][number];
export type ImprovementStatus = z.infer<typeof ZImprovementStatus>;

/** The playbook a case runs, its steps done and today's recommendation (GET /cases/{ref}/playbook). */
export type PlaybookRun = z.infer<typeof ZPlaybookRun>;
export type PlaybookStep = Playbook['steps'][number];
export type StartPlaybook = z.input<typeof ZStartPlaybook>;
export type StepDone = z.input<typeof ZStepDone>;
export type CopyPlaybook = z.input<typeof ZCopyPlaybook>;
export type PlaybookRevision = z.input<typeof ZRevisePlaybook>;
// Resolution, approval, closing and settings.
export type Resolution = z.infer<typeof ZResolution>;
export type ResolutionInput = z.input<typeof ZResolutionInput>;
export type TransitionBody = z.input<typeof ZTransition>;
export type RootCauseInput = z.input<typeof ZRootCause>;
export type DeadlineSettings = z.infer<typeof ZDeadlineSettings>;
export type DeadlineSettingsInput = z.input<typeof ZDeadlineSettingsInput>;
export type SlaPreset = DeadlineSettings['preset'];
export type AuthorityLimits = z.infer<typeof ZAuthorityLimits>;
export type WorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;
export type WorkspaceSettingsInput = z.input<typeof ZWorkspaceSettingsInput>;
export type BusinessHoursList = z.infer<typeof ZBusinessHoursList>;
export type TeamHours = z.infer<typeof ZTeamHours>;
export type TeamHoursInput = z.input<typeof ZTeamHoursInput>;
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;
export type NotificationPreferencesInput = z.input<typeof ZNotificationPreferencesInput>;
export type AuthorityLimitsInput = z.input<typeof ZAuthorityLimitsInput>;
// Commitments, follow-ups and notifications: following through after the resolution.
export type Commitment = z.infer<typeof ZCommitment>;
export type NewCommitment = z.input<typeof ZNewCommitment>;
export type CommitmentReport = z.infer<typeof ZCommitmentReport>;
export type FollowUp = z.infer<typeof ZFollowUp>;
export type MyFollowUp = z.infer<typeof ZMyFollowUp>;
export type EmployeeAnswerInput = z.input<typeof ZEmployeeAnswerInput>;
export type NotificationList = z.infer<typeof ZNotificationList>;
export type AppNotification = NotificationList['items'][number];
export type PromiseOwner = z.infer<typeof ZPromiseOwners>['items'][number];

export type ForumThreadSummary = z.infer<typeof ZThreadSummary>;
export type ForumThread = z.infer<typeof ZThread>;
export type ForumPost = z.infer<typeof ZPost>;
export type ForumAuthor = z.infer<typeof ZForumAuthor>;
export type ForumSimilar = z.infer<typeof ZSimilarThreads>;
export type ForumVoteState = z.infer<typeof ZVoteState>;
export type NewForumThread = z.input<typeof ZNewThread>;
export type ForumSort = 'votes' | 'newest' | 'unreviewed';
// Training: practice scenarios, sessions against a simulated customer, the strategy quiz.
export type ScenarioSummary = z.infer<typeof ZScenarioSummary>;
export type Scenario = z.infer<typeof ZScenario>;
export type ScenarioRevision = z.input<typeof ZReviseScenario>;
export type PracticeSession = z.infer<typeof ZSession>;
export type PracticeSessionSummary = z.infer<typeof ZSessionSummary>;
export type PracticeTurn = z.infer<typeof ZPracticeTurn>;
export type PracticeResult = z.infer<typeof ZPracticeResult>;
export type MoodState = PracticeSession['mood']['state'];
export type Difficulty = PracticeSession['difficulty'];
export type PracticeOutcome = NonNullable<PracticeSession['outcome']>;
export type QuizItem = z.infer<typeof ZQuizItem>;
export type QuizAnswer = z.infer<typeof ZQuizAnswer>;
// Training beyond practice: assignments, rules, certification, reports and calibration.
export type TrainingAssignment = z.infer<typeof ZAssignment>;
export type AssignInput = z.input<typeof ZAssignInput>;
export type TrainingRules = z.infer<typeof ZTrainingRules>;
export type CertificationRow = z.infer<typeof ZCertificationRow>;
export type CompletionReport = z.infer<typeof ZCompletionReport>;
export type TrainingEffect = z.infer<typeof ZTrainingEffect>;
export type CalibrationReport = z.infer<typeof ZCalibrationReport>;
export type TrainingHistory = z.infer<typeof ZTrainingHistory>;
