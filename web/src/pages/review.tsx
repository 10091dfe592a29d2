import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Review, ReviewEvidence, ReviewOutcome } from '../api/review-types.js';
import { dossierUrl, useDecideReview, useRecordFinding, useReview, useReviewEvidence, useSignOffReview } from '../api/reviews.js';
import { useScenarios } from '../api/training.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EXCLUSION_LABEL, FINDING_LABEL, OUTCOME_LABEL, OUTCOMES, REVIEW_STATUS_LABEL } from '../lib/review-labels.js';
import { formatDate, formatDateTime, formatMoney } from '../lib/time.js';

/** One review for HR: the cases and why they counted, the evidence, findings, the employee's word, the decision. */
export function ReviewPage() {
  const { id } = useParams({ from: '/app/reviews/$id' });
  const review = useReview(id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/reviews" size="sm">
        ← Reviews
      </Anchor>
      <QueryState query={review} label="Loading the review" rows={4}>
        {(r) => <ReviewDetail review={r} />}
      </QueryState>
    </Stack>
  );
}

function ReviewDetail({ review: r }: { review: Review }) {
  return (
    <Stack gap="md">
      <PageHeader
        title={`Review of ${r.employee.name}`}
        description={`${r.rule ? `${r.rule.name}: ${r.rule.description}` : 'Opened by hand'} · opened ${formatDate(r.openedAt)} by ${r.openedBy.name}. This read is in the access log.`}
        actions={
          <Group gap="xs">
            <Badge size="lg" variant="light">
              {REVIEW_STATUS_LABEL[r.status]}
            </Badge>
            <Button component="a" href={dossierUrl(r.id)} download variant="default">
              Download dossier (PDF)
            </Button>
          </Group>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Text size="sm">
          <b>Why it opened:</b> {r.reason}
        </Text>
        <Text size="sm">
          <b>The employee’s window:</b> until {formatDateTime(r.responseDueAt)}
          {r.waivedAt ? ` (waived ${formatDateTime(r.waivedAt)})` : ''}
          {r.windowOpen ? ' — no decision can be recorded yet.' : ''}
        </Text>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="statement-heading">
        <Title order={2} size="h4" id="statement-heading">
          The employee’s statement
        </Title>
        {r.employeeStatement ? (
          <>
            <Text size="xs" c="dimmed">
              Added {formatDateTime(r.employeeStatement.at)}, kept as written
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="employee-statement">
              {r.employeeStatement.body}
            </Text>
          </>
        ) : (
          <Text size="sm">None yet.</Text>
        )}
        {r.appeal ? (
          <Alert color="orange" mt="sm" title={`Appealed ${formatDate(r.appeal.at)}`}>
            {r.appeal.reason}
          </Alert>
        ) : null}
      </Paper>
      <Cases review={r} />
      <Evidence id={r.id} />
      <Decisions review={r} />
    </Stack>
  );
}

function Cases({ review: r }: { review: Review }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="cases-heading">
      <Title order={2} size="h4" id="cases-heading">
        Cases and findings
      </Title>
      <Stack gap="sm" mt="xs">
        {r.cases.map((c) => (
          <Paper key={c.caseId} withBorder p="sm" radius="sm" component="article" aria-label={`Case ${c.ref}`}>
            <Group justify="space-between">
              <Anchor component={Link} to={`/cases/${c.ref}`} fw={500} size="sm">
                {c.ref} · {c.title}
              </Anchor>
              <Badge color={c.counted ? 'red' : 'gray'} variant="light">
                {c.counted ? 'Counted' : 'Set apart'}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {c.why}
            </Text>
            {c.exclusions.length > 0 ? (
              <Text size="xs" c="dimmed">
                {c.exclusions.map((e) => EXCLUSION_LABEL[e as keyof typeof EXCLUSION_LABEL] ?? e).join(' · ')}
              </Text>
            ) : null}
            {c.finding ? (
              <Text size="sm" mt={4}>
                <b>{FINDING_LABEL[c.finding]}</b> — {c.allegation} (policy: {c.policy}) ·{' '}
                {c.notice.trained
                  ? `trained on it before: ${c.notice.records.map((t) => t.title).join(', ')}`
                  : 'no record of training on it before'}
              </Text>
            ) : null}
            {c.counted && r.can.recordFindings ? <FindingForm reviewId={r.id} caseRef={c.ref} /> : null}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function FindingForm({ reviewId, caseRef }: { reviewId: string; caseRef: string }) {
  const record = useRecordFinding(reviewId);
  const [allegation, setAllegation] = useState('');
  const [finding, setFinding] = useState<string | null>(null);
  const [policy, setPolicy] = useState('');
  return (
    <Stack gap={4} mt="xs">
      <Group grow align="flex-end">
        <TextInput label="Allegation" value={allegation} onChange={(e) => setAllegation(e.currentTarget.value)} />
        <Select
          label="Finding"
          data={Object.entries(FINDING_LABEL).map(([value, label]) => ({ value, label }))}
          value={finding}
          onChange={setFinding}
        />
        <TextInput label="Policy" value={policy} onChange={(e) => setPolicy(e.currentTarget.value)} />
      </Group>
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={!allegation.trim() || !finding || !policy.trim()}
          loading={record.isPending}
          onClick={() => record.mutate({ ref: caseRef, finding: { allegation, finding: finding as keyof typeof FINDING_LABEL, policy } })}
        >
          Record finding for {caseRef}
        </Button>
      </Group>
      <FormProblem error={record.error} fields={['allegation', 'policy']} title="The finding was not recorded" />
    </Stack>
  );
}

function Evidence({ id }: { id: string }) {
  const evidence = useReviewEvidence(id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="evidence-heading">
      <Title order={2} size="h4" id="evidence-heading">
        Evidence
      </Title>
      <QueryState query={evidence} label="Gathering the evidence" rows={3}>
        {(e) => <EvidenceBody evidence={e} />}
      </QueryState>
    </Paper>
  );
}

function EvidenceBody({ evidence: e }: { evidence: ReviewEvidence }) {
  return (
    <Stack gap="sm" mt="xs">
      {e.cases.map((c) => (
        <Stack key={c.caseId} gap={4} component="article" aria-label={`Evidence for ${c.ref}`}>
          <Title order={3} size="h5">
            {c.ref} · {c.title}
          </Title>
          <Text size="sm">
            Outcome: {c.outcome ?? 'not closed'} · Root cause: {c.rootCause.category ?? '—'}
            {c.rootCause.whys.length ? ` (${c.rootCause.whys.join(' / ')})` : ''} · Loss:{' '}
            {c.cost.impact ? formatMoney(c.cost.impact.amount, c.cost.impact.currency) : '—'} · Agreed cost:{' '}
            {c.cost.agreed
              ? `${formatMoney(c.cost.agreed.amount, c.cost.agreed.currency)}${c.cost.agreed.approved ? ' (approved)' : ''}`
              : '—'}
          </Text>
          <Text size="sm">
            Hash chain: {c.chain.intact ? `intact (${c.chain.eventsChecked} events)` : `broken — ${c.chain.problem}`} · Coach scores of the
            employee’s replies: {c.replyScores.length ? c.replyScores.map((s) => s.total).join(', ') : 'none'}
          </Text>
          {c.statements.map((s) => (
            <Paper key={s.id} bg="var(--mantine-color-gray-0)" p="xs" radius="sm">
              <Text size="xs" c="dimmed">
                {s.party} · {s.author} · {formatDateTime(s.takenAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.body}
              </Text>
            </Paper>
          ))}
          {c.followUps.map((f) => (
            <Text size="sm" key={f.id}>
              Follow-up with the {f.party}: {f.status}
              {f.answer
                ? ` — ${Object.entries(f.answer)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(', ')}`
                : ''}
            </Text>
          ))}
          <Divider />
        </Stack>
      ))}
      <Text size="sm" fw={600}>
        Training done
      </Text>
      {e.training.length === 0 ? <Text size="sm">None recorded.</Text> : null}
      {e.training.map((t) => (
        <Text size="sm" key={`${t.key}-${t.finishedAt}`}>
          {t.title} ({t.kind}) · {formatDate(t.finishedAt)}
          {t.passed === null ? '' : t.passed ? ' · passed' : ' · not passed'}
        </Text>
      ))}
      <Text size="sm" fw={600}>
        Support offered and given
      </Text>
      {e.support.length === 0 ? <Text size="sm">None.</Text> : null}
      {e.support.map((s) => (
        <Text size="sm" key={s.id}>
          {s.kind ?? 'offered'} · {s.status} · {formatDate(s.createdAt)}
          {s.caseRef ? ` · ${s.caseRef}` : ''}
        </Text>
      ))}
      <Text size="sm" fw={600}>
        Earlier reviews
      </Text>
      {e.earlierReviews.length === 0 ? <Text size="sm">None.</Text> : null}
      {e.earlierReviews.map((r) => (
        <Text size="sm" key={r.id}>
          {formatDate(r.openedAt)}: {r.outcome ? (OUTCOME_LABEL[r.outcome as ReviewOutcome] ?? r.outcome) : r.status}
        </Text>
      ))}
    </Stack>
  );
}

function Decisions({ review: r }: { review: Review }) {
  const signOff = useSignOffReview(r.id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h4" id="decision-heading">
        Decision
      </Title>
      <Text size="sm" c="dimmed">
        Earlier comparable reviews:{' '}
        {r.comparable.length === 0 ? 'none' : r.comparable.map((c) => `${c.employeeName}: ${OUTCOME_LABEL[c.outcome]}`).join('; ')}
      </Text>
      {r.decisions.length > 0 ? (
        <Table mt="xs" aria-label="Decisions">
          <Table.Tbody>
            {r.decisions.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <b>{OUTCOME_LABEL[d.outcome]}</b>
                  {d.stage === 'appeal' ? ' (on appeal)' : ''}
                  {d.effective ? ' — stands' : ''}
                </Table.Td>
                <Table.Td>
                  {d.rationale}
                  {d.departureReason ? ` · Departs from earlier outcomes because: ${d.departureReason}` : ''}
                  {d.scenarioIds.length ? (
                    <>
                      {' '}
                      · Training: <Code>{d.scenarioIds.join(', ')}</Code>
                    </>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {d.decidedBy.name}, {formatDate(d.decidedAt)}
                  {d.signOff ? ` · signed off by ${d.signOff.by.name}` : d.outcome === 'termination' ? ' · awaiting sign-off' : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {r.can.signOff ? (
        <Group mt="sm">
          <Button color="red" loading={signOff.isPending} onClick={() => signOff.mutate(undefined)}>
            Sign off the termination
          </Button>
        </Group>
      ) : null}
      <FormProblem error={signOff.error} title="Not signed off" />
      {r.can.decide ? <DecisionForm review={r} /> : null}
      {r.windowOpen ? (
        <Text size="sm" mt="xs">
          The employee may still add their statement; a decision can be recorded once the window closes or they waive it.
        </Text>
      ) : null}
    </Paper>
  );
}

function DecisionForm({ review: r }: { review: Review }) {
  const decide = useDecideReview(r.id);
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [departure, setDeparture] = useState('');
  const [scenarios, setScenarios] = useState<string[]>([]);
  const library = useScenarios();
  const departs = outcome !== null && r.comparable.length > 0 && !r.comparable.some((c) => c.outcome === outcome);
  return (
    <Stack gap="xs" mt="sm">
      <Select
        label="Decision"
        data={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
        value={outcome}
        onChange={(v) => setOutcome(v as ReviewOutcome | null)}
      />
      <Textarea label="Rationale" autosize minRows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} />
      {departs ? (
        <Textarea
          label="Why this departs from earlier comparable reviews"
          autosize
          minRows={2}
          value={departure}
          onChange={(e) => setDeparture(e.currentTarget.value)}
        />
      ) : null}
      {outcome === 'training' ? (
        <MultiSelect
          label="Training scenarios"
          description="Assigned to the employee with the decision, due in 14 days"
          data={(library.data ?? []).map((sc) => ({ value: sc.key, label: sc.title }))}
          value={scenarios}
          onChange={setScenarios}
          searchable
        />
      ) : null}
      {outcome === 'termination' ? (
        <Alert color="red">A termination stands only once a second person (HR or an admin) signs it off.</Alert>
      ) : null}
      <Group>
        <Button
          disabled={!outcome}
          loading={decide.isPending}
          onClick={() =>
            outcome &&
            decide.mutate({
              outcome,
              rationale,
              ...(departure.trim() ? { departureReason: departure } : {}),
              ...(outcome === 'training' ? { scenarioIds: scenarios } : {}),
            })
          }
        >
          Record decision
        </Button>
      </Group>
      <FormProblem error={decide.error} fields={['rationale', 'departureReason', 'scenarioIds']} title="The decision was not recorded" />
    </Stack>
  );
}
