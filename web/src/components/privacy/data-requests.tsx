import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { problemUnder } from '../../api/client.js';
import {
  type DataRequest,
  exportHref,
  type NewDataRequest,
  useCompleteDataRequest,
  useCreateDataRequest,
  useDataRequests,
  useRefuseDataRequest,
} from '../../api/data-rights.js';
import { useCustomers, useEmployees } from '../../api/directory.js';
import { formatDate } from '../../lib/time.js';
import { type DataColumn, DataTable } from '../data-table.js';
import { FormProblem } from '../form-problem.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';

const LAW_LABEL = { gdpr: 'GDPR (one month)', ccpa: 'CCPA (45 days)' } as const;
const KIND_LABEL = { access: 'Access (a copy of their data)', erasure: 'Erasure' } as const;

function Status({ r }: { r: DataRequest }) {
  if (r.status === 'done') return <Badge color="green">Done</Badge>;
  if (r.status === 'refused') return <Badge color="gray">Refused</Badge>;
  return <Badge color={r.overdue ? 'red' : 'blue'}>{r.overdue ? 'Overdue' : 'Open'}</Badge>;
}

/** Completing or refusing one open request; an erasure is confirmed first, since it cannot be undone. */
function RequestActions({ r }: { r: DataRequest }) {
  const complete = useCompleteDataRequest();
  const refuse = useRefuseDataRequest();
  const [mode, setMode] = useState<'idle' | 'confirm' | 'refuse'>('idle');
  const [text, setText] = useState('');
  const erasesCustomer = r.kind === 'erasure' && r.subject.kind === 'customer';
  const needsOutcome = r.kind === 'erasure' && r.subject.kind === 'employee';
  if (r.status !== 'open')
    return (
      <Text size="sm">
        {r.outcome}
        {r.closedAt ? ` (${formatDate(r.closedAt)})` : ''}
      </Text>
    );
  return (
    <Stack gap={6}>
      {r.kind === 'access' || r.subject.kind === 'customer' ? (
        <Group gap="xs">
          <Anchor size="sm" href={exportHref(r.subject.kind, r.subject.id, 'html')}>
            Export (readable)
          </Anchor>
          <Anchor size="sm" href={exportHref(r.subject.kind, r.subject.id, 'json')}>
            Export (JSON)
          </Anchor>
        </Group>
      ) : null}
      {mode === 'idle' ? (
        <Group gap="xs">
          <Button size="xs" color={erasesCustomer ? 'red' : 'blue'} onClick={() => setMode('confirm')}>
            {erasesCustomer ? 'Erase…' : 'Complete…'}
          </Button>
          <Button size="xs" variant="default" onClick={() => setMode('refuse')}>
            Refuse…
          </Button>
        </Group>
      ) : (
        <Stack gap={6}>
          {mode === 'confirm' && erasesCustomer ? (
            <Text size="sm">
              This removes {r.subject.label}’s name, contacts and every mention of them from their cases, themes, digests and training
              scenarios. It cannot be undone.
            </Text>
          ) : null}
          {mode === 'refuse' || needsOutcome || (mode === 'confirm' && !erasesCustomer) ? (
            <Textarea
              label={
                mode === 'refuse'
                  ? 'Why is it refused?'
                  : needsOutcome
                    ? 'What was erased, and what is kept and why?'
                    : 'Outcome (optional)'
              }
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={problemUnder(mode === 'refuse' ? refuse.error : complete.error, mode === 'refuse' ? 'reason' : 'outcome')}
            />
          ) : null}
          <Group gap="xs">
            <Button
              size="xs"
              color={mode !== 'refuse' && erasesCustomer ? 'red' : 'blue'}
              loading={complete.isPending || refuse.isPending}
              onClick={() =>
                mode === 'refuse'
                  ? refuse.mutate({ id: r.id, reason: text })
                  : complete.mutate({ id: r.id, ...(text.trim() ? { outcome: text } : {}) })
              }
            >
              {mode === 'refuse' ? 'Refuse the request' : erasesCustomer ? 'Erase and complete' : 'Mark done'}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setMode('idle')}>
              Cancel
            </Button>
          </Group>
          <FormProblem error={mode === 'refuse' ? refuse.error : complete.error} fields={['reason', 'outcome']} />
        </Stack>
      )}
    </Stack>
  );
}

