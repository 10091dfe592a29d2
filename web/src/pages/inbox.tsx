import { Kbd, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useState } from 'react';
import { meQuery } from '../api/accounts.js';
import { caseListQuery, useCaseList } from '../api/cases.js';
import { teamsQuery } from '../api/directory.js';
import { tagsQuery } from '../api/tags.js';
import { serverViewsQuery } from '../api/views.js';
import { useCurrentUser } from '../app/me-context.js';
import { BulkBar } from '../components/inbox/bulk-bar.js';
import { CaseList } from '../components/inbox/case-list.js';
import { CustomerMatches } from '../components/inbox/customer-matches.js';
import { DimensionChips } from '../components/inbox/dimension-chips.js';
import { InboxToolbar } from '../components/inbox/inbox-toolbar.js';
import { useInboxFilters } from '../components/inbox/use-inbox-filters.js';
import { useInboxKeyboard } from '../components/inbox/use-inbox-keyboard.js';
import { useJumpToCase } from '../components/inbox/use-jump-to-case.js';
import { ViewsBar } from '../components/inbox/views-bar.js';
import { PageHeader } from '../components/page-header.js';
import { effectiveFilters, type InboxSearch } from '../lib/inbox-search.js';
import { builtInViews, filtersToQuery } from '../lib/saved-views.js';

// Opened by a click only: its dialog code stays out of the inbox's first load.
const SaveViewModal = lazy(() => import('../components/inbox/save-view-modal.js').then((m) => ({ default: m.SaveViewModal })));

/**
 * Asks for what the inbox shows while its code and the account are still arriving, so the first
 * rows do not wait for the page to render once before their request starts. Same keys as the
 * page's own queries, which then find them in the cache (or in flight).
 */
export async function prefetchInbox(client: QueryClient, search: InboxSearch): Promise<void> {
  // Signed out, the account's 401 sends the person to sign in: nothing else is asked for.
  const me = await client.ensureQueryData(meQuery).catch(() => null);
  if (!me) return;
  await Promise.all([
    client.prefetchInfiniteQuery(caseListQuery(filtersToQuery(effectiveFilters(search, builtInViews(me)), me))),
    client.prefetchQuery(teamsQuery),
    client.prefetchQuery(serverViewsQuery),
    client.prefetchQuery(tagsQuery),
  ]);
}

/** The case inbox: views, filters and search live in the URL; j/k move, Enter opens, / searches. */
export function InboxPage() {
  const inbox = useInboxFilters();
  const cases = useCaseList(inbox.query);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const keyboard = useInboxKeyboard(items, JSON.stringify(inbox.query));
  useJumpToCase(inbox.filters.q);
  const [saveOpen, saveModal] = useDisclosure(false);
  const me = useCurrentUser();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Stable, so a row redraws only when its own box changes.
  const toggle = useCallback(
    (ref: string) =>
      setPicked((prev) => {
        const next = new Set(prev);
        if (next.has(ref)) next.delete(ref);
        else next.add(ref);
        return next;
      }),
    [],
  );
  const first = cases.data?.pages[0];
  const total = first?.total ?? items.length;
  const totalText = first?.totalCapped ? `${total.toLocaleString()}+ cases` : `${total.toLocaleString()} case${total === 1 ? '' : 's'}`;
  const countText = cases.isPending ? 'Loading…' : `${totalText}${items.length < total ? ` · ${items.length} shown` : ''}`;

  return (
    <Stack gap="md">
      <PageHeader
        title={inbox.activeView?.name ?? 'Filtered cases'}
        description={<InboxDescription attention={Boolean(inbox.filters.attention)} />}
        actions={<KeyboardHints />}
      />
      <ViewsBar
        views={inbox.views}
        activeId={inbox.activeView?.id}
        onPick={(v) => inbox.setFilters(v.filters, v.id)}
        onDelete={inbox.deleteView}
      />
      <InboxToolbar
        inbox={inbox}
        countText={countText}
        searchRef={keyboard.searchRef}
        onLeaveSearch={() => keyboard.move(1)}
        onSaveView={saveModal.open}
      />
      <DimensionChips inbox={inbox} />
      <CustomerMatches q={inbox.filters.q} />
      {me.can.workCaseInbox ? (
        <BulkBar
          selected={[...picked]}
          onDone={(changed) => setPicked((prev) => new Set([...prev].filter((r) => !changed.includes(r))))}
          onClear={() => setPicked(new Set())}
        />
      ) : null}
      <CaseList
        cases={cases}
        items={items}
        inbox={inbox}
        selected={keyboard.selected}
        listRef={keyboard.listRef}
        selection={me.can.workCaseInbox ? { selected: picked, toggle } : undefined}
      />
      {saveOpen ? (
        <Suspense fallback={null}>
          <SaveViewModal opened onClose={saveModal.close} onSave={inbox.saveView} />
        </Suspense>
      ) : null}
    </Stack>
  );
}

/** Whose cases these are, and what the colours (or the attention view) mean. */
function InboxDescription({ attention }: { attention: boolean }) {
  const me = useCurrentUser();
  return (
    <Text c="dimmed" size="sm">
      {me.role === 'supervisor' ? 'Cases in your teams. ' : ''}
      {attention
        ? 'Calls for help now, overdue promises, resolutions waiting for approval, employees who asked for help after a case, and unhappy customers.'
        : 'Overdue and soon-due cases are marked in red and orange.'}
    </Text>
  );
}

/** The inbox's keys, on screens wide enough to have a keyboard. */
function KeyboardHints() {
  return (
    <Text size="xs" c="dimmed" visibleFrom="sm">
      <Kbd size="xs">j</Kbd> <Kbd size="xs">k</Kbd> to move · <Kbd size="xs">Enter</Kbd> to open · <Kbd size="xs">/</Kbd> to search
    </Text>
  );
}
