import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCoachingReport } from '../api/coach.js';
import type { CoachingRow } from '../api/types.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { SCORE_PART_LABEL, SCORE_PARTS, scoreColor, scoreTextColor } from '../lib/coach-labels.js';
import { formatDate } from '../lib/time.js';

export function CoachingReportPage() {
  return (
    <RequireAbility ability="readCoachingReport">
      <CoachingReport />
    </RequireAbility>
  );
}

/** Reply quality per person: the average score and its parts, the weakest part, and the replies to look at first. */
function CoachingReport() {
  const report = useCoachingReport();
  return (
    <Stack gap="md">
      <PageHeader
        title="Reply coaching"
        description="Scores of replies recorded on cases over the last 90 days, per person, with the lowest-scored replies to coach from."
      />
      <QueryState
        query={report}
        label="Loading the coaching report"
        rows={4}
        isEmpty={(rows) => rows.length === 0}
        empty={<EmptyState title="No replies scored yet">Replies sent from a case page are scored and counted here.</EmptyState>}
      >
        {(rows) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {rows.map((row) => (
              <CoachingCard key={row.userId} row={row} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}

/** One person's scores: the average and its parts, the weakest part, and the replies to look at first. */
function CoachingCard({ row }: { row: CoachingRow }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={row.name} data-testid="coaching-row">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          {row.name}
        </Title>
        <Text fw={700} size="xl" c={scoreTextColor(row.average.total)}>
          {Math.round(row.average.total)}
          <Text span size="sm" c="dimmed">
            {' '}
            / 100
          </Text>
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {row.replies} {row.replies === 1 ? 'reply' : 'replies'} · weakest:{' '}
        <Badge component="span" color="orange" variant="light" size="sm">
          {SCORE_PART_LABEL[row.weakest]}
        </Badge>
      </Text>
      <Stack gap={4} mt="sm">
        {SCORE_PARTS.map((part) => (
          <Group key={part} gap="xs" wrap="nowrap">
            <Text size="sm" w={130} fw={part === row.weakest ? 700 : 400}>
              {SCORE_PART_LABEL[part]}
            </Text>
            <Progress
              value={row.average[part]}
              color={scoreColor(row.average[part])}
              style={{ flex: 1 }}
              aria-label={`${SCORE_PART_LABEL[part]}: ${Math.round(row.average[part])} of 100`}
            />
            <Text size="sm" w={28} ta="right">
              {Math.round(row.average[part])}
            </Text>
          </Group>
        ))}
      </Stack>
      {row.examples.length ? (
        <Stack gap={6} mt="md">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Replies to look at
          </Text>
          {row.examples.map((ex) => (
            <Text key={`${ex.ref}-${ex.at}`} size="sm">
              <Anchor component={Link} to={`/cases/${ex.ref}`} ff="monospace" size="sm">
                {ex.ref}
              </Anchor>{' '}
              · {formatDate(ex.at)} · <b>{ex.total}</b> — “{ex.excerpt}”
            </Text>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
