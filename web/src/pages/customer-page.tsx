import { Alert, Anchor, Badge, Grid, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useCustomerProfile } from '../api/customers.js';
import type { CustomerProfile } from '../api/types.js';
import { useCurrentUser } from '../app/me-context.js';
import { StatusBadge } from '../components/badges.js';
import { useNames } from '../components/case/names.js';
import { CaseTitleCell } from '../components/case-title-cell.js';
import { CustomerSignals } from '../components/customer/customer-signals.js';
import { MergeDuplicate } from '../components/customer/merge-duplicate.js';
import { type DataColumn, DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';
import { RISK_LABEL } from '../lib/labels.js';
import { formatDate, formatDateTime } from '../lib/time.js';

/** One customer: what their record warns of, their cases, how to reach them, what is owed to them. */
export function CustomerPage() {
  const { id } = useParams({ from: '/app/customers/$id' });
  const profile = useCustomerProfile(id);
  return (
    <Stack gap="md">
      <QueryState query={profile} label="Loading the customer" rows={4}>
        {(data) => <Customer customer={data} />}
      </QueryState>
    </Stack>
  );
}

type CustomerCase = CustomerProfile['cases'][number];

const CASE_COLUMNS: DataColumn<CustomerCase>[] = [
  {
    key: 'case',
    header: 'Case',
    cell: (c) => (
      <CaseTitleCell kase={c}>
        {c.riskFlags.map((f) => (
          <Badge key={f} color="red" variant="light" size="xs">
            {RISK_LABEL[f]}
          </Badge>
        ))}
      </CaseTitleCell>
    ),
  },
  { key: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { key: 'reported', header: 'Reported', cell: (c) => <Text size="sm">{formatDate(c.reportedAt)}</Text> },
];

function Customer({ customer }: { customer: CustomerProfile }) {
  const me = useCurrentUser();
  const names = useNames(me);
  const { mergedInto } = customer;
  return (
    <>
      <PageHeader title={customer.name} description={`Customer since ${formatDate(customer.createdAt)}`} />
      {mergedInto ? (
        <Alert color="blue" variant="light" title="This record was merged">
          It was a duplicate, merged on {formatDate(mergedInto.at)} into{' '}
          <Anchor component={Link} to={`/customers/${mergedInto.id}`} underline="always" c="inherit" fw={600}>
            {mergedInto.name}
          </Anchor>
          . Their cases, contacts and signals are there now.
        </Alert>
      ) : null}
      <CustomerSignals signals={customer.signals} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Title order={2} size="h4">
              Cases
            </Title>
            <DataTable
              columns={CASE_COLUMNS}
              rows={customer.cases}
              rowKey={(c) => c.ref}
              rowTestId="customer-case"
              empty={<EmptyState title="No cases you can open">None of this customer’s cases is one you work on.</EmptyState>}
              verticalSpacing="sm"
              miw={520}
            />
            {customer.otherCases > 0 ? (
              <Text size="sm" c="dimmed">
                {customer.otherCases} more case(s) of this customer belong to other teams; the signals above count them.
              </Text>
            ) : null}
            <Promises customer={customer} owner={names.user} />
            <Answers customer={customer} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Contacts customer={customer} />
            <History customer={customer} who={names.user} />
            {customer.can.merge ? <MergeDuplicate customer={customer} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Card({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Contacts({ customer }: { customer: CustomerProfile }) {
  if (customer.contactHidden)
    return (
      <Card title="Contacts" id="contacts-heading">
        <Text size="sm" c="dimmed">
          Contact details are shown only to people working on this customer’s cases.
        </Text>
      </Card>
    );
  return (
    <Card title="Contacts" id="contacts-heading">
      {customer.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No email or phone on file.
        </Text>
      ) : (
        <List size="sm" spacing={4} listStyleType="none">
          {customer.contacts.map((c) => (
            <List.Item key={`${c.kind}:${c.value}`}>
              <Text span size="sm" c="dimmed">
                {c.kind === 'email' ? 'Email' : 'Phone'}:{' '}
              </Text>
              {c.value}
              {c.fromCustomerId ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (from a merged record)
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Promises({ customer, owner }: { customer: CustomerProfile; owner: (id: string) => string }) {
  return (
    <Card title="Open promises" id="promises-heading">
      {customer.openCommitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing promised to them is still open on the cases you can see.
        </Text>
      ) : (
        <List size="sm" spacing={6} listStyleType="none">
          {customer.openCommitments.map((c) => (
            <List.Item key={c.id}>
              <Text size="sm" fw={500}>
                {c.text}
              </Text>
              <Text size="xs" c={c.overdue ? 'red.8' : 'dimmed'}>
                {owner(c.ownerId)} · due {formatDateTime(c.dueAt)}
                {c.overdue ? ' · overdue' : ''} ·{' '}
                <Anchor component={Link} to={`/cases/${c.caseRef}`} size="xs" underline="always">
                  {c.caseRef}
                </Anchor>
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Answers({ customer }: { customer: CustomerProfile }) {
  return (
    <Card title="After the follow-ups" id="answers-heading">
      {customer.satisfaction.length === 0 ? (
        <Text size="sm" c="dimmed">
          They have not answered a follow-up on the cases you can see.
        </Text>
      ) : (
        <List size="sm" spacing={4} listStyleType="none">
          {customer.satisfaction.map((a) => (
            <List.Item key={`${a.caseRef}:${a.answeredAt}`}>
              <Text span size="sm" fw={600} {...(a.satisfaction <= 2 ? { c: 'red.8' } : {})}>
                {a.satisfaction} / 5
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                on {formatDate(a.answeredAt)} about{' '}
                <Anchor component={Link} to={`/cases/${a.caseRef}`} size="sm" underline="always">
                  {a.caseRef}
                </Anchor>
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function History({ customer, who }: { customer: CustomerProfile; who: (id: string | null) => string }) {
  if (customer.merges.length === 0) return null;
  return (
    <Card title="Merged records" id="merges-heading">
      <List size="sm" spacing={6} listStyleType="none">
        {customer.merges.map((m) => (
          <List.Item key={m.id}>
            <Text size="sm">
              <Anchor component={Link} to={`/customers/${m.from.id}`} size="sm" underline="always">
                {m.from.name}
              </Anchor>{' '}
              into{' '}
              <Anchor component={Link} to={`/customers/${m.into.id}`} size="sm" underline="always">
                {m.into.name}
              </Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              {who(m.mergedBy)} on {formatDate(m.mergedAt)} · {m.caseCount} case(s) moved
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
