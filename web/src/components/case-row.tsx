import { Badge, Box, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Case } from '../api/types.js';
import { CHANNEL_LABEL, CUSTOMER_STATE_LABEL } from '../lib/labels.js';
import { formatDateTime, relativeTime } from '../lib/time.js';
import { SeverityBadge, SlaBadge, StatusBadge } from './badges.js';

/** Why a case is in the "Needs attention" view, in the words a supervisor would use. */
const ATTENTION_LABEL: Record<NonNullable<Case['attention']>[number], string> = {
  help_requested: 'Help asked for now',
  escalated_promise: 'Promise overdue',
  approval_pending: 'Approval pending',
  asked_for_help: 'Employee asked for help',
  unhappy_customer: 'Unhappy customer',
};

/** One case in a list: a single link, so Tab, Enter and middle-click all behave as people expect. */
export function CaseRow({ kase, now, selected, teamName }: { kase: Case; now: Date; selected?: boolean; teamName?: string | undefined }) {
  return (
    <Link
      to="/cases/$ref"
      params={{ ref: kase.ref }}
      className="case-row"
      data-selected={selected ? 'true' : undefined}
      data-ref={kase.ref}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Box miw={0} style={{ flex: '1 1 280px' }}>
          <Group gap={8} wrap="nowrap">
            <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
              {kase.ref}
            </Text>
            <Text fw={600} size="sm" truncate>
              {kase.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4} truncate>
            {CHANNEL_LABEL[kase.channel]} · customer {CUSTOMER_STATE_LABEL[kase.customerState].toLowerCase()}
            {teamName ? ` · ${teamName}` : ''} ·{' '}
            <time dateTime={kase.updatedAt} title={formatDateTime(kase.updatedAt)}>
              updated {relativeTime(kase.updatedAt, now)}
            </time>
          </Text>
          {kase.tags.length ? (
            <Group gap={4} mt={6} data-testid="case-tags">
              {kase.tags.map((tag) => (
                <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
          {kase.attention?.length ? (
            <Group gap={6} mt={6} data-testid="attention-reasons">
              {kase.attention.map((reason) => (
                <Badge key={reason} size="xs" color="orange" variant="light">
                  {ATTENTION_LABEL[reason]}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Box>
        <Group gap={6} wrap="wrap" style={{ flexShrink: 0 }}>
          {kase.help && !kase.attention?.includes('help_requested') ? (
            <Badge size="xs" color="orange" variant="filled">
              Help asked
            </Badge>
          ) : null}
          <SeverityBadge severity={kase.severity} size="xs" />
          <StatusBadge status={kase.status} size="xs" />
          <SlaBadge kase={kase} now={now} size="xs" />
        </Group>
      </Group>
    </Link>
  );
}
