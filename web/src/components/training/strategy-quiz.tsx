import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAnswerQuiz, useQuiz } from '../../api/training.js';
import type { QuizAnswer, QuizItem, Strategy } from '../../api/types.js';
import { STRATEGY_LABEL } from '../../lib/coach-labels.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';

const STRATEGIES = Object.keys(STRATEGY_LABEL) as Strategy[];

/** Short situations: pick withdraw, diffuse, confront or negotiate, and see the recommender's reasons and the playbook. */
export function StrategyQuiz() {
  const quiz = useQuiz();
  return (
    <QueryState query={quiz} label="Loading the quiz" rows={3}>
      {(items) => (
        <Stack gap="sm" data-testid="strategy-quiz">
          <Text size="sm" c="dark.5">
            For each situation, choose the strategy you would use. The answer is the one Defuse recommends on a real case with the same
            facts.
          </Text>
          {items.map((item, i) => (
            <QuizQuestion key={item.id} item={item} n={i + 1} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function QuizQuestion({ item, n }: { item: QuizItem; n: number }) {
  const answer = useAnswerQuiz();
  const [result, setResult] = useState<QuizAnswer | null>(null);
  const headingId = `quiz-${item.id}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="quiz-question">
      <Title order={3} size="h6" id={headingId}>
        Situation {n}
      </Title>
      <Text size="sm" mt={4}>
        {item.situation}
      </Text>
      <Group gap="xs" mt="sm" role="group" aria-label={`Your strategy for situation ${n}`}>
        {STRATEGIES.map((s) => (
          <Button
            key={s}
            size="xs"
            variant={result?.chosen === s ? 'filled' : 'default'}
            loading={answer.isPending && answer.variables?.strategy === s}
            onClick={() => answer.mutate({ id: item.id, strategy: s }, { onSuccess: setResult })}
          >
            {STRATEGY_LABEL[s]}
          </Button>
        ))}
      </Group>
      <FormProblem error={answer.error} fields={[]} title="The answer was not checked" />
      {result ? <QuizExplanation result={result} /> : null}
    </Paper>
  );
}

function QuizExplanation({ result }: { result: QuizAnswer }) {
  return (
    <Alert
      mt="sm"
      color={result.correct ? 'teal' : 'orange'}
      variant="light"
      title={result.correct ? `Right: ${STRATEGY_LABEL[result.answer]}` : `The recommended strategy is ${STRATEGY_LABEL[result.answer]}`}
      role="status"
      data-testid="quiz-explanation"
    >
      <Stack gap={6}>
        <List size="sm" spacing={2}>
          {result.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
        {result.chosenFitsWhen ? (
          <Text size="sm">
            <b>{STRATEGY_LABEL[result.chosen]}</b> fits better: {result.chosenFitsWhen}
          </Text>
        ) : null}
        {result.playbook ? (
          <Text size="sm">
            Playbook: <b>{result.playbook.name}</b>. {result.playbook.summary} Steps: {result.playbook.steps.join(' → ')}.
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
