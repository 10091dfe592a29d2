import { useTeams } from '../../api/directory.js';
import { useTags } from '../../api/tags.js';
import { ALL_STATUSES, CHANNEL_LABEL, CHANNELS, ROOT_CAUSE_LABEL, ROOT_CAUSES, SEVERITY_LABEL, STATUS_LABEL } from '../../lib/labels.js';
import { CUSTOMER_SIGNALS, type InboxFilters, type InboxSort } from '../../lib/saved-views.js';
import { teamFilterOptions } from '../../lib/team-options.js';

export type FilterOption = { value: string; label: string };
/** Options, some of them perhaps under a heading (archived teams). */
export type FilterData = (FilterOption | { group: string; items: FilterOption[] })[];

/** One field of the inbox's filter row: what it offers and holds, whichever control draws it. */
export type FilterSpec =
  | { kind: 'many'; key: string; label: string; data: FilterOption[]; value: string[]; onChange: (v: string[]) => void; miw: number }
  | {
      kind: 'one';
      key: string;
      label: string;
      placeholder?: string;
      data: FilterData;
      value: string | null;
      onChange: (v: string | null) => void;
      miw: number;
      clearable: boolean;
    }
  | { kind: 'signals'; key: string };

const SORT_OPTIONS: FilterOption[] = [
  { value: 'next_due_at:asc', label: 'Most urgent first' },
  { value: 'resolve_due_at:asc', label: 'Resolve deadline soonest' },
  { value: 'reported_at:desc', label: 'Newest first' },
  { value: 'reported_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently updated' },
  { value: 'severity:asc', label: 'Most serious first' },
];

const ASSIGNEE_OPTIONS: FilterOption[] = [
  { value: 'anyone', label: 'Anyone' },
  { value: 'me', label: 'Me' },
  { value: 'unassigned', label: 'Nobody yet' },
];

/** The inbox's filter and sort fields, in their order; each change applies at once. */
export function useFilterSpecs(filters: InboxFilters, onChange: (next: InboxFilters) => void): FilterSpec[] {
  const teams = useTeams();
  const tags = useTags();
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  const sortValue = `${filters.sort ?? 'reported_at'}:${filters.order ?? 'desc'}`;
  const many = (
    key: string,
    label: string,
    data: FilterOption[],
    value: string[],
    change: (v: string[]) => void,
    miw: number,
  ): FilterSpec => ({
    kind: 'many',
    key,
    label,
    data,
    value,
    onChange: change,
    miw,
  });
  return [
    many(
      'status',
      'Status',
      ALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
      filters.status ?? [],
      (v) => set({ status: v as InboxFilters['status'] }),
      160,
    ),
    many(
      'severity',
      'Severity',
      [1, 2, 3, 4].map((s) => ({ value: String(s), label: `S${s} · ${SEVERITY_LABEL[s]}` })),
      (filters.severity ?? []).map(String),
      (v) => set({ severity: v.map(Number) }),
      140,
    ),
    many(
      'channel',
      'Channel',
      CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] })),
      filters.channel ?? [],
      (v) => set({ channel: v }),
      140,
    ),
    many(
      'root-cause',
      'Root cause',
      ROOT_CAUSES.map((c) => ({ value: c, label: ROOT_CAUSE_LABEL[c] })),
      filters.rootCause ?? [],
      (v) => set({ rootCause: v }),
      170,
    ),
    many(
      'tag',
      'Tag',
      [...new Set([...(tags.data ?? []).map((t) => t.tag), ...(filters.tag ?? [])])].map((t) => ({ value: t, label: t })),
      filters.tag ?? [],
      (v) => set({ tag: v }),
      140,
    ),
    {
      kind: 'one',
      key: 'team',
      label: 'Team',
      placeholder: 'All teams',
      data: teamFilterOptions(teams.data),
      value: filters.teamId ?? null,
      onChange: (v) => set({ teamId: v ?? undefined }),
      miw: 140,
      clearable: true,
    },
    {
      kind: 'one',
      key: 'assignee',
      label: 'Assignee',
      data: ASSIGNEE_OPTIONS,
      value: filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : 'anyone',
      onChange: (v) => set({ assignee: v === 'me' || v === 'unassigned' ? v : undefined }),
      miw: 120,
      clearable: false,
    },
    { kind: 'signals', key: 'signals' },
    {
      kind: 'one',
      key: 'sort',
      label: 'Sort',
      data: SORT_OPTIONS,
      value: SORT_OPTIONS.some((o) => o.value === sortValue) ? sortValue : null,
      onChange: (v) => {
        const [sort, order] = (v ?? 'reported_at:desc').split(':') as [InboxSort, 'asc' | 'desc'];
        set({ sort, order });
      },
      miw: 150,
      clearable: false,
    },
  ];
}

/** The label of a value among a field's options. */
export function optionLabel(data: FilterData, value: string): string {
  for (const o of data) {
    if ('group' in o) {
      const inGroup = o.items.find((i) => i.value === value);
      if (inGroup) return inGroup.label;
    } else if (o.value === value) return o.label;
  }
  return value;
}

/** The id a field's input has, so the keyboard can move from a placeholder to the real field. */
export const filterInputId = (key: string) => `inbox-filter-${key}`;

/** How many filters are set beyond the search, for the phone's "Filters and sort (N)" button. */
export function activeFilterCount(filters: InboxFilters): number {
  return (
    [filters.status, filters.severity, filters.channel, filters.rootCause, filters.tag].filter((x) => x?.length).length +
    (filters.teamId ? 1 : 0) +
    (filters.assignee ? 1 : 0) +
    CUSTOMER_SIGNALS.filter((signal) => filters[signal]).length
  );
}
