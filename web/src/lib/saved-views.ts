import type { CaseStatus, Me } from '../api/types.js';
import { type KeyValueStore, readJson, writeJson } from './storage.js';

export type InboxSort = 'reported_at' | 'updated_at' | 'severity' | 'resolve_due_at' | 'next_due_at';

/** The inbox's filters; the same object lives in the URL, so views and links share one shape. */
export type InboxFilters = {
  q?: string | undefined;
  status?: CaseStatus[] | undefined;
  severity?: number[] | undefined;
  channel?: string[] | undefined;
  /** Closed cases filed under these root-cause categories. */
  rootCause?: string[] | undefined;
  teamId?: string | undefined;
  assignee?: 'me' | 'unassigned' | string | undefined;
  /** Only cases a supervisor must look at: escalated promises, pending approvals, calls for help, unhappy customers. */
  attention?: boolean | undefined;
  /** Customer signals: a customer who keeps coming back, one who made a threat, one flagged for abuse. */
  repeatCustomer?: boolean | undefined;
  threat?: boolean | undefined;
  abuseFlagged?: boolean | undefined;
  /** The dashboard's dimensions, so a figure there opens the inbox on exactly its cases. */
  reportedFrom?: string | undefined;
  reportedTo?: string | undefined;
  caseTypeId?: string | undefined;
  /** An employee named as a party to the case. */
  employeeId?: string | undefined;
  breached?: boolean | undefined;
  /** The customer answered a follow-up with one of these scores. */
  satisfaction?: number[] | undefined;
  /** An employee answered a follow-up saying they felt supported at one of these levels. */
  supported?: number[] | undefined;
  /** Cases carrying any of these tags. */
  tag?: string[] | undefined;
  sort?: InboxSort | undefined;
  order?: 'asc' | 'desc' | undefined;
};

/** The inbox's filters by what the case's customer's record says. */
export const CUSTOMER_SIGNALS = ['repeatCustomer', 'threat', 'abuseFlagged'] as const;
export type CustomerSignal = (typeof CUSTOMER_SIGNALS)[number];

export type SavedView = { id: string; name: string; filters: InboxFilters; builtIn?: boolean };

const OPEN: CaseStatus[] = ['reported', 'acknowledged', 'investigating', 'resolving', 'reopened'];

/** Views everyone has; the first one a role sees is its home inbox. */
export function builtInViews(me: Pick<Me, 'can'>): SavedView[] {
  const open: SavedView = {
    id: 'open',
    name: 'Open, soonest due',
    builtIn: true,
    filters: { status: OPEN, sort: 'next_due_at', order: 'asc' },
  };
  const attention: SavedView = {
    id: 'attention',
    name: 'Needs attention',
    builtIn: true,
    filters: { attention: true, sort: 'updated_at', order: 'desc' },
  };
  const mine: SavedView = {
    id: 'mine',
    name: 'Assigned to me',
    builtIn: true,
    filters: { assignee: 'me', status: OPEN, sort: 'next_due_at', order: 'asc' },
  };
  const unassigned: SavedView = {
    id: 'unassigned',
    name: 'Unassigned',
    builtIn: true,
    filters: { assignee: 'unassigned', status: OPEN, sort: 'next_due_at', order: 'asc' },
  };
  const recent: SavedView = { id: 'recent', name: 'Recently updated', builtIn: true, filters: { sort: 'updated_at', order: 'desc' } };
  const all: SavedView = { id: 'all', name: 'All cases', builtIn: true, filters: { sort: 'reported_at', order: 'desc' } };
  if (!me.can.workCaseInbox)
    return [
      { ...all, name: 'My cases' },
      { ...open, name: 'Still open' },
    ];
  return [open, attention, mine, unassigned, recent, all];
}

const key = (userId: string) => `defuse:inbox-views:${userId}`;

const isViewList = (v: unknown): v is SavedView[] =>
  Array.isArray(v) &&
  v.every(
    (x) => typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.name === 'string' && typeof x.filters === 'object',
  );

export function loadViews(store: KeyValueStore | null, userId: string): SavedView[] {
  return readJson(store, key(userId), isViewList, []);
}

