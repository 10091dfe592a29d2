import { Badge, Button, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { problemUnder } from '../../api/client.js';
import {
  type LegalHold,
  useCreateLegalHold,
  useLegalHolds,
  useReleaseLegalHold,
  useRetention,
  useSetRetention,
} from '../../api/data-rights.js';
import { useCustomers, useEmployees } from '../../api/directory.js';
import { formatDate } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';

function HoldCard({ hold }: { hold: LegalHold }) {
  const release = useReleaseLegalHold();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="legal-hold">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600}>{hold.matter}</Text>
          {hold.released ? <Badge color="gray">Released {formatDate(hold.released.at)}</Badge> : <Badge color="orange">In force</Badge>}
        </Group>
        <Text size="sm">{hold.reason}</Text>
        <Text size="sm" c="dimmed">
          Holds {hold.subjects.map((s) => `${s.kind} ${s.label}`).join(', ')} · since {formatDate(hold.createdAt)}
        </Text>
        {hold.released ? <Text size="sm">Released because: {hold.released.reason}</Text> : null}
        {!hold.released && !open ? (
          <Group>
            <Button size="xs" variant="default" onClick={() => setOpen(true)}>
              Release…
            </Button>
          </Group>
        ) : null}
        {!hold.released && open ? (
          <Stack gap={6}>
            <TextInput
              label="Why is the hold released?"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={problemUnder(release.error, 'reason')}
            />
            <Group gap="xs">
              <Button size="xs" loading={release.isPending} onClick={() => release.mutate({ id: hold.id, reason })}>
                Release the hold
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
                Cancel
              </Button>
            </Group>
            <FormProblem error={release.error} fields={['reason']} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function NewHoldForm() {
  const create = useCreateLegalHold();
  const customers = useCustomers();
  const employees = useEmployees();
  const [matter, setMatter] = useState('');
  const [reason, setReason] = useState('');
  const [customerIds, setCustomerIds] = useState<string[]>([]);
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const reset = () => {
    setMatter('');
    setReason('');
    setCustomerIds([]);
    setEmployeeIds([]);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const subjects = [
            ...customerIds.map((id) => ({ kind: 'customer' as const, id })),
            ...employeeIds.map((id) => ({ kind: 'employee' as const, id })),
          ];
          create.mutate({ matter, reason, subjects }, { onSuccess: reset });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            Place a legal hold
          </Title>
          <TextInput
            label="Matter"
            placeholder="A claim, an inquiry"
            value={matter}
            onChange={(e) => setMatter(e.currentTarget.value)}
            error={problemUnder(create.error, 'matter')}
          />
          <Textarea
            label="Reason"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problemUnder(create.error, 'reason')}
          />
          <MultiSelect
            label="Customers held (with all their cases)"
            searchable
            data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={customerIds}
            onChange={setCustomerIds}
          />
          <MultiSelect
            label="Employees held"
            searchable
            data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={employeeIds}
            onChange={setEmployeeIds}
            error={problemUnder(create.error, 'subjects')}
          />
          <FormProblem error={create.error} fields={['matter', 'reason', 'subjects']} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Place the hold
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Legal holds in force and released, the cases open reviews hold, and the form for a new hold. */
export function LegalHoldsSection() {
  const holds = useLegalHolds();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Legal holds
      </Title>
      <Text size="sm" c="dimmed">
        While a hold is in force nothing it names can be erased, by request or by the retention rule. Several holds may name the same
        record.
      </Text>
      <QueryState query={holds} label="Loading holds" rows={2}>
        {(data) => (
          <Stack gap="xs">
            {data.items.length === 0 ? <Text size="sm">No legal holds.</Text> : data.items.map((h) => <HoldCard key={h.id} hold={h} />)}
            <Text size="sm" data-testid="review-holds">
              {data.reviewHolds.length === 0
                ? 'No case is held by an open review.'
                : `Held while a review is open (its dossier must not change): ${data.reviewHolds.map((r) => r.caseRef).join(', ')}.`}
            </Text>
          </Stack>
        )}
      </QueryState>
      <NewHoldForm />
    </Stack>
  );
}

/** The retention rule: how many months after a customer's last case closed their personal data is erased. */
export function RetentionSection() {
  const retention = useRetention();
  const save = useSetRetention();
  const [months, setMonths] = useState<number | null | undefined>(undefined);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Retention
      </Title>
      <QueryState query={retention} label="Loading the retention rule" rows={1}>
        {(r) => {
          const value = months === undefined ? r.customerMonths : months;
          return (
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Switch
                  label="Erase customers’ personal data some time after their last case closed"
                  checked={value !== null}
                  onChange={(e) => setMonths(e.currentTarget.checked ? (r.customerMonths ?? 24) : null)}
                />
                {value !== null ? (
                  <NumberInput
                    label="Months after the last case closed"
                    min={1}
                    max={120}
                    value={value}
                    onChange={(n) => setMonths(typeof n === 'number' ? n : 1)}
                    error={problemUnder(save.error, 'customerMonths')}
                  />
                ) : null}
                <Text size="sm" c="dimmed">
                  A job checks every hour. Customers under a legal hold or in an open review wait until it is released or decided.
                </Text>
                <FormProblem error={save.error} fields={['customerMonths']} />
                <Group>
                  <Button loading={save.isPending} onClick={() => save.mutate(value)}>
                    Save the rule
                  </Button>
                  {save.isSuccess ? <Text size="sm">Saved.</Text> : null}
                </Group>
              </Stack>
            </Paper>
          );
        }}
      </QueryState>
    </Stack>
  );
}
