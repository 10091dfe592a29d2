import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useAssign, useTransition } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import type { CaseDetail, CaseStatus, Customer, Me, Team } from '../../api/types.js';
import { CHANNEL_LABEL, CUSTOMER_STATE_LABEL, IMPACT_LABEL, RISK_LABEL, STATUS_ACTION } from '../../lib/labels.js';
import { formatDateTime, formatMoney } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { CloseCaseDialog } from './close-case-dialog.js';
import type { Names } from './names.js';

/** Status moves: only the ones the lifecycle allows are offered; reopening asks why. */
export function StatusCard({ kase }: { kase: CaseDetail }) {
  const transition = useTransition(kase.ref);
  const [pending, setPending] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const [closing, setClosing] = useState(false);
  const [proceedReason, setProceedReason] = useState('');
  const moves = kase.nextStatuses;
  // Resolving with playbook steps left is refused with each step named; the card then asks why to go on.
  const stepsLeft =
    transition.error instanceof ApiError ? transition.error.errors.filter((e) => e.path === 'stepsLeft').map((e) => e.message) : [];
  const run = (to: CaseStatus) => {
    if (to === 'closed') return setClosing(true);
    if (to === 'reopened' && pending !== 'reopened') return setPending('reopened');
    transition.mutate(
      {
        to,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(to === 'resolved' && proceedReason.trim() ? { proceedReason: proceedReason.trim() } : {}),
      },
      {
        onSuccess: () => {
          setPending(null);
          setReason('');
          setProceedReason('');
        },
      },
    );
  };
  if (!kase.can.transition) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="status-heading">
      <Title order={2} size="h5" id="status-heading" mb="xs">
        Move this case
      </Title>
      {moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          No further moves from here.
        </Text>
      ) : (
        <Stack gap="xs">
          {pending === 'reopened' ? (
            <Textarea
              label="Why is it being reopened?"
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
          ) : null}
          <Group gap="xs">
            {moves.map((to, i) => (
              <Button
                key={to}
                size="xs"
                variant={i === 0 ? 'filled' : 'default'}
                loading={transition.isPending && transition.variables?.to === to}
                disabled={to === 'reopened' && pending === 'reopened' && !reason.trim()}
                onClick={() => run(to)}
              >
                {STATUS_ACTION[to]}
              </Button>
            ))}
            {pending ? (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setPending(null)}>
                Cancel
              </Button>
            ) : null}
          </Group>
          {stepsLeft.length > 0 ? (
            <Alert color="yellow" variant="light" title="Playbook steps are still to do" data-testid="steps-left">
              <List size="sm" mb="xs">
                {stepsLeft.map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
              <Textarea
                label="Why resolve it now?"
                description="Kept on the timeline with the steps that were skipped."
                autosize
                minRows={2}
                value={proceedReason}
                onChange={(e) => setProceedReason(e.currentTarget.value)}
              />
              <Group gap="xs" mt="xs">
                <Button
                  size="xs"
                  color="yellow"
                  disabled={!proceedReason.trim()}
                  loading={transition.isPending}
                  onClick={() => run('resolved')}
                >
                  Resolve anyway
                </Button>
                <Button size="xs" variant="subtle" color="gray" onClick={() => transition.reset()}>
                  Not yet
                </Button>
              </Group>
            </Alert>
          ) : (
            <FormProblem error={transition.error} fields={[]} title="The status did not change" />
          )}
          <CloseCaseDialog kase={kase} opened={closing} onClose={() => setClosing(false)} />
        </Stack>
      )}
    </Paper>
  );
}

/** Who handles the case; supervisors can take it themselves in one click. */
export function AssigneeCard({ kase, me, names }: { kase: CaseDetail; me: Me; names: Names }) {
  const assign = useAssign(kase.ref);
  const handlers = names.users.filter((u) => u.role !== 'employee' && u.active !== false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assignee-heading">
      <Title order={2} size="h5" id="assignee-heading" mb="xs">
        Handler
      </Title>
      {kase.can.assign ? (
        <Stack gap="xs">
          <Select
            aria-label="Assigned handler"
            placeholder="Nobody yet"
            data={handlers.map((u) => ({ value: u.id, label: u.id === me.id ? `${u.name} (you)` : u.name }))}
            value={kase.assigneeId}
            onChange={(v) => assign.mutate(v)}
            clearable
            searchable
            disabled={assign.isPending}
          />
          {kase.assigneeId !== me.id ? (
            <Button size="xs" variant="light" onClick={() => assign.mutate(me.id)} loading={assign.isPending}>
              Assign to me
            </Button>
          ) : null}
          <FormProblem error={assign.error} fields={[]} title="The handler did not change" />
        </Stack>
      ) : (
        <Text size="sm">{kase.assigneeId ? names.user(kase.assigneeId) : 'Not assigned yet — a supervisor will pick it up.'}</Text>
      )}
    </Paper>
  );
}

/** The facts of the case: who, where, how the customer was, money and risks. */
export function FactsCard({
  kase,
  names,
  customer,
  team,
}: {
  kase: CaseDetail;
  names: Names;
  customer?: Customer | undefined;
  team?: Team | undefined;
}) {
  const row = (label: string, value: React.ReactNode) => (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right">
        {value}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="facts-heading">
      <Title order={2} size="h5" id="facts-heading" mb="xs">
        Details
      </Title>
      <Stack gap={6}>
        {row('Happened', formatDateTime(kase.occurredAt))}
        {row('Reported', formatDateTime(kase.reportedAt))}
        {row('Reported by', names.user(kase.reporterId))}
        {row('Channel', CHANNEL_LABEL[kase.channel])}
        {row('Team', team?.name ?? '—')}
        {row(
          'Customer',
          kase.customerId ? (
            <Anchor component={Link} to={`/customers/${kase.customerId}`} size="sm">
              {/* An erased customer's name is blank: the link still needs words. */}
              {customer ? customer.name || 'An erased customer' : 'On file'}
            </Anchor>
          ) : (
            'Not recorded'
          ),
        )}
        {customer?.email ? row('Email', customer.email) : null}
        {customer?.phone ? row('Phone', customer.phone) : null}
        {row('Customer was', CUSTOMER_STATE_LABEL[kase.customerState])}
        {row(
          'Money at stake',
          kase.financialImpact
            ? `${formatMoney(kase.financialImpact.amount, kase.financialImpact.currency)} (${IMPACT_LABEL[kase.financialImpact.kind].toLowerCase()})`
            : 'None recorded',
        )}
      </Stack>
      {kase.riskFlags.length > 0 ? (
        <Group gap={6} mt="sm">
          {kase.riskFlags.map((f) => (
            <Badge key={f} color="red" variant="light" size="sm">
              {RISK_LABEL[f]}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Title order={3} size="h6" mt="md" mb={4}>
        Employees involved
      </Title>
      {kase.parties.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody named yet.
        </Text>
      ) : (
        <Stack gap={4}>
          {kase.parties.map((p) => (
            <Group key={p.employeeId} justify="space-between">
              <Text size="sm">{p.name}</Text>
              <Badge size="xs" variant="outline" color="gray">
                {p.role}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
