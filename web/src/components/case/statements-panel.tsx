import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useAddStatement } from '../../api/cases.js';
import { ApiError } from '../../api/client.js';
import { useAttachments } from '../../api/intake.js';
import type { CaseDetail, Customer, Statement, StatementParty } from '../../api/types.js';
import { PARTY_LABEL } from '../../lib/labels.js';
import { formatDateTime, relativeTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import type { Names } from './names.js';
import { StatementFiles } from './statement-files.js';

/** Both sides' accounts next to each other, so the handler hears each before deciding, as a fair mediator does. */
export function StatementsPanel({
  kase,
  names,
  customer,
  now,
}: {
  kase: CaseDetail;
  names: Names;
  customer?: Customer | undefined;
  now: Date;
}) {
  const [adding, setAdding] = useState<StatementParty | null>(null);
  const byParty = (p: StatementParty) => kase.statements.filter((s) => s.party === p);
  const witnesses = byParty('witness');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Side
          caseRef={kase.ref}
          title="Customer’s side"
          empty="No statement from the customer yet. Take it in their words, including what they want to happen."
          statements={byParty('customer')}
          {...(kase.can.addCustomerStatement ? { onAdd: () => setAdding('customer') } : {})}
          addLabel="Add customer’s statement"
          names={names}
          now={now}
        />
        <Side
          caseRef={kase.ref}
          title="Employee’s side"
          empty="No statement from the employee yet. Ask what happened and how it felt, without judging."
          statements={byParty('employee')}
          onAdd={() => setAdding('employee')}
          addLabel="Add employee’s statement"
          names={names}
          now={now}
        />
      </SimpleGrid>
      {witnesses.length > 0 ? (
        <Side caseRef={kase.ref} title="Witnesses" empty="" statements={witnesses} names={names} now={now} />
      ) : (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setAdding('witness')}>
            Add a witness statement
          </Button>
        </Group>
      )}
      <AddStatementModal kase={kase} party={adding} onClose={() => setAdding(null)} names={names} customer={customer} />
    </Stack>
  );
}

function Side(props: {
  caseRef: string;
  title: string;
  empty: string;
  statements: Statement[];
  onAdd?: () => void;
  addLabel?: string;
  names: Names;
  now: Date;
}) {
  const corrected = new Set(props.statements.map((s) => s.correctsId).filter(Boolean));
  const attachments = useAttachments(props.caseRef);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={props.title}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.onAdd ? (
          <Button size="xs" variant="light" onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        ) : null}
      </Group>
      {props.statements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Stack gap="md">
          {props.statements.map((s) => (
            <article key={s.id} aria-label={`Statement from ${s.authorName}`}>
              <Group gap={6} mb={4}>
                <Text size="sm" fw={600}>
                  {s.authorName}
                </Text>
                {s.correctsId ? (
                  <Badge size="xs" variant="light" color="blue">
                    Correction
                  </Badge>
                ) : null}
                {corrected.has(s.id) ? (
                  <Badge size="xs" variant="light" color="gray">
                    Corrected later
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" className="statement-body">
                {s.body}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                Taken by {props.names.user(s.takenBy)} ·{' '}
                <time dateTime={s.takenAt} title={formatDateTime(s.takenAt)}>
                  {relativeTime(s.takenAt, props.now)}
                </time>
              </Text>
              <StatementFiles
                caseRef={props.caseRef}
                statement={s}
                files={(attachments.data ?? []).filter((a) => a.statementId === s.id)}
              />
            </article>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function AddStatementModal({
  kase,
  party,
  onClose,
  names,
  customer,
}: {
  kase: CaseDetail;
  party: StatementParty | null;
  onClose: () => void;
  names: Names;
  customer?: Customer | undefined;
}) {
  const add = useAddStatement(kase.ref);
  const [chosenParty, setChosenParty] = useState<StatementParty>('customer');
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [authorName, setAuthorName] = useState('');
  const [body, setBody] = useState('');
  const [opened, setOpened] = useState<StatementParty | null>(null);

  // Reset the form each time it opens for a side.
  if (party !== opened) {
    setOpened(party);
    if (party) {
      setChosenParty(party);
      const primary = kase.parties.find((p) => p.role === 'primary') ?? kase.parties[0];
      setEmployeeId(party === 'customer' ? null : (primary?.employeeId ?? null));
      setAuthorName(party === 'customer' ? (customer?.name ?? '') : '');
      setBody('');
      add.reset();
    }
  }

  const error = add.error instanceof ApiError ? add.error : null;
  const partyIds = new Set(kase.parties.map((p) => p.employeeId));
  const employeeOptions = [
    { group: 'Named on this case', items: names.employees.filter((e) => partyIds.has(e.id)).map((e) => ({ value: e.id, label: e.name })) },
    { group: 'Everyone else', items: names.employees.filter((e) => !partyIds.has(e.id)).map((e) => ({ value: e.id, label: e.name })) },
  ].filter((g) => g.items.length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const isCustomer = chosenParty === 'customer';
    add.mutate(
      {
        party: chosenParty,
        body,
        ...(isCustomer ? {} : employeeId ? { employeeId } : {}),
        ...(authorName.trim() ? { authorName: authorName.trim() } : {}),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened={party !== null} onClose={onClose} title="Record a statement" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Write it down as they told it, in their words. Once saved, a statement can’t be edited — a correction is added as a new one.
          </Text>
          <SegmentedControl
            value={chosenParty}
            onChange={(v) => setChosenParty(v as StatementParty)}
            data={(['customer', 'employee', 'witness'] as const).map((p) => ({ value: p, label: PARTY_LABEL[p] }))}
            aria-label="Whose statement"
          />
          {chosenParty === 'customer' ? (
            <TextInput
              label="Customer’s name"
              value={authorName}
              onChange={(e) => setAuthorName(e.currentTarget.value)}
              required
              error={error?.fieldError('authorName')}
            />
          ) : (
            <>
              <Select
                label={chosenParty === 'employee' ? 'Employee' : 'Witness (if they work here)'}
                placeholder="Choose a person"
                data={employeeOptions}
                value={employeeId}
                onChange={setEmployeeId}
                searchable
                clearable={chosenParty === 'witness'}
                required={chosenParty === 'employee'}
                error={error?.fieldError('employeeId')}
                nothingFoundMessage="No one by that name"
              />
              {chosenParty === 'witness' && !employeeId ? (
                <TextInput
                  label="Witness’s name"
                  value={authorName}
                  onChange={(e) => setAuthorName(e.currentTarget.value)}
                  required
                  error={error?.fieldError('authorName')}
                />
              ) : null}
            </>
          )}
          <Textarea
            label="Statement"
            description="What happened, what was said, and what they would like to happen now"
            autosize
            minRows={6}
            maxRows={16}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            required
            error={error?.fieldError('body')}
            data-autofocus
          />
          <FormProblem error={add.error} fields={['authorName', 'employeeId', 'body', 'party']} title="The statement was not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!body.trim()}>
              Save statement
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
