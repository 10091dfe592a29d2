import { Alert, Badge, Box, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useStartSession } from '../../api/training.js';
import type { PracticeSession } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { scoreTextColor } from '../../lib/coach-labels.js';
import { OUTCOME_LABEL } from '../../lib/training-labels.js';
import { FormProblem } from '../form-problem.js';
import { ScoreParts } from '../score-parts.js';

/** A finished session's result: pass or not, the score per coach part, what went well, what to change (quoted, with a better line), and a retry. */
export function PracticeResultPanel({ session }: { session: PracticeSession }) {
  const result = session.result;
  const retry = useStartSession();
  const navigate = useNavigate();
  const me = useCurrentUser();
  if (!result) return null;
  const mine = session.user.id === me.id;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="result-title" data-testid="practice-result">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Box>
            <Title order={2} size="h4" id="result-title">
              Result
            </Title>
            <Group gap={6} mt={4}>
              <Badge color={result.passed ? 'teal' : 'red'} variant="filled" data-testid="result-badge">
                {result.passed ? 'Passed' : 'Not passed'}
              </Badge>
              <Badge variant="light" color="gray">
                {OUTCOME_LABEL[result.outcome]}
              </Badge>
            </Group>
          </Box>
          <Text fw={700} size="xl" c={scoreTextColor(result.total)} data-testid="result-score">
            {result.total}
            <Text span size="sm" c="dimmed">
              {' '}
              / 100 (pass mark {result.passMark})
            </Text>
          </Text>
        </Group>
        <Alert color={result.passed ? 'teal' : 'orange'} variant="light" role="status">
          {result.verdict}
        </Alert>
        {result.parts ? (
          <Box>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              Score per part
            </Text>
            <ScoreParts parts={result.parts} mt={4} />
          </Box>
        ) : null}
        {result.wentWell.length ? (
          <Box>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              What went well
            </Text>
            <List size="sm" spacing={4} mt={4} data-testid="went-well">
              {result.wentWell.map((w) => (
                <List.Item key={`${w.turn}-${w.text}`}>
                  {w.text}
                  {w.quote ? (
                    <Text span size="sm" c="teal.9">
                      {' '}
                      “{w.quote}”{w.turn ? ` (reply ${w.turn})` : ''}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Box>
        ) : null}
        {result.toChange.length ? (
          <Box>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              What to change
            </Text>
            <Stack gap="xs" mt={4} data-testid="to-change">
              {result.toChange.map((c) => (
                <Paper key={`${c.turn}-${c.quote}-${c.text}`} withBorder radius="sm" p="xs">
                  {c.quote ? (
                    <Text size="sm">
                      {c.turn ? `Reply ${c.turn}: ` : ''}
                      <Text span fw={600} c="red.9">
                        “{c.quote}”
                      </Text>
                    </Text>
                  ) : null}
                  <Text size="sm">{c.text}</Text>
                  {c.better ? (
                    <Text size="sm" c="teal.9">
                      Try instead: “{c.better}”
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </Stack>
          </Box>
        ) : null}
        {mine ? (
          <Group>
            <Button
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(
                  { scenarioKey: session.scenario.key, difficulty: session.difficulty, mode: session.mode },
                  { onSuccess: (next) => void navigate({ to: '/training/sessions/$id', params: { id: next.id } }) },
                )
              }
            >
              Try again
            </Button>
          </Group>
        ) : null}
        <FormProblem error={retry.error} fields={[]} title="A new session did not start" />
      </Stack>
    </Paper>
  );
}