const COLUMNS: DataColumn<DataRequest>[] = [
  { key: 'who', header: 'About', rowHeader: true, cell: (r) => <Text size="sm">{`${r.subject.label} (${r.subject.kind})`}</Text> },
  { key: 'kind', header: 'Request', cell: (r) => <Text size="sm">{KIND_LABEL[r.kind]}</Text> },
  {
    key: 'asked',
    header: 'Asked by, identity check',
    cell: (r) => (
      <Text size="sm">
        {r.requestedBy}. {r.identityCheck}
      </Text>
    ),
  },
  {
    key: 'due',
    header: 'Due',
    cell: (r) => (
      <Text size="sm">
        {formatDate(r.dueAt)} ({r.regime.toUpperCase()})
      </Text>
    ),
  },
  { key: 'status', header: 'Status', cell: (r) => <Status r={r} /> },
  { key: 'act', header: 'Outcome', cell: (r) => <RequestActions r={r} /> },
];

/** Recording a new request: who it is about, what they ask, who asked and how their identity was checked. */
function NewRequestForm() {
  const create = useCreateDataRequest();
  const customers = useCustomers();
  const employees = useEmployees();
  const blank: NewDataRequest = {
    subjectKind: 'customer',
    subjectId: '',
    kind: 'erasure',
    regime: 'gdpr',
    requestedBy: '',
    identityCheck: '',
  };
  const [v, setV] = useState<NewDataRequest>(blank);
  const people = v.subjectKind === 'customer' ? (customers.data ?? []) : (employees.data ?? []);
  const err = (path: string) => problemUnder(create.error, path);
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(v, { onSuccess: () => setV(blank) });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            Record a request
          </Title>
          <Group grow align="flex-start">
            <Select
              label="About a"
              data={[
                { value: 'customer', label: 'Customer' },
                { value: 'employee', label: 'Employee' },
              ]}
              value={v.subjectKind}
              allowDeselect={false}
              onChange={(k) => setV({ ...v, subjectKind: (k ?? 'customer') as NewDataRequest['subjectKind'], subjectId: '' })}
            />
            <Select
              label="Who"
              searchable
              data={people.map((p) => ({ value: p.id, label: p.email ? `${p.name} (${p.email})` : p.name }))}
              value={v.subjectId || null}
              onChange={(id) => setV({ ...v, subjectId: id ?? '' })}
              error={err('subjectId')}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="They ask for"
              data={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))}
              value={v.kind}
              allowDeselect={false}
              onChange={(k) => setV({ ...v, kind: (k ?? 'erasure') as NewDataRequest['kind'] })}
            />
            <Select
              label="Under"
              data={Object.entries(LAW_LABEL).map(([value, label]) => ({ value, label }))}
              value={v.regime}
              allowDeselect={false}
              onChange={(k) => setV({ ...v, regime: (k ?? 'gdpr') as NewDataRequest['regime'] })}
            />
          </Group>
          <TextInput
            label="Who asked, and how"
            placeholder="The customer, by email"
            value={v.requestedBy}
            onChange={(e) => setV({ ...v, requestedBy: e.currentTarget.value })}
            error={err('requestedBy')}
          />
          <TextInput
            label="How their identity was checked"
            placeholder="Answered from the email address on file"
            value={v.identityCheck}
            onChange={(e) => setV({ ...v, identityCheck: e.currentTarget.value })}
            error={err('identityCheck')}
          />
          <FormProblem error={create.error} fields={['subjectId', 'requestedBy', 'identityCheck']} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Record the request
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The requests, open ones first by their legal deadline, and the form for a new one. */
export function DataRequestsSection() {
  const requests = useDataRequests();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Data requests
      </Title>
      <QueryState query={requests} label="Loading requests" rows={3}>
        {(items) => (
          <DataTable
            columns={COLUMNS}
            rows={items}
            rowKey={(r) => r.id}
            rowTestId="data-request"
            miw={800}
            empty={<EmptyState title="No requests yet">Requests to see or erase personal data are recorded here.</EmptyState>}
          />
        )}
      </QueryState>
      <NewRequestForm />
    </Stack>
  );
}
