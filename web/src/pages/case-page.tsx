import { Alert, Anchor, Box, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useCase } from '../api/cases.js';
import { useCustomers, useTeams } from '../api/directory.js';
import type { CaseDetail, Customer, Team } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { SeverityBadge, SlaBadge, StatusBadge } from '../components/badges.js';
import { AbuseAction, AbuseFlagBadge } from '../components/case/abuse-action.js';
import { AttachmentsPanel } from '../components/case/attachments-panel.js';
import { AssigneeCard, FactsCard, StatusCard } from '../components/case/case-sidebar.js';
import { CaseThemeCard } from '../components/case/case-theme-card.js';
import { CaseTypeCard } from '../components/case/case-type-select.js';
import { CommitmentsPanel } from '../components/case/commitments-panel.js';
import { CustomerMessagesPanel } from '../components/case/customer-messages-panel.js';
import { FollowUpsPanel } from '../components/case/follow-ups-panel.js';
import { AskForHelp, HelpRequestBanner } from '../components/case/help-request.js';
import { MergedCasesCard, MergedIntoBanner, MergeSplitCard } from '../components/case/merge-split.js';
import { type Names, useNames } from '../components/case/names.js';
import { PlaybookPanel } from '../components/case/playbook-panel.js';
import { ReplyComposer } from '../components/case/reply-composer.js';
import { ResolutionPanel } from '../components/case/resolution-panel.js';
import { ResolutionRecord } from '../components/case/resolution-record.js';
import { StatementsPanel } from '../components/case/statements-panel.js';
import { StatusLinkCard } from '../components/case/status-link-card.js';
import { StrategyCard } from '../components/case/strategy-card.js';
import { SupportAction } from '../components/case/support-action.js';
import { TagsCard } from '../components/case/tags-card.js';
import { TimelinePanel } from '../components/case/timeline-panel.js';
import { TrainingFromCaseCard } from '../components/case/training-from-case-card.js';
import { WaitingOnCustomerBanner, WaitOnCustomerAction } from '../components/case/waiting-on-customer.js';
import { CustomerSignalBadges } from '../components/customer/customer-signal-badges.js';
import { QueryState } from '../components/query-state.js';
import { useNow } from '../components/use-now.js';
import { nextAction } from '../lib/next-action.js';

/**
 * One case: header (state, severity, SLA, next action), both sides' statements, the verified
 * timeline, and the handler's controls. Sections are tabs so later work (playbook, coach,
 * follow-ups) gets a tab of its own.
 */
export function CasePage() {
  const { ref } = useParams({ from: '/app/cases/$ref' });
  const search = useSearch({ from: '/app/cases/$ref' });
  const me = useCurrentUser();
  const now = useNow();
  const kase = useCase(ref);
  // The directory loads beside the case, not after it.
  const names = useNames(me);
  const teams = useTeams();
  const customers = useCustomers(Boolean(kase.data?.customerId));

  useEffect(() => {
    if (kase.data) document.title = `${kase.data.ref} · ${kase.data.title} · Defuse`;
    return () => {
      document.title = 'Defuse';
    };
  }, [kase.data]);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={me.can.workCaseInbox ? '/cases' : '/'} size="sm">
        ← {me.can.workCaseInbox ? 'Inbox' : 'My cases'}
      </Anchor>
      <QueryState query={kase} label={`Opening ${ref}`} rows={4}>
        {(c) => (
          <CaseView
            kase={c}
            created={Boolean(search.created)}
            now={now}
            names={names}
            customer={customers.data?.find((x) => x.id === c.customerId)}
            team={teams.data?.find((t) => t.id === c.teamId)}
          />
        )}
      </QueryState>
    </Stack>
  );
}

type CaseParts = { kase: CaseDetail; names: Names; customer: Customer | undefined };

