import { CloseButton, Group, Pill, Text } from '@mantine/core';
import type { InboxFilters } from '../../lib/saved-views.js';
import type { Inbox } from './use-inbox-filters.js';

const day = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The filters a dashboard figure brought along (period, case type, party, breach, either side's answers), each removable. */
export function DimensionChips({ inbox }: { inbox: Inbox }) {
  const f = inbox.filters;
  const chips: { key: string; label: string; without: Partial<InboxFilters> }[] = [];
  if (f.reportedFrom || f.reportedTo)
    chips.push({
      key: 'period',
      label: `Reported ${f.reportedFrom ? `from ${day(f.reportedFrom)}` : ''} ${f.reportedTo ? `until ${day(f.reportedTo)}` : ''}`.trim(),
      without: { reportedFrom: undefined, reportedTo: undefined },
    });
  if (f.caseTypeId) chips.push({ key: 'type', label: 'One case type', without: { caseTypeId: undefined } });
  if (f.employeeId) chips.push({ key: 'employee', label: 'One employee as party', without: { employeeId: undefined } });
  if (f.breached) chips.push({ key: 'breached', label: 'Missed a deadline', without: { breached: undefined } });
  if (f.satisfaction?.length)
    chips.push({
      key: 'satisfaction',
      label: `Customer answered ${f.satisfaction.join(' or ')} of 5`,
      without: { satisfaction: undefined },
    });
  if (f.supported?.length)
    chips.push({
      key: 'supported',
      label: `Employee felt supported ${f.supported.join(' or ')} of 5`,
      without: { supported: undefined },
    });
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" aria-label="Filters from the dashboard" role="group">
      <Text size="xs" c="dimmed">
        Also filtered by:
      </Text>
      {chips.map((c) => (
        <Pill key={c.key} data-testid="dimension-chip">
          <Group gap={4} wrap="nowrap">
            {c.label}
            <CloseButton size="xs" aria-label={`Remove “${c.label}”`} onClick={() => inbox.setFilters({ ...f, ...c.without })} />
          </Group>
        </Pill>
      ))}
    </Group>
  );
}
