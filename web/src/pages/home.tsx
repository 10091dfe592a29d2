import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from '@tanstack/react-router';
import { useCaseList } from '../api/cases.js';
import { useCurrentUser } from '../app/me-context.js';
import { CaseRow } from '../components/case-row.js';
import { FollowUpAnswerCards } from '../components/follow-ups-answer-card.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { useNow } from '../components/use-now.js';

/** Each role starts where its work is: employees on their own cases, supervisors and admins on the dashboard, HR on people. */
export function HomePage() {
  const me = useCurrentUser();
  if (me.role === 'supervisor' || me.role === 'admin') return <Navigate to="/dashboard" replace />;
  if (me.role === 'hr') return <Navigate to="/people" replace />;
  return <EmployeeHome />;
}

function EmployeeHome() {
  const me = useCurrentUser();
  const now = useNow();
  const cases = useCaseList({ sort: 'updated_at', order: 'desc' });
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const first = me.name.split(' ')[0];

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" align="center" gap="md">
          <div>
            <Title order={1} size="h2">
              Hi {first}
            </Title>
            <Text c="dimmed" mt={4}>
              Had a difficult moment with a customer? Write it down while it’s fresh — your supervisor will pick it up.
            </Text>
          </div>
          <Button component={Link} to="/report" size="md">
            Report an incident
          </Button>
        </Group>
      </Paper>
      <section aria-labelledby="my-cases">
        <Title order={2} size="h4" id="my-cases" mb="sm">
          My cases
        </Title>
        <QueryState
          query={cases}
          label="Loading your cases"
          rows={3}
          isEmpty={() => items.length === 0}
          empty={
            <EmptyState title="No cases yet">Cases you report, or that you are named in, show up here with where they stand.</EmptyState>
          }
        >
          {() => (
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              {items.map((c) => (
                <CaseRow key={c.id} kase={c} now={now} />
              ))}
            </Paper>
          )}
        </QueryState>
        {cases.hasNextPage ? (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
              Show more
            </Button>
          </Group>
        ) : null}
      </section>
      <FollowUpAnswerCards />
    </Stack>
  );
}
