import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useScenarios } from '../api/training.js';
import { useCertifications, useTrainingRules } from '../api/training-assignments.js';
import type { CertificationRow } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { StartAssigned } from '../components/training/start-assigned.js';
import { formatDate } from '../lib/time.js';
import { CERTIFICATION_STATUS_COLOR, CERTIFICATION_STATUS_LABEL } from '../lib/training-labels.js';

/** Certification, apart from practice: no hints, a few attempts, its own pass mark, and an expiry. */
export function TrainingCertificationsPage() {
  const me = useCurrentUser();
  const rules = useTrainingRules();
  const terms = rules.data?.certification;
  return (
    <Stack gap="md">
      <PageHeader
        title="Certification"
        description={
          terms
            ? `A certification shows no hints while it runs. You have ${terms.attempts} attempt${terms.attempts === 1 ? '' : 's'} a round, the mark is at least ${terms.passMark}, and a pass holds for ${terms.validDays} days before it must be renewed.`
            : 'A certification shows no hints while it runs, allows a few attempts, has its own pass mark and expires.'
        }
      />
      <StartCertification />
      <Standings mine title="My certifications" />
      {me.can.readOthersPractice ? <Standings mine={false} title={me.role === 'supervisor' ? 'Your teams' : 'Everyone'} /> : null}
    </Stack>
  );
}

function StartCertification() {
  const scenarios = useScenarios();
  const [key, setKey] = useState('');
  const published = (scenarios.data ?? []).filter((s) => !s.draft);
  const chosen = published.find((s) => s.key === key) ?? published[0];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-cert">
      <Title order={2} size="h4" id="start-cert" mb="sm">
        Take a certification
      </Title>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label="Scenario"
          value={chosen?.key ?? ''}
          onChange={(e) => setKey(e.currentTarget.value)}
          data={published.map((s) => ({ value: s.key, label: s.title }))}
          style={{ flex: 1, minWidth: 200 }}
        />
        {chosen ? <StartAssigned scenarioKey={chosen.key} title={chosen.title} mode="certification" /> : null}
      </Group>
    </Paper>
  );
}

function Standings({ mine, title }: { mine: boolean; title: string }) {
  const list = useCertifications(mine);
  const columns: DataColumn<CertificationRow>[] = [
    ...(mine ? [] : [{ key: 'who', header: 'Person', rowHeader: true, cell: (c: CertificationRow) => c.user.name }]),
    { key: 'scenario', header: 'Scenario', rowHeader: mine, cell: (c) => c.scenario.title },
    {
      key: 'status',
      header: 'Standing',
      cell: (c) => (
        <Badge variant="light" color={CERTIFICATION_STATUS_COLOR[c.status]} data-testid="certification-status">
          {CERTIFICATION_STATUS_LABEL[c.status]}
        </Badge>
      ),
    },
    { key: 'until', header: 'Valid until', cell: (c) => (c.expiresAt ? formatDate(c.expiresAt) : '—') },
    { key: 'attempts', header: 'Attempts left', cell: (c) => `${c.attemptsLeft} (used ${c.attemptsUsed})` },
    { key: 'why', header: 'Next attempt', cell: (c) => (c.mayStart ? 'Open' : (c.why ?? '')) },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <QueryState query={list} label="Loading certifications" rows={3}>
        {(items) => (
          <DataTable
            framed={false}
            rows={items}
            rowKey={(c) => `${c.user.id} ${c.scenario.key}`}
            rowTestId="certification-row"
            empty={<Text size="sm">No certification attempts yet.</Text>}
            columns={columns}
          />
        )}
      </QueryState>
    </Paper>
  );
}
