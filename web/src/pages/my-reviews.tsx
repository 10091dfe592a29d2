import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { MyReview } from '../api/review-types.js';
import { useAddMyStatement, useAppealMyReview, useMyReviews, useWaiveMyWindow } from '../api/reviews.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { OUTCOME_LABEL, REVIEW_STATUS_LABEL } from '../lib/review-labels.js';
import { formatDate, formatDateTime } from '../lib/time.js';

/** The employee's side of any review of them: what it is about, their own statement, the decision, one appeal. */
export function MyReviewsPage() {
  const reviews = useMyReviews();
  return (
    <Stack gap="md">
      <PageHeader
        title="Reviews of my cases"
        description="When HR looks at a run of hard cases, you are told, you see what it is about, and you can give your side before anything is decided."
      />
      <QueryState
        query={reviews}
        label="Loading"
        rows={2}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="No reviews">Nothing about your cases is under review.</EmptyState>}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((r) => (
              <MyReviewCard key={r.id} review={r} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function MyReviewCard({ review: r }: { review: MyReview }) {
  const add = useAddMyStatement();
  const waive = useWaiveMyWindow();
  const appeal = useAppealMyReview();
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Review opened ${formatDate(r.openedAt)}`}>
      <Group justify="space-between">
        <Title order={2} size="h5">
          Review opened {formatDate(r.openedAt)}
        </Title>
        <Text size="sm">{REVIEW_STATUS_LABEL[r.status]}</Text>
      </Group>
      {r.summary.rule ? <Text size="sm">It looks at: {r.summary.rule}.</Text> : null}
      {r.summary.cases.map((c) => (
        <Text size="sm" key={c.ref}>
          {c.ref} · {c.title} ({formatDate(c.reportedAt)})
        </Text>
      ))}
      {r.statement ? (
        <Paper bg="var(--mantine-color-gray-0)" p="xs" mt="xs">
          <Text size="xs" c="dimmed">
            Your statement, added {formatDateTime(r.statement.at)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.statement.body}
          </Text>
        </Paper>
      ) : null}
      {r.windowOpen ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Your statement"
            description={`You can add it once, until ${formatDateTime(r.responseDueAt)}. It goes into the review exactly as you write it.`}
            autosize
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Group>
            <Button size="sm" disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate({ id: r.id, body })}>
              Add my statement
            </Button>
            <Button size="sm" variant="default" loading={waive.isPending} onClick={() => waive.mutate(r.id)}>
              I have nothing to add
            </Button>
          </Group>
          <FormProblem error={add.error ?? waive.error} fields={['body']} title="Not saved" />
        </Stack>
      ) : null}
      {r.decision ? (
        <Alert mt="sm" title={`Decision: ${OUTCOME_LABEL[r.decision.outcome]}`}>
          {r.decision.rationale}
          {r.decision.scenarioIds.length ? ` Training: ${r.decision.scenarioIds.join(', ')}.` : ''}
        </Alert>
      ) : null}
      {r.appeal ? <Text size="sm">You appealed on {formatDate(r.appeal.at)}: someone else will decide again.</Text> : null}
      {r.canAppeal ? (
        <Stack gap="xs" mt="sm">
          <Textarea label="Appeal (once)" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group>
            <Button
              size="sm"
              variant="light"
              disabled={!reason.trim()}
              loading={appeal.isPending}
              onClick={() => appeal.mutate({ id: r.id, reason })}
            >
              Appeal the decision
            </Button>
          </Group>
          <FormProblem error={appeal.error} fields={['reason']} title="The appeal was not sent" />
        </Stack>
      ) : null}
    </Paper>
  );
}
