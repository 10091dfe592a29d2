import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from '@tanstack/react-router';
import { NotFoundState } from '../components/states.js';
import { parseInboxSearch } from '../lib/inbox-search.js';
import { AccessLogPage } from '../pages/access-log.js';
import { AccountPage } from '../pages/account.js';
import { CasePage } from '../pages/case-page.js';
import { CoachingReportPage } from '../pages/coaching-report.js';
import { CommitmentsReportPage } from '../pages/commitments-report.js';
import { CustomerPage } from '../pages/customer-page.js';
import { EmployeeHistoryPage } from '../pages/employee-history.js';
import { ForumPage } from '../pages/forum.js';
import { ForumThreadPage } from '../pages/forum-thread.js';
import { HomePage } from '../pages/home.js';
import { ImprovementsPage } from '../pages/improvements.js';
import { InboxPage } from '../pages/inbox.js';
import { InvitePage } from '../pages/invite.js';
import { PeoplePage } from '../pages/people.js';
import { PlaybooksPage } from '../pages/playbooks.js';
import { PracticeSessionPage } from '../pages/practice-session.js';
import { ReportPage } from '../pages/report.js';
import { ScenarioEditorPage } from '../pages/scenario-editor.js';
import { SettingsPage } from '../pages/settings.js';
import { SignInPage } from '../pages/sign-in.js';
import { TeamsPage } from '../pages/teams.js';
import { ThemesPage } from '../pages/themes.js';
import { TokensPage } from '../pages/tokens.js';
import { TrainingPage } from '../pages/training.js';
import { UsersPage } from '../pages/users.js';
import { SignedInLayout } from './signed-in-layout.js';

const rootRoute = createRootRoute({
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

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: SignedInLayout });

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: parseInboxSearch,
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
const customerRoute = createRoute({ getParentRoute: () => appRoute, path: '/customers/$id', component: CustomerPage });

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
    practiceSessionRoute,
    scenarioEditorRoute,
    customerRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
