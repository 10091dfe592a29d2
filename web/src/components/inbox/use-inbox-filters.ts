import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../app/me-context.js';
import { filtersOf, type InboxSearch } from '../../lib/inbox-search.js';
import {
  builtInViews,
  deleteView,
  filtersToQuery,
  type InboxFilters,
  loadViews,
  normalizeFilters,
  type SavedView,
  sameFilters,
  saveView,
} from '../../lib/saved-views.js';
import { browserStore } from '../../lib/storage.js';

/**
 * The inbox's filters, which live in the URL, and the views: the built-in ones and those saved in
 * this browser. Without filters in the URL the first built-in view applies.
 */
export function useInboxFilters() {
  const me = useCurrentUser();
  const search = useSearch({ from: '/app/cases' });
  const navigate = useNavigate({ from: '/cases' });
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

  /** Picking a view adds to the history; changing a filter replaces the entry. */
  const setFilters = (next: InboxFilters, view?: string) =>
    void navigate({ search: { ...normalizeFilters(next), ...(view ? { view } : {}) } satisfies InboxSearch, replace: !view });

  return {
    filters,
    hasFilters,
    views,
    activeView,
    query,
    setFilters,
    /** Keeps the current filters as a named view, and shows it. */
    saveView: (name: string) => {
      const id = `v${Date.now().toString(36)}`;
      setCustom(saveView(store, me.id, name, filters, id));
      setFilters(filters, id);
    },
    deleteView: (id: string) => setCustom(deleteView(store, me.id, id)),
  };
}

export type Inbox = ReturnType<typeof useInboxFilters>;
