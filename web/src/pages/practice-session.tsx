import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { problemUnder } from '../api/client.js';
import { useEndSession, usePlayTurn, usePracticeSession } from '../api/training.js';
import { useReviewSession } from '../api/training-assignments.js';
import type { PracticeSession } from '../api/types.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { PracticeResultPanel } from '../components/training/practice-result.js';
import { Transcript } from '../components/training/transcript.js';
import { MOVE_LABEL, STRATEGY_LABEL } from '../lib/coach-labels.js';
import { CHANNEL_LABEL } from '../lib/labels.js';
import { formatDateTime } from '../lib/time.js';
import { DIFFICULTY_LABEL, heatLabel, MOOD_COLOR, MOOD_LABEL } from '../lib/training-labels.js';

/** One practice session: the brief, the conversation with the coach's findings per reply, the step to work on, and the result. */
export function PracticeSessionPage() {
  const { id } = useParams({ from: '/app/training/sessions/$id' });
  const session = usePracticeSession(id);
  return (
    <QueryState query={session} label="Opening the practice session" rows={4}>
      {(s) => <Session session={s} />}
    </QueryState>
  );
}

function Session({ session: s }: { session: PracticeSession }) {
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/training" size="sm">
        ← Training
      </Anchor>
      <PageHeader
        title={s.scenario.title}
        description={
          <Group gap={6} mt={4}>
            <Badge variant="light" color={MOOD_COLOR[s.mood.state]} data-testid="customer-mood">
              {s.scenario.personaName}: {MOOD_LABEL[s.mood.state]}
            </Badge>
            <Badge variant="light" color="gray">
              {DIFFICULTY_LABEL[s.difficulty]}
            </Badge>
            {s.mode === 'certification' ? (
              <Badge variant="filled" color="indigo">
                Certification
              </Badge>
            ) : null}
            <Badge variant="light" color="gray">
              {CHANNEL_LABEL[s.scenario.channel]}
            </Badge>
            <Badge variant="light" color="indigo">
              {STRATEGY_LABEL[s.scenario.strategy]} · {s.scenario.playbookName}
            </Badge>
            {s.user ? (
              <Text size="xs" c="dark.5">
                {s.user.name}
              </Text>
            ) : null}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="sm" bg="gray.0">
              <Text size="sm">{s.scenario.brief}</Text>
            </Paper>
            {s.hints ? null : (
              <Alert color="indigo" variant="light" data-testid="certification-note">
                This is a certification: no step guidance and no findings while it runs. They are shown with the result. The pass mark is{' '}
                {s.scenario.passMark}.
              </Alert>
            )}
            <Transcript opening={s.opening} turns={s.turnsPlayed} customerName={s.scenario.personaName} hints={s.hints} />
            {s.can.play ? <Composer session={s} /> : null}
            {s.result ? <PracticeResultPanel session={s} /> : null}
            {s.review || s.can.review ? <ReviewCard session={s} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <MoodCard session={s} />
            {s.nextStep ? <StepCard step={s.nextStep} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function MoodCard({ session: s }: { session: PracticeSession }) {
  const heat = Math.min(100, s.mood.heat);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mood-title">
      <Title order={2} size="h5" id="mood-title">
        How {s.scenario.personaName} feels
      </Title>
      <Text size="sm" mt={4}>
        {MOOD_LABEL[s.mood.state]} (started {MOOD_LABEL[s.mood.start].toLowerCase()})
      </Text>
      {s.hints ? <Progress mt={6} value={heat} color={MOOD_COLOR[s.mood.state]} aria-label={`Heat: ${heatLabel(heat)}`} /> : null}
      <Text size="xs" c="dark.5" mt={4}>
        {s.scenario.personaWho}
      </Text>
    </Paper>
  );
}

function StepCard({ step }: { step: NonNullable<PracticeSession['nextStep']> }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="step-title" data-testid="next-step">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        Step to work on now
      </Text>
      <Title order={2} size="h5" id="step-title">
        {step.title}
      </Title>
      <Text size="sm">{step.goal}</Text>
      <Group gap={4} mt={6}>
        {step.wants.map((m) => (
          <Badge key={m} size="sm" variant="outline">
            {MOVE_LABEL[m]}
          </Badge>
        ))}
      </Group>
      <List size="sm" spacing={2} mt="xs">
        {step.guidance.slice(0, 3).map((g) => (
          <List.Item key={g}>{g}</List.Item>
        ))}
      </List>
      {step.prompts.length ? (
        <Text size="xs" c="dark.5" mt="xs">
          For example: “{step.prompts[0]}”
        </Text>
      ) : null}
    </Paper>
  );
}

function Composer({ session: s }: { session: PracticeSession }) {
  const play = usePlayTurn(s.id);
  const end = useEndSession(s.id);
  const [reply, setReply] = useState('');
  const [ending, setEnding] = useState(false);
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reply.trim()) return;
    play.mutate({ reply: reply.trim() }, { onSuccess: () => setReply('') });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Your reply">
      <Stack gap="sm">
        <Textarea
          label="Your reply"
          description={`Reply to ${s.scenario.personaName} as you would for real.`}
          autosize
          minRows={3}
          maxLength={2000}
          value={reply}
          onChange={(e) => setReply(e.currentTarget.value)}
        />
        <FormProblem error={play.error ?? end.error} fields={[]} title="That did not go through" />
        <Group justify="space-between" gap="xs">
          <Button type="submit" loading={play.isPending} disabled={!reply.trim()}>
            Send reply
          </Button>
          <Group gap="xs">
            <Button variant="light" color="red" onClick={() => setEnding(true)}>
              End under the abuse policy
            </Button>
            <Button
              variant="subtle"
              color="gray"
              loading={end.isPending && end.variables?.how === 'stop'}
              onClick={() => end.mutate({ how: 'stop' })}
            >
              Stop
            </Button>
          </Group>
        </Group>
      </Stack>
      <Modal
        opened={ending}
        onClose={() => setEnding(false)}
        title="End under the abuse policy?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text size="sm">
            The abuse policy lets you end a conversation when a customer insults, threatens or harasses you. Anger about the problem alone
            is not abuse.
          </Text>
          <Textarea
            label="What was said (optional)"
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Box>
            <Button
              color="red"
              loading={end.isPending}
              onClick={() =>
                end.mutate({ how: 'abuse_policy', ...(note.trim() ? { note: note.trim() } : {}) }, { onSettled: () => setEnding(false) })
              }
            >
              End the conversation
            </Button>
          </Box>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** A supervisor's review: the score they counted instead of the coach's, and why; a form for those who may review. */
function ReviewCard({ session: s }: { session: PracticeSession }) {
  const review = useReviewSession(s.id);
  const [total, setTotal] = useState<number | string>(s.review?.total ?? s.coachTotal ?? 0);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate({ total: Number(total), reason: reason.trim() }, { onSuccess: () => setReason('') });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-title" data-testid="session-review">
      <Title order={2} size="h5" id="review-title" mb="xs">
        Supervisor’s review
      </Title>
      {s.review ? (
        <Text size="sm" mb="sm" data-testid="review-summary">
          {s.review.by.name} counted {s.review.total} instead of the coach’s {s.coachTotal} ({formatDateTime(s.review.at)}): “
          {s.review.reason}”. {s.passed ? 'It counts as passed.' : 'It counts as not passed.'}
        </Text>
      ) : null}
      {s.can.review ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <NumberInput
              label="Score to count (0–100)"
              min={0}
              max={100}
              value={total}
              onChange={setTotal}
              w={200}
              error={problemUnder(review.error, 'total')}
            />
            <Textarea
              label="Why the score changes"
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={problemUnder(review.error, 'reason')}
            />
            <FormProblem error={review.error} fields={['total', 'reason']} title="The review was not saved" />
            <Group>
              <Button type="submit" loading={review.isPending}>
                Save review
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