/** Adds a view (replacing one of the same name) and returns the new list. */
export function saveView(store: KeyValueStore | null, userId: string, name: string, filters: InboxFilters, id: string): SavedView[] {
  const trimmed = name.trim();
  const views = loadViews(store, userId).filter((v) => v.name.toLowerCase() !== trimmed.toLowerCase());
  const next = [...views, { id, name: trimmed, filters: normalizeFilters(filters) }];
  writeJson(store, key(userId), next);
  return next;
}

export function deleteView(store: KeyValueStore | null, userId: string, id: string): SavedView[] {
  const next = loadViews(store, userId).filter((v) => v.id !== id);
  writeJson(store, key(userId), next);
  return next;
}

/** Drops empty values and sorts lists so equal filters compare equal. */
export function normalizeFilters(f: InboxFilters): InboxFilters {
  const out: InboxFilters = {};
  if (f.q?.trim()) out.q = f.q.trim();
  if (f.status?.length) out.status = [...f.status].sort();
  if (f.severity?.length) out.severity = [...f.severity].sort();
  if (f.channel?.length) out.channel = [...f.channel].sort();
  if (f.rootCause?.length) out.rootCause = [...f.rootCause].sort();
  if (f.tag?.length) out.tag = [...f.tag].sort();
  if (f.teamId) out.teamId = f.teamId;
  if (f.assignee) out.assignee = f.assignee;
  if (f.attention) out.attention = true;
  for (const signal of CUSTOMER_SIGNALS) if (f[signal]) out[signal] = true;
  if (f.reportedFrom) out.reportedFrom = f.reportedFrom;
  if (f.reportedTo) out.reportedTo = f.reportedTo;
  if (f.caseTypeId) out.caseTypeId = f.caseTypeId;
  if (f.employeeId) out.employeeId = f.employeeId;
  if (f.breached) out.breached = true;
  if (f.satisfaction?.length) out.satisfaction = [...f.satisfaction].sort();
  if (f.supported?.length) out.supported = [...f.supported].sort();
  if (f.sort) out.sort = f.sort;
  if (f.order) out.order = f.order;
  return out;
}

export function sameFilters(a: InboxFilters, b: InboxFilters): boolean {
  return JSON.stringify(normalizeFilters(a)) === JSON.stringify(normalizeFilters(b));
}

/** The GET /cases query for a set of filters; `me` resolves the "assigned to me" shorthand. */
export function filtersToQuery(f: InboxFilters, me: Pick<Me, 'id'>): Record<string, string | undefined> {
  return {
    q: f.q?.trim() || undefined,
    status: f.status?.length ? f.status.join(',') : undefined,
    severity: f.severity?.length ? f.severity.join(',') : undefined,
    channel: f.channel?.length ? f.channel.join(',') : undefined,
    rootCause: f.rootCause?.length ? f.rootCause.join(',') : undefined,
    tag: f.tag?.length ? f.tag.join(',') : undefined,
    teamId: f.teamId || undefined,
    assigneeId: f.assignee && f.assignee !== 'unassigned' ? (f.assignee === 'me' ? me.id : f.assignee) : undefined,
    unassigned: f.assignee === 'unassigned' ? 'true' : undefined,
    attention: f.attention ? 'true' : undefined,
    repeatCustomer: f.repeatCustomer ? 'true' : undefined,
    threat: f.threat ? 'true' : undefined,
    abuseFlagged: f.abuseFlagged ? 'true' : undefined,
    reportedFrom: f.reportedFrom || undefined,
    reportedTo: f.reportedTo || undefined,
    caseTypeId: f.caseTypeId || undefined,
    employeeId: f.employeeId || undefined,
    breached: f.breached ? 'true' : undefined,
    satisfaction: f.satisfaction?.length ? f.satisfaction.join(',') : undefined,
    supported: f.supported?.length ? f.supported.join(',') : undefined,
    sort: f.sort,
    order: f.order,
  };
}

/** The address of the CSV export of the cases these filters list (every page; no sort or paging). */
export function exportUrl(query: Record<string, string | undefined>, format: 'csv' | 'json' = 'csv'): string {
  const { sort: _sort, order: _order, ...filters } = query;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, v);
  if (format === 'json') params.set('format', 'json');
  const search = params.toString();
  return `/api/v1/cases/export${search ? `?${search}` : ''}`;
}
