import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CustomerProfile, ThreatKind } from '../../api/types.js';
import { formatDate } from '../../lib/time.js';

export const THREAT_LABEL: Record<ThreatKind, string> = {
  review: 'A bad review',
  public_post: 'A public post',
  legal: 'Legal action',
  media: 'The press',
};

type Signals = CustomerProfile['signals'];

function Signal({ label, value, note, warn }: { label: string; value: string | number; note: string; warn: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm" style={warn ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} {...(warn ? { c: 'red.8' } : {})}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}

/** What the customer's whole record warns of, before anyone answers them: each figure says what it counts. */
export function CustomerSignals({ signals }: { signals: Signals }) {
  const { cases, threats, abuse, openCommitments, satisfaction } = signals;
  return (
    <section aria-label="Signals">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <Signal
          label="Complaints"
          value={cases.total}
          note={`${cases.recent} in the last ${cases.windowDays} days${cases.repeat ? ' · comes back' : ''}`}
          warn={cases.repeat}
        />
        <Signal
          label="Threats made"
          value={threats.reduce((n, t) => n + t.cases, 0)}
          note={threats.length > 0 ? threats.map((t) => THREAT_LABEL[t.kind]).join(', ') : 'None recorded'}
          warn={threats.length > 0}
        />
        <Signal
          label="Abuse policy"
          value={abuse.flagged ? 'Flagged' : abuse.flaggedAt ? 'Flag expired' : 'No flag'}
          note={
            abuse.flagged
              ? `Since ${formatDate(abuse.flaggedAt ?? '')}${abuse.expiresAt ? `, until ${formatDate(abuse.expiresAt)}` : ''} · ${abuse.reports} case(s)`
              : `${abuse.reports} case(s) ended for abuse`
          }
          warn={abuse.flagged}
        />
        <Signal
          label="Open promises"
          value={openCommitments.count}
          note={openCommitments.overdue > 0 ? `${openCommitments.overdue} overdue` : 'None overdue'}
          warn={openCommitments.overdue > 0}
        />
        <Signal
          label="Satisfaction"
          value={satisfaction.average === null ? '—' : `${satisfaction.average} / 5`}
          note={
            satisfaction.answers === 0
              ? 'No follow-up answered yet'
              : `${satisfaction.answers} answer(s), latest ${satisfaction.latest} · ${satisfaction.unhappy} unhappy`
          }
          warn={satisfaction.unhappy > 0}
        />
      </SimpleGrid>
      {abuse.flagged && abuse.reason ? (
        <Group gap={6} mt="xs">
          <Badge color="red" variant="light">
            Abuse flag
          </Badge>
          <Text size="sm">{abuse.reason}</Text>
        </Group>
      ) : null}
    </section>
  );
}
