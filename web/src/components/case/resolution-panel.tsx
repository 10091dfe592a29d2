import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useDecideResolution, useProposeResolution, useResolution } from '../../api/resolutions.js';
import type { CaseDetail, Resolution } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { formatDateTime, formatMoney } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';

const APPROVAL: Record<Resolution['approvalState'], { label: string; color: string }> = {
  not_needed: { label: 'Within the proposer’s authority', color: 'teal' },
  pending: { label: 'Waiting for approval', color: 'yellow' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
};

const ROLE_WORD: Record<string, string> = { supervisor: 'supervisor', admin: 'admin', hr: 'HR', employee: 'employee' };

/** Who was asked to approve, by name and role: an admin is not "a supervisor". */
function askedLine(r: Resolution): string {
  const asked = r.askedToApprove.map((p) => `${p.name} (${ROLE_WORD[p.role] ?? p.role})`);
  if (asked.length === 0)
    return 'The cost is above what the proposer may approve, and nobody in the workspace has a limit that covers it: an admin must raise a limit in Settings.';
  const who = asked.length === 1 ? asked[0] : `${asked.slice(0, -1).join(', ')} or ${asked.at(-1)}`;
  return `The cost is above what the proposer may approve. ${who} ${asked.length === 1 ? 'has' : 'have'} been asked; the case can be resolved once ${asked.length === 1 ? 'they approve' : 'one of them approves'}.`;
}

/** The case's agreed resolution, its approval, and the form to propose or change it. */
export function ResolutionPanel({ kase }: { kase: CaseDetail }) {
  const resolution = useResolution(kase.ref);
  return (
    <QueryState query={resolution} label="Loading the resolution" rows={2}>
      {(r) => <ResolutionView kase={kase} r={r} />}
    </QueryState>
  );
}

/** The loaded resolution (or none yet), with the way to propose or change it. */
function ResolutionView({ kase, r }: { kase: CaseDetail; r: Resolution | null }) {
  const [editing, setEditing] = useState(false);
  const canEdit = kase.can.proposeResolution;
  return (
    <Stack gap="md">
      {r && !editing ? <ResolutionSummary kase={kase} r={r} /> : null}
      {!r && !editing ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm">No resolution yet. Write down the problem you agreed on, the options you weighed and what you will do.</Text>
        </Paper>
      ) : null}
      {canEdit && !editing ? (
        <Button variant={r ? 'default' : 'filled'} style={{ alignSelf: 'flex-start' }} onClick={() => setEditing(true)}>
          {r ? 'Change the resolution' : 'Propose a resolution'}
        </Button>
      ) : null}
      {editing ? <ResolutionForm kase={kase} current={r} onDone={() => setEditing(false)} /> : null}
    </Stack>
  );
}

