import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet } from '@tanstack/react-router';
import { meQuery } from '../api/accounts.js';
import { notificationsQuery } from '../api/notifications.js';
import { NotFoundState } from '../components/states.js';
import { parseInboxSearch } from '../lib/inbox-search.js';
import { queryClient } from './query-client.js';

// Every page is its own chunk, fetched when its route is first entered (or hovered: preload on
// intent), so the sign-in page and the inbox load only the code they show.
const AccessLogPage = lazyRouteComponent(() => import('../pages/access-log.js'), 'AccessLogPage');
const AccountPage = lazyRouteComponent(() => import('../pages/account.js'), 'AccountPage');
const CasePage = lazyRouteComponent(() => import('../pages/case-page.js'), 'CasePage');
const CoachingReportPage = lazyRouteComponent(() => import('../pages/coaching-report.js'), 'CoachingReportPage');
const CommitmentsReportPage = lazyRouteComponent(() => import('../pages/commitments-report.js'), 'CommitmentsReportPage');
const EmployeeHistoryPage = lazyRouteComponent(() => import('../pages/employee-history.js'), 'EmployeeHistoryPage');
const ForumPage = lazyRouteComponent(() => import('../pages/forum.js'), 'ForumPage');
const ForumThreadPage = lazyRouteComponent(() => import('../pages/forum-thread.js'), 'ForumThreadPage');
const HomePage = lazyRouteComponent(() => import('../pages/home.js'), 'HomePage');
const ImprovementsPage = lazyRouteComponent(() => import('../pages/improvements.js'), 'ImprovementsPage');
const InboxPage = lazyRouteComponent(() => import('../pages/inbox.js'), 'InboxPage');
const InvitePage = lazyRouteComponent(() => import('../pages/invite.js'), 'InvitePage');
const PeoplePage = lazyRouteComponent(() => import('../pages/people.js'), 'PeoplePage');
const PlaybooksPage = lazyRouteComponent(() => import('../pages/playbooks.js'), 'PlaybooksPage');
const PracticeSessionPage = lazyRouteComponent(() => import('../pages/practice-session.js'), 'PracticeSessionPage');
const ReportPage = lazyRouteComponent(() => import('../pages/report.js'), 'ReportPage');
const ScenarioEditorPage = lazyRouteComponent(() => import('../pages/scenario-editor.js'), 'ScenarioEditorPage');
const SettingsPage = lazyRouteComponent(() => import('../pages/settings.js'), 'SettingsPage');
const IntegrationsPage = lazyRouteComponent(() => import('../pages/integrations.js'), 'IntegrationsPage');
const ImportPage = lazyRouteComponent(() => import('../pages/import.js'), 'ImportPage');
const SavedRepliesPage = lazyRouteComponent(() => import('../pages/saved-replies.js'), 'SavedRepliesPage');
const SignInPage = lazyRouteComponent(() => import('../pages/sign-in.js'), 'SignInPage');
const TeamsPage = lazyRouteComponent(() => import('../pages/teams.js'), 'TeamsPage');
const ThemesPage = lazyRouteComponent(() => import('../pages/themes.js'), 'ThemesPage');
const TokensPage = lazyRouteComponent(() => import('../pages/tokens.js'), 'TokensPage');
const TrainingPage = lazyRouteComponent(() => import('../pages/training.js'), 'TrainingPage');
const UsersPage = lazyRouteComponent(() => import('../pages/users.js'), 'UsersPage');
const MyReviewsPage = lazyRouteComponent(() => import('../pages/my-reviews.js'), 'MyReviewsPage');
const ReviewPage = lazyRouteComponent(() => import('../pages/review.js'), 'ReviewPage');
const ReviewRulesPage = lazyRouteComponent(() => import('../pages/review-rules.js'), 'ReviewRulesPage');
const ReviewsPage = lazyRouteComponent(() => import('../pages/reviews.js'), 'ReviewsPage');
const SupportPage = lazyRouteComponent(() => import('../pages/support.js'), 'SupportPage');
const HeldMailPage = lazyRouteComponent(() => import('../pages/held-mail.js'), 'HeldMailPage');
const TrainingAssignmentsPage = lazyRouteComponent(() => import('../pages/training-assignments.js'), 'TrainingAssignmentsPage');
const TrainingCertificationsPage = lazyRouteComponent(() => import('../pages/training-certifications.js'), 'TrainingCertificationsPage');
const TrainingReportsPage = lazyRouteComponent(() => import('../pages/training-reports.js'), 'TrainingReportsPage');
const AgendaPage = lazyRouteComponent(() => import('../pages/agenda.js'), 'AgendaPage');
const NewsletterPage = lazyRouteComponent(() => import('../pages/newsletter.js'), 'NewsletterPage');
const CustomerPage = lazyRouteComponent(() => import('../pages/customer-page.js'), 'CustomerPage');
const PrivacyPage = lazyRouteComponent(() => import('../pages/privacy.js'), 'PrivacyPage');
const DashboardPage = lazyRouteComponent(() => import('../pages/dashboard.js'), 'DashboardPage');
const PeopleReportPage = lazyRouteComponent(() => import('../pages/people-report.js'), 'PeopleReportPage');
const SignedInLayout = lazyRouteComponent(() => import('./signed-in-layout.js'), 'SignedInLayout');

