import { AppShell, Box, Burger, Button, Divider, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useSignOut } from '../api/accounts.js';
import { useLiveUpdates } from '../api/live-updates.js';
import type { Me } from '../api/types.js';
import { NotificationsBell } from '../components/notifications-bell.js';
import { ROLE_LABEL } from '../lib/labels.js';
import { useCurrentUser } from './me-context.js';

/** A place in the app, shown to those whose abilities (from the permission table) open it. */
type NavItem = { to: string; label: string; shown: (can: Me['can']) => boolean; exact?: boolean };
const always = () => true;

/**
 * The navigation, grouped so later areas (playbooks, follow-ups, dashboards, forum, training) slot
 * into a section instead of crowding one list.
 */
const SECTIONS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Work',
    items: [
      { to: '/', label: 'My cases', shown: (can) => !can.workCaseInbox, exact: true },
      { to: '/cases', label: 'Inbox', shown: (can) => can.workCaseInbox },
      { to: '/dashboard', label: 'Dashboard', shown: (can) => can.readDashboard },
      { to: '/report', label: 'Report an incident', shown: (can) => can.reportIncident },
      { to: '/forum', label: 'Forum', shown: always },
      { to: '/mail/held', label: 'Held mail', shown: (can) => can.placeHeldMail },
    ],
  },
  {
    title: 'Learning',
    items: [
      { to: '/themes', label: 'Themes', shown: always },
      { to: '/improvements', label: 'Improvements', shown: always },
      { to: '/agenda', label: 'Team meetings', shown: (can) => can.readAgendas },
      { to: '/newsletter', label: 'Newsletter', shown: always },
    ],
  },
  {
    title: 'People',
    items: [
      { to: '/people', label: 'Employees', shown: (can) => can.readEmployeeHistories },
      { to: '/coaching', label: 'Reply coaching', shown: (can) => can.readCoachingReport },
      { to: '/reports/commitments', label: 'Promises kept', shown: (can) => can.readCommitmentReport },
      { to: '/access-log', label: 'Access log', shown: (can) => can.readAccessLog },
      { to: '/reports/people', label: 'People report', shown: (can) => can.readPeopleReport },
      { to: '/reviews', label: 'Reviews', shown: (can) => can.readReviews },
      { to: '/support', label: 'Support', shown: always },
    ],
  },
  {
    title: 'Training',
    items: [
      { to: '/training', label: 'Training', shown: always, exact: true },
      { to: '/training/assignments', label: 'Assigned training', shown: always },
      { to: '/training/certifications', label: 'Certification', shown: always },
      { to: '/training/reports', label: 'Training reports', shown: (can) => can.readTrainingReports },
    ],
  },
  {
    title: 'Workspace',
    items: [
      { to: '/settings/users', label: 'Users', shown: (can) => can.manageUsers },
      { to: '/settings/teams', label: 'Teams', shown: (can) => can.manageTeams },
      { to: '/settings/playbooks', label: 'Playbooks', shown: (can) => can.managePlaybooks },
      { to: '/settings/workspace', label: 'Deadlines & limits', shown: (can) => can.manageSettings },
      { to: '/settings/reviews', label: 'Review rules', shown: (can) => can.manageReviewRules || can.readReviews },
      { to: '/settings/privacy', label: 'Data rights', shown: (can) => can.manageDataRights },
      { to: '/settings/integrations', label: 'Integrations', shown: (can) => can.manageWebhooks },
      { to: '/settings/import', label: 'Import', shown: (can) => can.importTickets },
      { to: '/settings/saved-replies', label: 'Saved replies', shown: (can) => can.manageSavedReplies },
    ],
  },
  {
    title: 'You',
    items: [
      { to: '/account', label: 'Account & notifications', shown: always, exact: true },
      { to: '/account/tokens', label: 'API tokens', shown: (can) => can.createTokens },
      { to: '/my-reviews', label: 'Reviews of my cases', shown: always },
    ],
  },
];

/** The signed-in frame: header with the workspace, a navigation that collapses on phones, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  useLiveUpdates(true);
  const [opened, { toggle, close }] = useDisclosure(false);
  const signOut = useSignOut();
  const navigate = useNavigate();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <UnstyledButton component={Link} to="/" onClick={close} aria-label="Defuse home">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={24} height={24} />
                <Text fw={700} size="lg">
                  Defuse
                </Text>
              </Group>
            </UnstyledButton>
            <Text c="dimmed" size="sm" visibleFrom="xs" truncate>
              {me.workspace.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationsBell />
            <Box visibleFrom="sm" ta="right">
              <Text size="sm" fw={500} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {ROLE_LABEL[me.role]}
              </Text>
            </Box>
            <Button
              variant="default"
              size="xs"
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <Stack gap="xs" component="nav" aria-label="Sections">
            {SECTIONS.map((section) => {
              const items = section.items.filter((i) => i.shown(me.can));
              if (items.length === 0) return null;
              return (
                <Box key={section.title}>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>
                    {section.title}
                  </Text>
                  {items.map((item) => (
                    // A plain link styled in global.css: Mantine's NavLink brings collapsing code for nested links we do not have.
                    <Link
                      key={item.to}
                      to={item.to}
                      className="nav-link"
                      // The router marks the link of the current page with aria-current="page".
                      activeOptions={{ exact: item.exact ?? false }}
                      onClick={close}
                    >
                      {item.label}
                    </Link>
                  ))}
                </Box>
              );
            })}
            <Divider my="xs" />
            <Text size="xs" c="dimmed" px="sm" hiddenFrom="sm">
              Signed in as {me.name} ({ROLE_LABEL[me.role]})
            </Text>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1200} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