function ResolutionSummary({ kase, r }: { kase: CaseDetail; r: Resolution }) {
  const decide = useDecideResolution(kase.ref);
  const [note, setNote] = useState('');
  const mayDecide = r.canDecide;
  const state = APPROVAL[r.approvalState];
  const limit = r.limitApplied === null ? 'no limit' : formatMoney(r.limitApplied, r.cost.currency);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="resolution-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="resolution-heading">
          Resolution
        </Title>
        <Badge color={state.color} variant="light" data-testid="approval-state">
          {state.label}
        </Badge>
      </Group>
      <Stack gap={6}>
        <Text size="sm">
          <strong>Problem:</strong> {r.problem}
        </Text>
        <Text size="sm" fw={700}>
          Options considered
        </Text>
        <Stack gap={2} component="ul" style={{ margin: 0 }}>
          {r.options.map((o) => (
            <Text key={o} size="sm" component="li">
              {o}
            </Text>
          ))}
        </Stack>
        <Text size="sm">
          <strong>Solution:</strong> {r.solution}
        </Text>
        {r.policyRefs.length > 0 ? (
          <Text size="sm">
            <strong>Policy:</strong> {r.policyRefs.join('; ')}
          </Text>
        ) : null}
        <Text size="sm">
          <strong>Cost:</strong> {formatMoney(r.cost.amount, r.cost.currency)} (proposer’s limit: {limit})
        </Text>
        <Text size="xs" c="dimmed">
          Proposed by {r.proposedBy?.name ?? 'someone no longer here'} on {formatDateTime(r.proposedAt)}
          {r.approver && r.decidedAt ? ` · ${r.approvalState} by ${r.approver.name} on ${formatDateTime(r.decidedAt)}` : ''}
          {r.decisionNote ? ` · “${r.decisionNote}”` : ''}
        </Text>
      </Stack>
      {r.approvalState === 'pending' && !mayDecide ? (
        <Alert color="yellow" variant="light" mt="sm" data-testid="approval-asked">
          {askedLine(r)}
        </Alert>
      ) : null}
      {mayDecide ? (
        <Stack gap="xs" mt="md">
          <TextInput label="Note for the proposer (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group gap="xs">
            <Button
              size="xs"
              color="teal"
              loading={decide.isPending && decide.variables?.decision === 'approve'}
              onClick={() => decide.mutate({ decision: 'approve', ...(note.trim() ? { note: note.trim() } : {}) })}
            >
              Approve
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              loading={decide.isPending && decide.variables?.decision === 'reject'}
              onClick={() => decide.mutate({ decision: 'reject', ...(note.trim() ? { note: note.trim() } : {}) })}
            >
              Reject
            </Button>
          </Group>
          <FormProblem error={decide.error} fields={[]} title="No decision was recorded" />
        </Stack>
      ) : null}
    </Paper>
  );
}

function ResolutionForm({ kase, current, onDone }: { kase: CaseDetail; current: Resolution | null; onDone: () => void }) {
  const propose = useProposeResolution(kase.ref);
  const [problem, setProblem] = useState(current?.problem ?? '');
  const [options, setOptions] = useState<string[]>(current?.options ?? []);
  const [solution, setSolution] = useState(current?.solution ?? '');
  const [policyRefs, setPolicyRefs] = useState<string[]>(current?.policyRefs ?? []);
  const [amount, setAmount] = useState<number | string>(current?.cost.amount ?? kase.financialImpact?.amount ?? 0);
  const workspaceCurrency = useCurrentUser().workspace.currency;
  const [currency, setCurrency] = useState(current?.cost.currency ?? kase.financialImpact?.currency ?? workspaceCurrency);
  const err = propose.error instanceof ApiError ? propose.error : null;
  const submit = () =>
    propose.mutate(
      { problem, options, solution, policyRefs, cost: { amount: Number(amount) || 0, currency: currency.trim().toUpperCase() } },
      { onSuccess: onDone },
    );
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label="Resolution"
    >
      <Stack gap="sm">
        {current ? (
          <Text size="sm" c="dimmed">
            Changing the resolution starts any approval over.
          </Text>
        ) : null}
        <Textarea
          label="The problem, as both sides see it"
          autosize
          minRows={2}
          value={problem}
          onChange={(e) => setProblem(e.currentTarget.value)}
          error={err?.fieldError('problem')}
          required
        />
        <TagsInput
          label="Options you considered"
          description="Press Enter after each option (up to 10)"
          value={options}
          onChange={setOptions}
          maxTags={10}
          error={err?.fieldError('options')}
        />
        <Textarea
          label="The solution you chose"
          autosize
          minRows={2}
          value={solution}
          onChange={(e) => setSolution(e.currentTarget.value)}
          error={err?.fieldError('solution')}
          required
        />
        <TagsInput
          label="Policy references"
          description="The rules this solution stays within"
          value={policyRefs}
          onChange={setPolicyRefs}
        />
        <Group grow align="flex-start">
          <NumberInput label="Cost" min={0} decimalScale={2} value={amount} onChange={setAmount} error={err?.fieldError('cost.amount')} />
          <TextInput
            label="Currency"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            error={err?.fieldError('cost.currency')}
          />
        </Group>
        <FormProblem
          error={propose.error}
          fields={['problem', 'options', 'solution', 'cost.amount', 'cost.currency']}
          title="The resolution was not saved"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending}>
            Save resolution
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
