import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { type ServerView, useDeleteServerView, useSaveServerView, useServerViews } from '../../api/views.js';
import { useCurrentUser } from '../../app/me-context.js';
import { effectiveFilters, filtersOf, type InboxSearch } from '../../lib/inbox-search.js';
import {
  builtInViews,
  deleteView,
  filtersToQuery,
  type InboxFilters,
  loadViews,
  normalizeFilters,
  type SavedView,
  sameFilters,
} from '../../lib/saved-views.js';
import { browserStore } from '../../lib/storage.js';

/**
 * The inbox's filters, which live in the URL, and the views: the built-in ones, the caller's own and
 * their teams' shared ones (kept on the server), and any still kept in this browser from before.
 * Without filters in the URL the first built-in view applies.
 */
/** The shape the server keeps; the inbox's filters are the same fields, typed more loosely. */
type ServerFilters = ServerView['filters'];

export function useInboxFilters() {
  const me = useCurrentUser();
  const search = useSearch({ from: '/app/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const store = browserStore();
  const builtIns = useMemo(() => builtInViews(me), [me]);
  const [custom, setCustom] = useState<SavedView[]>(() => loadViews(store, me.id));
  const serverViews = useServerViews();
  const saveOnServer = useSaveServerView();
  const deleteOnServer = useDeleteServerView();
  const kept: SavedView[] = (serverViews.data?.items ?? []).map((v) => ({
    id: v.id,
    name: v.name,
    filters: v.filters as InboxFilters,
    server: true,
    sharedWith: v.teamName,
    deletable: v.canDelete,
  }));
  const views = [...builtIns, ...kept, ...custom];

  const hasFilters = Object.keys(filtersOf(search)).length > 0;
  const filters: InboxFilters = effectiveFilters(search, builtIns);
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
    /** Keeps the current filters as a named view (shared with a team when one is named), and shows it. */
    saveView: (name: string, teamId: string | null) =>
      saveOnServer
        .mutateAsync({ name, filters: normalizeFilters(filters) as ServerFilters, teamId })
        .then((v) => setFilters(filters, v.id)),
    deleteView: (id: string) => {
      if (kept.some((v) => v.id === id)) deleteOnServer.mutate(id);
      else setCustom(deleteView(store, me.id, id));
    },
  };
}

export type Inbox = ReturnType<typeof useInboxFilters>;
