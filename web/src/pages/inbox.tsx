import { Box, Button, Group, Kbd, Modal, MultiSelect, Paper, ScrollArea, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useCaseList } from '../api/cases.js';
import { useTeams } from '../api/directory.js';
import { useCurrentUser } from '../app/me-context.js';
import { CaseRow } from '../components/case-row.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { useNow } from '../components/use-now.js';
import { filtersOf, type InboxSearch } from '../lib/inbox-search.js';
import { ALL_STATUSES, CHANNEL_LABEL, CHANNELS, SEVERITY_LABEL, STATUS_LABEL } from '../lib/labels.js';
import {
  builtInViews,
  deleteView,
  filtersToQuery,
  type InboxFilters,
  type InboxSort,
  loadViews,
  normalizeFilters,
  type SavedView,
  sameFilters,
  saveView,
} from '../lib/saved-views.js';
import { browserStore } from '../lib/storage.js';

const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: 'resolve_due_at:asc', label: 'SLA due soonest' },
  { value: 'reported_at:desc', label: 'Newest first' },
  { value: 'reported_at:asc', label: 'Oldest first' },
  { value: 'updated_at:desc', label: 'Recently updated' },
  { value: 'severity:asc', label: 'Most serious first' },
];

/** The case inbox: views, filters and search live in the URL; j/k move, Enter opens, / searches. */
export function InboxPage() {
  const me = useCurrentUser();
  const search = useSearch({ from: '/app/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const now = useNow();
  const teams = useTeams();
  const store = browserStore();
  const builtIns = useMemo(() => builtInViews(me), [me]);
  const [custom, setCustom] = useState<SavedView[]>(() => loadViews(store, me.id));
  const views = [...builtIns, ...custom];

  const hasFilters = Object.keys(filtersOf(search)).length > 0;
  const filters: InboxFilters = hasFilters ? filtersOf(search) : (builtIns[0]?.filters ?? {});
  const activeView = search.view
    ? views.find((v) => v.id === search.view && sameFilters(v.filters, filters))
    : views.find((v) => sameFilters(v.filters, filters));

  const query = useMemo(() => filtersToQuery(filters, me), [filters, me]);
  const cases = useCaseList(query);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const teamName = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);

  const setFilters = (next: InboxFilters, view?: string) =>
    void navigate({ search: { ...normalizeFilters(next), ...(view ? { view } : {}) } satisfies InboxSearch, replace: !view });

  // Search as you type, without a request per keystroke. The box follows the URL only when the
  // URL changed for another reason (a view was picked), so a slow response never eats keystrokes.
  const [q, setQ] = useState(filters.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const sentQ = useRef(filters.q ?? '');
  const urlQ = filters.q ?? '';
  if (urlQ !== sentQ.current) {
    sentQ.current = urlQ;
    if (q.trim() !== urlQ) setQ(urlQ);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed text settles, not on every filter change
  useEffect(() => {
    const typed = debouncedQ.trim();
    if (typed !== sentQ.current) {
      sentQ.current = typed;
      setFilters({ ...filters, q: typed });
    }
  }, [debouncedQ]);

  // Keyboard: j/k select, Enter opens, / focuses the search. The selection belongs to one query.
  const queryKey = JSON.stringify(query);
  const [selection, setSelection] = useState({ key: queryKey, index: -1 });
  const selected = selection.key === queryKey ? selection.index : -1;
  const setSelected = (index: number) => setSelection({ key: queryKey, index });
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const move = (delta: number) => {
    if (items.length === 0) return;
    const next = Math.min(items.length - 1, Math.max(0, selected + delta));
    setSelected(next);
    const row = listRef.current?.querySelectorAll<HTMLAnchorElement>('.case-row')[next];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  };
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    [
      '/',
      (e) => {
        e.preventDefault();
        searchRef.current?.focus();
      },
    ],
    [
      'Enter',
      () => {
        // A focused row is a link and opens itself; this covers a selection without focus.
        const kase = items[selected];
        if (kase && (document.activeElement === document.body || document.activeElement === null))
          void navigate({ to: '/cases/$ref', params: { ref: kase.ref } });
      },
      { preventDefault: false },
    ],
  ]);

  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, filtersPanel] = useDisclosure(false);
  const activeFilterCount =
    [filters.status, filters.severity, filters.channel].filter((x) => x?.length).length +
    (filters.teamId ? 1 : 0) +
    (filters.assignee ? 1 : 0);
  const [saveOpen, saveModal] = useDisclosure(false);
  const [viewName, setViewName] = useState('');
  const submitView = (e: FormEvent) => {
    e.preventDefault();
    if (!viewName.trim()) return;
    const id = `v${Date.now().toString(36)}`;
    setCustom(saveView(store, me.id, viewName, filters, id));
    saveModal.close();
    setViewName('');
    setFilters(filters, id);
  };

  const sortValue = `${filters.sort ?? 'reported_at'}:${filters.order ?? 'desc'}`;
  const assigneeValue = filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : 'anyone';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {activeView?.name ?? 'Filtered cases'}
          </Title>
          <Text c="dimmed" size="sm">
            {me.role === 'supervisor' ? 'Cases in your teams. ' : ''}
            {filters.attention
              ? 'Overdue promises, resolutions waiting for approval, employees who asked for help and unhappy customers.'
              : 'Overdue and soon-due cases are marked in red and orange.'}
          </Text>
        </div>
        <Text size="xs" c="dimmed" visibleFrom="sm">
          <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> to move · <Kbd size="xs">Enter</Kbd> to open · <Kbd size="xs">/</Kbd> to search
        </Text>
      </Group>

      <ScrollArea type="never" offsetScrollbars={false}>
        <Group gap={6} wrap="nowrap" role="list" aria-label="Views">
          {views.map((v) => (
            <Group key={v.id} gap={0} wrap="nowrap" role="listitem">
              <Button
                size="xs"
                radius="xl"
                variant={activeView?.id === v.id ? 'filled' : 'default'}
                aria-pressed={activeView?.id === v.id}
                onClick={() => setFilters(v.filters, v.id)}
              >
                {v.name}
              </Button>
              {!v.builtIn ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  px={6}
                  aria-label={`Delete view ${v.name}`}
                  onClick={() => setCustom(deleteView(store, me.id, v.id))}
                >
                  ×
                </Button>
              ) : null}
            </Group>
          ))}
        </Group>
      </ScrollArea>

      <Paper withBorder radius="md" p="sm">
        <Stack gap="sm">
          <TextInput
            ref={searchRef}
            type="search"
            aria-label="Search cases"
            placeholder="Search titles, descriptions and statements…"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                // Chromium clears a search box on Escape; here Escape means "back to the list".
                e.preventDefault();
                e.currentTarget.blur();
              }
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                e.currentTarget.blur();
                move(1);
              }
            }}
          />
          {isPhone ? (
            <Button variant="default" size="xs" onClick={filtersPanel.toggle} aria-expanded={filtersOpen}>
              {filtersOpen ? 'Hide filters' : `Filters and sort${activeFilterCount ? ` (${activeFilterCount})` : ''}`}
            </Button>
          ) : null}
          <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap" display={isPhone && !filtersOpen ? 'none' : undefined}>
            <MultiSelect
              label="Status"
              placeholder={filters.status?.length ? undefined : 'Any'}
              data={ALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={filters.status ?? []}
              onChange={(v) => setFilters({ ...filters, status: v as InboxFilters['status'] })}
              size="xs"
              miw={160}
              clearable
            />
            <MultiSelect
              label="Severity"
              placeholder={filters.severity?.length ? undefined : 'Any'}
              data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: `S${s} · ${SEVERITY_LABEL[s]}` }))}
              value={(filters.severity ?? []).map(String)}
              onChange={(v) => setFilters({ ...filters, severity: v.map(Number) })}
              size="xs"
              miw={140}
              clearable
            />
            <MultiSelect
              label="Channel"
              placeholder={filters.channel?.length ? undefined : 'Any'}
              data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
              value={filters.channel ?? []}
              onChange={(v) => setFilters({ ...filters, channel: v })}
              size="xs"
              miw={140}
              clearable
            />
            <Select
              label="Team"
              placeholder="All teams"
              data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              value={filters.teamId ?? null}
              onChange={(v) => setFilters({ ...filters, teamId: v ?? undefined })}
              size="xs"
              miw={140}
              clearable
            />
            <Select
              label="Assignee"
              data={[
                { value: 'anyone', label: 'Anyone' },
                { value: 'me', label: 'Me' },
                { value: 'unassigned', label: 'Nobody yet' },
              ]}
              value={assigneeValue}
              onChange={(v) => setFilters({ ...filters, assignee: v === 'me' || v === 'unassigned' ? v : undefined })}
              size="xs"
              miw={120}
              allowDeselect={false}
            />
            <Select
              label="Sort"
              data={SORT_OPTIONS}
              value={SORT_OPTIONS.some((o) => o.value === sortValue) ? sortValue : null}
              onChange={(v) => {
                const [sort, order] = (v ?? 'reported_at:desc').split(':') as [InboxSort, 'asc' | 'desc'];
                setFilters({ ...filters, sort, order });
              }}
              size="xs"
              miw={150}
              allowDeselect={false}
            />
          </Group>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed" aria-live="polite">
              {cases.isPending ? 'Loading…' : `${items.length}${cases.hasNextPage ? '+' : ''} case${items.length === 1 ? '' : 's'}`}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="subtle" color="gray" onClick={() => setFilters({})} disabled={!hasFilters}>
                Reset
              </Button>
              <Button size="xs" variant="light" onClick={saveModal.open} disabled={Boolean(activeView)}>
                Save as view
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>

      <Box ref={listRef}>
        {cases.isPending ? (
          <LoadingState rows={6} label="Loading cases" />
        ) : cases.error ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            title={filters.q ? `Nothing matches “${filters.q}”` : 'No cases here'}
            action={
              hasFilters ? (
                <Button size="xs" variant="light" onClick={() => setFilters({})}>
                  Clear filters
                </Button>
              ) : undefined
            }
          >
            {filters.q ? 'Try fewer words, or clear some filters.' : 'When a case matches this view, it will appear here.'}
          </EmptyState>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: cases.isPlaceholderData ? 0.6 : 1 }} data-testid="case-list">
            {items.map((c, i) => (
              <CaseRow key={c.id} kase={c} now={now} selected={i === selected} teamName={c.teamId ? teamName.get(c.teamId) : undefined} />
            ))}
          </Paper>
        )}
        {cases.hasNextPage ? (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
              Load more cases
            </Button>
          </Group>
        ) : null}
      </Box>

      <Modal opened={saveOpen} onClose={saveModal.close} title="Save this view" centered>
        <form onSubmit={submitView}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Keeps these filters and this sort one click away. Views are saved in this browser.
            </Text>
            <TextInput label="Name" value={viewName} onChange={(e) => setViewName(e.currentTarget.value)} required data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={saveModal.close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!viewName.trim()}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
