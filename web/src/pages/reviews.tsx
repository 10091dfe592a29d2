import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useEmployees } from '../api/directory.js';
import type { ReviewFlag, ReviewListItem } from '../api/review-types.js';
import { useDecideFlag, useOpenReview, useReviewFlags, useReviews } from '../api/reviews.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { OUTCOME_LABEL, REVIEW_STATUS_LABEL } from '../lib/review-labels.js';
import { formatDate } from '../lib/time.js';

/** HR's reviews: flags the rules raised, waiting for a person to decide, and the reviews under way or decided. */
export function ReviewsPage() {
  const flags = useReviewFlags();
  const reviews = useReviews();
  return (
    <Stack gap="md">
      <PageHeader
        title="Reviews"
        description="A flag is not a finding: decide, with a reason, whether a review should open. The supervisor and the employee hear of a review only once it opens. Every read of a review is written to the access log."
      />
      <Title order={2} size="h4">
        Flags to decide
      </Title>
      <QueryState
        query={flags}
        label="Loading flags"
        rows={2}
        isEmpty={(items) => items.every((f) => f.status !== 'pending')}
        empty={<EmptyState title="No flags waiting">The rules have flagged nobody new.</EmptyState>}
      >
        {(items) => (
          <Stack gap="sm">
            {items
              .filter((f) => f.status === 'pending')
              .map((f) => (
                <FlagCard key={f.id} flag={f} />
              ))}
          </Stack>
        )}
      </QueryState>
      <Title order={2} size="h4">
        Reviews
      </Title>
      <QueryState
        query={reviews}
        label="Loading reviews"
        rows={3}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title="No reviews yet">Reviews opened from a flag or by hand show here.</EmptyState>}
      >
        {(items) => <DataTable rows={items} columns={COLUMNS} rowKey={(r) => r.id} aria-label="Reviews" />}
      </QueryState>
      <OpenByHand />
    </Stack>
  );
}

const COLUMNS: DataColumn<ReviewListItem>[] = [
  {
    key: 'employee',
    header: 'Employee',
    cell: (r) => (
      <Anchor component={Link} to={`/reviews/${r.id}`} size="sm" fw={500}>
        {r.employee.name}
      </Anchor>
    ),
  },
  { key: 'rule', header: 'Why', cell: (r) => <Text size="sm">{r.ruleName ?? 'Opened by hand'}</Text> },
  { key: 'status', header: 'Status', cell: (r) => <Badge variant="light">{REVIEW_STATUS_LABEL[r.status]}</Badge> },
  { key: 'opened', header: 'Opened', cell: (r) => <Text size="sm">{formatDate(r.openedAt)}</Text> },
  { key: 'outcome', header: 'Decision', cell: (r) => <Text size="sm">{r.outcome ? OUTCOME_LABEL[r.outcome] : '—'}</Text> },
];

function FlagCases({ title, cases }: { title: string; cases: ReviewFlag['counted'] }) {
  return (
    <>
      <Text size="sm" fw={600} mt="xs">
        {title} ({cases.length})
      </Text>
      {cases.length === 0 ? <Text size="sm">None.</Text> : null}
      {cases.map((c) => (
        <Text size="sm" key={c.caseId}>
          <Anchor component={Link} to={`/cases/${c.ref}`} ff="monospace" size="sm">
            {c.ref}
          </Anchor>{' '}
          — {c.why}
        </Text>
      ))}
    </>
  );
}

function FlagCard({ flag }: { flag: ReviewFlag }) {
  const decide = useDecideFlag();
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Flag: ${flag.employee.name}`}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {flag.employee.name}
        </Title>
        <Text size="xs" c="dimmed">
          raised {formatDate(flag.raisedAt)}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {flag.rule.name}: {flag.rule.description}
      </Text>
      <FlagCases title="Counted" cases={flag.counted} />
      <FlagCases title="Set apart, not counted" cases={flag.excluded} />
      <Textarea
        mt="sm"
        label="Your reason"
        description="Say why a review should open, or why not."
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group mt="xs">
        <Button
          size="sm"
          disabled={!reason.trim()}
          loading={decide.isPending}
          onClick={() => decide.mutate({ id: flag.id, open: true, reason })}
        >
          Open a review
        </Button>
        <Button
          size="sm"
          variant="default"
          disabled={!reason.trim()}
          loading={decide.isPending}
          onClick={() => decide.mutate({ id: flag.id, open: false, reason })}
        >
          Dismiss
        </Button>
      </Group>
      <FormProblem error={decide.error} fields={['reason']} title="The flag was not decided" />
    </Paper>
  );
}

/** HR opens a review without a flag: a complaint, a pattern a rule does not catch. */
function OpenByHand() {
  const employees = useEmployees();
  const open = useOpenReview();
  const navigate = useNavigate();
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [refs, setRefs] = useState('');
  const [reason, setReason] = useState('');
  const caseRefs = refs
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="open-by-hand">
      <Title order={2} size="h5" id="open-by-hand">
        Open a review by hand
      </Title>
      <Stack gap="xs">
        <Group grow align="flex-end">
          <Select
            label="Employee"
            searchable
            data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={employeeId}
            onChange={setEmployeeId}
          />
          <TextInput
            label="Cases"
            description="References, separated by commas"
            value={refs}
            onChange={(e) => setRefs(e.currentTarget.value)}
          />
        </Group>
        <Textarea label="Why this review opens" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group>
          <Button
            size="sm"
            disabled={!employeeId || caseRefs.length === 0 || !reason.trim()}
            loading={open.isPending}
            onClick={() =>
              employeeId &&
              open.mutate(
                { employeeId, caseRefs, reason },
                { onSuccess: (r) => void navigate({ to: '/reviews/$id', params: { id: r.id } }) },
              )
            }
          >
            Open review
          </Button>
        </Group>
        <FormProblem error={open.error} fields={['caseRefs', 'reason']} title="The review was not opened" />
      </Stack>
    </Paper>
  );
}