/** What every route's loader may use: the data cache, to start a page's requests beside its code. */
type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => <NotFoundState what="this page" />,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } =>
    typeof s.redirect === 'string' && s.redirect.startsWith('/') && !s.redirect.startsWith('//') ? { redirect: s.redirect } : {},
  component: SignInPage,
});

const inviteRoute = createRoute({ getParentRoute: () => rootRoute, path: '/invite/$token', component: InvitePage });

/**
 * Entering a page, its loader starts the page's requests beside its code and waits for them, but
 * only briefly: a quick answer is then in the first render (no skeleton flashing by), a slow one
 * leaves the page to show its skeleton. Staying on a page (a new filter) never waits.
 */
const WAIT_FOR_DATA_MS = 200;
function briefly(cause: 'enter' | 'stay' | 'preload', request: Promise<unknown>): Promise<unknown> | undefined {
  const settled = request.catch(() => undefined);
  if (cause !== 'enter') return undefined;
  return Promise.race([settled, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_DATA_MS))]);
}

// The account is asked for as soon as a signed-in page is matched, and the bell's list once the
// account is known (signed out, it would only be refused).
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  loader: ({ context: { queryClient }, cause }) =>
    briefly(
      cause,
      queryClient.ensureQueryData(meQuery).then(() => queryClient.prefetchQuery(notificationsQuery)),
    ),
  component: SignedInLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: parseInboxSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps, cause }) =>
    briefly(
      cause,
      import('../pages/inbox.js').then((page) => page.prefetchInbox(context.queryClient, deps)),
    ),
  component: InboxPage,
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$ref',
  validateSearch: (s: Record<string, unknown>): { created?: boolean } =>
    s.created === true || s.created === 'true' ? { created: true } : {},
  component: CasePage,
});
const reportRoute = createRoute({ getParentRoute: () => appRoute, path: '/report', component: ReportPage });
const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: '/people', component: PeoplePage });
const employeeHistoryRoute = createRoute({ getParentRoute: () => appRoute, path: '/people/$id', component: EmployeeHistoryPage });
const accessLogRoute = createRoute({ getParentRoute: () => appRoute, path: '/access-log', component: AccessLogPage });
const coachingRoute = createRoute({ getParentRoute: () => appRoute, path: '/coaching', component: CoachingReportPage });
const commitmentsReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/commitments',
  component: CommitmentsReportPage,
});
const themesRoute = createRoute({ getParentRoute: () => appRoute, path: '/themes', component: ThemesPage });
const improvementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/improvements',
  // Proposing from a theme or a case page arrives with it named, to be linked.
  validateSearch: (s: Record<string, unknown>): { themeId?: string; caseRef?: string } => ({
    ...(typeof s.themeId === 'string' && /^[0-9a-f-]{36}$/.test(s.themeId) ? { themeId: s.themeId } : {}),
    ...(typeof s.caseRef === 'string' && /^C-\d{4}-\d{6,}$/.test(s.caseRef) ? { caseRef: s.caseRef } : {}),
  }),
  component: ImprovementsPage,
});
const agendaRoute = createRoute({ getParentRoute: () => appRoute, path: '/agenda', component: AgendaPage });
const newsletterRoute = createRoute({ getParentRoute: () => appRoute, path: '/newsletter', component: NewsletterPage });
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: () => <Navigate to="/settings/users" />,
});
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/users', component: UsersPage });
const teamsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/teams', component: TeamsPage });
const playbooksRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/playbooks', component: PlaybooksPage });
const workspaceSettingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/workspace', component: SettingsPage });
const trainingRoute = createRoute({ getParentRoute: () => appRoute, path: '/training', component: TrainingPage });
const trainingAssignmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/training/assignments',
  component: TrainingAssignmentsPage,
});
const trainingCertificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/training/certifications',
  component: TrainingCertificationsPage,
});
const trainingReportsRoute = createRoute({ getParentRoute: () => appRoute, path: '/training/reports', component: TrainingReportsPage });
const practiceSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/training/sessions/$id',
  component: PracticeSessionPage,
});
const scenarioEditorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/training/scenarios/$key/edit',
  component: ScenarioEditorPage,
});
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage });
const tokensRoute = createRoute({ getParentRoute: () => appRoute, path: '/account/tokens', component: TokensPage });
const forumRoute = createRoute({ getParentRoute: () => appRoute, path: '/forum', component: ForumPage });
const forumThreadRoute = createRoute({ getParentRoute: () => appRoute, path: '/forum/$id', component: ForumThreadPage });
const reviewsRoute = createRoute({ getParentRoute: () => appRoute, path: '/reviews', component: ReviewsPage });
const reviewRoute = createRoute({ getParentRoute: () => appRoute, path: '/reviews/$id', component: ReviewPage });
const reviewRulesRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/reviews', component: ReviewRulesPage });
const privacyRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/privacy', component: PrivacyPage });
const myReviewsRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-reviews', component: MyReviewsPage });
// Notifications link to one review; the page lists them all (an employee rarely has more than one).
const myReviewRoute = createRoute({ getParentRoute: () => appRoute, path: '/my-reviews/$id', component: MyReviewsPage });
const supportRoute = createRoute({ getParentRoute: () => appRoute, path: '/support', component: SupportPage });
const heldMailRoute = createRoute({ getParentRoute: () => appRoute, path: '/mail/held', component: HeldMailPage });
const customerRoute = createRoute({ getParentRoute: () => appRoute, path: '/customers/$id', component: CustomerPage });
const integrationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/integrations', component: IntegrationsPage });
const importRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/import', component: ImportPage });
const savedRepliesRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings/saved-replies', component: SavedRepliesPage });

const dashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboard', component: DashboardPage });
const peopleReportRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports/people', component: PeopleReportPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  inviteRoute,
  appRoute.addChildren([
    homeRoute,
    inboxRoute,
    caseRoute,
    reportRoute,
    peopleRoute,
    employeeHistoryRoute,
    accessLogRoute,
    coachingRoute,
    commitmentsReportRoute,
    themesRoute,
    improvementsRoute,
    agendaRoute,
    newsletterRoute,
    settingsRoute,
    usersRoute,
    workspaceSettingsRoute,
    teamsRoute,
    playbooksRoute,
    accountRoute,
    tokensRoute,
    forumRoute,
    forumThreadRoute,
    trainingRoute,
    trainingAssignmentsRoute,
    trainingCertificationsRoute,
    trainingReportsRoute,
    practiceSessionRoute,
    scenarioEditorRoute,
    reviewsRoute,
    reviewRoute,
    reviewRulesRoute,
    myReviewsRoute,
    myReviewRoute,
    supportRoute,
    customerRoute,
    privacyRoute,
    integrationsRoute,
    importRoute,
    savedRepliesRoute,
    heldMailRoute,
    dashboardRoute,
    peopleReportRoute,
  ]),
]);

export const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