/** A loaded case: the thank-you after reporting it, the header, the tabs and the handler's cards. */
function CaseView({ created, now, team, ...parts }: CaseParts & { created: boolean; now: Date; team: Team | undefined }) {
  return (
    <>
      {created ? (
        <Alert color="teal" variant="light" title="Thanks — your report is in" role="status">
          {parts.kase.ref} is recorded. A supervisor will pick it up; you can follow it here and under My cases.
        </Alert>
      ) : null}
      <MergedIntoBanner kase={parts.kase} />
      <CaseHeader kase={parts.kase} now={now} />
      <HelpRequestBanner kase={parts.kase} names={parts.names} now={now} />
      <WaitingOnCustomerBanner kase={parts.kase} now={now} />
      <ResolutionRecord kase={parts.kase} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CaseTabs {...parts} now={now} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CaseSidebar {...parts} team={team} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The case's title card: reference, status, severity, SLA, abuse flag and the next step. */
function CaseHeader({ kase: c, now }: { kase: CaseDetail; now: Date }) {
  return (
    <Paper withBorder radius="md" p="md" component="header" data-testid="case-header">
      <Text size="xs" c="dimmed" ff="monospace">
        {c.ref}
      </Text>
      <Title order={1} size="h2" mt={2}>
        {c.title}
      </Title>
      <Group gap={6} mt="sm">
        <StatusBadge status={c.status} size="md" />
        <SeverityBadge severity={c.severity} size="md" />
        <SlaBadge kase={c} now={now} size="md" />
        <AbuseFlagBadge customer={c.customer} />
        {c.customerId ? <CustomerSignalBadges customerId={c.customerId} /> : null}
        {c.can.requestHelp ? <AskForHelp kase={c} /> : null}
        {c.can.reportAbuse ? <AbuseAction kase={c} /> : null}
        <SupportAction kase={c} />
        <WaitOnCustomerAction kase={c} />
      </Group>
      <Box mt="md" p="sm" bg="teal.0" style={{ borderRadius: 8 }}>
        <Text size="xs" fw={700} c="teal.9" tt="uppercase">
          Next step
        </Text>
        <Text size="sm" c="dark.7" data-testid="next-action">
          {nextAction(c)}
        </Text>
      </Box>
    </Paper>
  );
}

/** The case's sections, one tab each. */
function CaseTabs({ kase: c, names, now, customer }: CaseParts & { now: Date }) {
  return (
    <Tabs defaultValue="statements" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="statements">Statements ({c.statements.length})</Tabs.Tab>
        <Tabs.Tab value="timeline">Timeline ({c.eventCount})</Tabs.Tab>
        <Tabs.Tab value="playbook">Playbook</Tabs.Tab>
        <Tabs.Tab value="messages">From the customer</Tabs.Tab>
        <Tabs.Tab value="files">Files</Tabs.Tab>
        <Tabs.Tab value="reply">Reply to the customer</Tabs.Tab>
        <Tabs.Tab value="resolution">Resolution</Tabs.Tab>
        <Tabs.Tab value="promises">Promises & follow-ups</Tabs.Tab>
        <Tabs.Tab value="summary">What happened</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="statements">
        <StatementsPanel kase={c} names={names} customer={customer} now={now} />
      </Tabs.Panel>
      <Tabs.Panel value="timeline">
        <TimelinePanel kase={c} names={names} now={now} />
      </Tabs.Panel>
      <Tabs.Panel value="playbook">
        <PlaybookPanel refId={c.ref} names={names} canChange={c.can.runPlaybook} />
      </Tabs.Panel>
      <Tabs.Panel value="messages">
        <CustomerMessagesPanel refId={c.ref} />
      </Tabs.Panel>
      <Tabs.Panel value="files">
        <AttachmentsPanel kase={c} />
      </Tabs.Panel>
      <Tabs.Panel value="reply">
        <ReplyComposer kase={c} />
      </Tabs.Panel>
      <Tabs.Panel value="resolution">
        <ResolutionPanel kase={c} />
      </Tabs.Panel>
      <Tabs.Panel value="promises">
        <Stack gap="lg">
          <CommitmentsPanel kase={c} now={now} canEdit={c.can.addCommitment} />
          <FollowUpsPanel refId={c.ref} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="summary">
        <Paper withBorder radius="md" p="md">
          <Text size="sm" className="statement-body">
            {c.summary}
          </Text>
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}

/** The handler's cards beside the tabs: status moves, approach, assignee, facts and case type. */
function CaseSidebar({ kase: c, names, customer, team }: CaseParts & { team: Team | undefined }) {
  const me = useCurrentUser();
  return (
    <Stack gap="md">
      <StatusCard kase={c} />
      {c.can.runPlaybook ? <StrategyCard refId={c.ref} inUse={c.playbook ? c.strategy : null} /> : null}
      <AssigneeCard kase={c} me={me} names={names} />
      <FactsCard kase={c} names={names} customer={customer} team={team} />
      <TagsCard kase={c} />
      <MergedCasesCard kase={c} />
      <MergeSplitCard kase={c} />
      <CaseThemeCard refId={c.ref} />
      {c.status === 'closed' && me.can.draftScenarios ? <TrainingFromCaseCard refId={c.ref} /> : null}
      {c.can.setCaseType ? <CaseTypeCard kase={c} /> : null}
      <StatusLinkCard kase={c} />
    </Stack>
  );
}
