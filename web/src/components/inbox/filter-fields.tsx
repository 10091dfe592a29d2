import { Chip, Group, MultiSelect, Select, Text } from '@mantine/core';
import { useTeams } from '../../api/directory.js';
import { useTags } from '../../api/tags.js';
import { ALL_STATUSES, CHANNEL_LABEL, CHANNELS, ROOT_CAUSE_LABEL, ROOT_CAUSES, SEVERITY_LABEL, STATUS_LABEL } from '../../lib/labels.js';
import { CUSTOMER_SIGNALS, type CustomerSignal, type InboxFilters, type InboxSort } from '../../lib/saved-views.js';
import { teamFilterOptions } from '../../lib/team-options.js';

const SIGNAL_LABEL: Record<CustomerSignal, string> = {
  repeatCustomer: 'Comes back',
  threat: 'Threat made',
  abuseFlagged: 'Abuse flag',
};

const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: 'next_due_at:asc', label: 'Most urgent first' },
  { value: 'resolve_due_at:asc', label: 'Resolve deadline soonest' },
  { value: 'reported_at:desc', label: 'Newest first' },
  { value: 'reported_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently updated' },
  { value: 'severity:asc', label: 'Most serious first' },
];

const ASSIGNEE_OPTIONS = [
  { value: 'anyone', label: 'Anyone' },
  { value: 'me', label: 'Me' },
  { value: 'unassigned', label: 'Nobody yet' },
];

type FilterFieldsProps = { filters: InboxFilters; onChange: (next: InboxFilters) => void };

/** The inbox's filter and sort fields; each change applies at once. */
export function FilterFields({ filters, onChange }: FilterFieldsProps) {
  const teams = useTeams();
  const tags = useTags();
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  const sortValue = `${filters.sort ?? 'reported_at'}:${filters.order ?? 'desc'}`;
  const assigneeValue = filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : 'anyone';
  return (
    <>
      <ListFilter
        label="Status"
        data={ALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        value={filters.status ?? []}
        onChange={(v) => set({ status: v as InboxFilters['status'] })}
        miw={160}
      />
      <ListFilter
        label="Severity"
        data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: `S${s} · ${SEVERITY_LABEL[s]}` }))}
        value={(filters.severity ?? []).map(String)}
        onChange={(v) => set({ severity: v.map(Number) })}
        miw={140}
      />
      <ListFilter
        label="Channel"
        data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
        value={filters.channel ?? []}
        onChange={(v) => set({ channel: v })}
        miw={140}
      />
      <ListFilter
        label="Root cause"
        data={ROOT_CAUSES.map((c) => ({ value: c, label: ROOT_CAUSE_LABEL[c] }))}
        value={filters.rootCause ?? []}
        onChange={(v) => set({ rootCause: v })}
        miw={170}
      />
      <ListFilter
        label="Tag"
        data={[...new Set([...(tags.data ?? []).map((t) => t.tag), ...(filters.tag ?? [])])].map((t) => ({ value: t, label: t }))}
        value={filters.tag ?? []}
        onChange={(v) => set({ tag: v })}
        miw={140}
      />
      <Select
        label="Team"
        placeholder="All teams"
        data={teamFilterOptions(teams.data)}
        value={filters.teamId ?? null}
        onChange={(v) => set({ teamId: v ?? undefined })}
        size="xs"
        miw={140}
        clearable
      />
      <Select
        label="Assignee"
        data={ASSIGNEE_OPTIONS}
        value={assigneeValue}
        onChange={(v) => set({ assignee: v === 'me' || v === 'unassigned' ? v : undefined })}
        size="xs"
        miw={120}
        allowDeselect={false}
      />
      <Group gap={6} align="flex-end" role="group" aria-labelledby="signal-filters-label">
        <Text size="xs" fw={500} id="signal-filters-label" w="100%">
          Customer
        </Text>
        {CUSTOMER_SIGNALS.map((signal) => (
          <Chip key={signal} size="xs" checked={filters[signal] === true} onChange={(on) => set({ [signal]: on || undefined })}>
            {SIGNAL_LABEL[signal]}
          </Chip>
        ))}
      </Group>
      <Select
        label="Sort"
        data={SORT_OPTIONS}
        value={SORT_OPTIONS.some((o) => o.value === sortValue) ? sortValue : null}
        onChange={(v) => {
          const [sort, order] = (v ?? 'reported_at:desc').split(':') as [InboxSort, 'asc' | 'desc'];
          set({ sort, order });
        }}
        size="xs"
        miw={150}
        allowDeselect={false}
      />
    </>
  );
}

type ListFilterProps = {
  label: string;
  data: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  miw: number;
};

/** A filter that takes any number of values; empty reads "Any". */
function ListFilter({ label, data, value, onChange, miw }: ListFilterProps) {
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : 'Any'}
      data={data}
      value={value}
      onChange={onChange}
      size="xs"
      miw={miw}
      clearable
    />
  );
}

/** How many filters are set beyond the search, for the phone's "Filters and sort (N)" button. */
export function activeFilterCount(filters: InboxFilters): number {
  return (
    [filters.status, filters.severity, filters.channel, filters.rootCause, filters.tag].filter((x) => x?.length).length +
    (filters.teamId ? 1 : 0) +
    (filters.assignee ? 1 : 0) +
    CUSTOMER_SIGNALS.filter((signal) => filters[signal]).length
  );
}
