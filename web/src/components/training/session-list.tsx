import { Anchor, Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { usePracticeSessions } from '../../api/training.js';
import type { PracticeSessionSummary } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { scoreTextColor } from '../../lib/coach-labels.js';
import { formatDate } from '../../lib/time.js';
import { DIFFICULTY_LABEL, OUTCOME_LABEL } from '../../lib/training-labels.js';
import { type DataColumn, DataTable } from '../data-table.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

/** Practice sessions: an employee's own; a supervisor's team's (or only their own); everyone's for HR and admins. */
export function SessionList() {
  const me = useCurrentUser();
  const seesOthers = me.can.readOthersPractice;
  const [scope, setScope] = useState<'all' | 'mine'>(seesOthers ? 'all' : 'mine');
  const sessions = usePracticeSessions(scope === 'mine');
  const columns: DataColumn<PracticeSessionSummary>[] = [
    ...(scope === 'all' && seesOthers
      ? [{ key: 'person', header: 'Person', rowHeader: true, cell: (s: PracticeSessionSummary) => s.user.name }]
      : []),
    {
      key: 'scenario',
      header: 'Scenario',
      cell: (s) => (
        <Anchor component={Link} to={`/training/sessions/${s.id}`} size="sm">
          {s.scenario.title}
        </Anchor>
      ),
    },
    { key: 'level', header: 'Difficulty', cell: (s) => DIFFICULTY_LABEL[s.difficulty] },
    {
      key: 'outcome',
      header: 'Outcome',
      cell: (s) =>
        s.status === 'active' ? (
          <Badge variant="light" color="blue">
            In progress
          </Badge>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Badge variant="light" color={s.passed ? 'teal' : 'red'}>
              {s.passed ? 'Passed' : 'Not passed'}
            </Badge>
            <Text size="xs" c="dark.5">
              {s.outcome ? OUTCOME_LABEL[s.outcome] : ''}
            </Text>
          </Group>
        ),
    },
    {
      key: 'score',
      header: 'Score',
      cell: (s) =>
        s.total === null ? (
          '—'
        ) : (
          <Text size="sm" fw={700} c={scoreTextColor(s.total)}>
            {s.total}
          </Text>
        ),
    },
    { key: 'started', header: 'Started', cell: (s) => formatDate(s.startedAt) },
  ];
  return (
    <Stack gap="sm">
      {seesOthers ? (
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as 'all' | 'mine')}
          data={[
            { value: 'all', label: me.role === 'supervisor' ? 'My teams' : 'Everyone' },
            { value: 'mine', label: 'Only mine' },
          ]}
          aria-label="Whose sessions"
          w="fit-content"
        />
      ) : null}
      <QueryState query={sessions} label="Loading practice sessions" rows={3}>
        {(rows) => (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(s) => s.id}
            rowTestId="session-row"
            verticalSpacing="xs"
            empty={<EmptyState title="No practice yet">Pick a scenario and start practising: sessions appear here.</EmptyState>}
            data-testid="session-list"
          />
        )}
      </QueryState>
    </Stack>
  );
}
