import type { CaseStatus } from '../api/types.js';
import { ALL_STATUSES, CHANNELS, ROOT_CAUSES } from './labels.js';
import { CUSTOMER_SIGNALS, type InboxFilters, type InboxSort, type SavedView } from './saved-views.js';

export type InboxSearch = InboxFilters & { view?: string };

const SORTS: InboxSort[] = ['reported_at', 'updated_at', 'severity', 'resolve_due_at', 'next_due_at'];

const list = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v) return v.split(',');
  if (typeof v === 'number') return [String(v)];
  return [];
};

/**
 * The inbox's URL search, checked: anything unknown or malformed is dropped rather than sent to
 * the API, so an old or hand-edited link still opens a working inbox.
 */
export function parseInboxSearch(raw: Record<string, unknown>): InboxSearch {
  const out: InboxSearch = {};
  if (typeof raw.view === 'string' && raw.view) out.view = raw.view;
  if (typeof raw.q === 'string' && raw.q.trim()) out.q = raw.q.slice(0, 200);
  const status = list(raw.status).filter((s): s is CaseStatus => (ALL_STATUSES as string[]).includes(s));
  if (status.length) out.status = status;
  const severity = list(raw.severity)
    .map(Number)
    .filter((n) => [1, 2, 3, 4].includes(n));
  if (severity.length) out.severity = severity;
  const channel = list(raw.channel).filter((c) => (CHANNELS as string[]).includes(c));
  if (channel.length) out.channel = channel;
  const rootCause = list(raw.rootCause).filter((c) => (ROOT_CAUSES as string[]).includes(c));
  if (rootCause.length) out.rootCause = rootCause;
  const tag = list(raw.tag).filter((t) => /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]{0,39}$/u.test(t));
  if (tag.length) out.tag = tag;
  if (typeof raw.teamId === 'string' && /^[0-9a-f-]{36}$/i.test(raw.teamId)) out.teamId = raw.teamId;
  if (typeof raw.assignee === 'string' && (raw.assignee === 'me' || raw.assignee === 'unassigned' || /^[0-9a-f-]{36}$/i.test(raw.assignee)))
    out.assignee = raw.assignee;
  if (typeof raw.sort === 'string' && (SORTS as string[]).includes(raw.sort)) out.sort = raw.sort as InboxSort;
  if (raw.order === 'asc' || raw.order === 'desc') out.order = raw.order;
  if (raw.attention === true || raw.attention === 'true') out.attention = true;
  for (const signal of CUSTOMER_SIGNALS) if (raw[signal] === true || raw[signal] === 'true') out[signal] = true;
  for (const key of ['reportedFrom', 'reportedTo'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v))) out[key] = v;
  }
  for (const key of ['caseTypeId', 'employeeId'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)) out[key] = v;
  }
  if (raw.breached === true || raw.breached === 'true') out.breached = true;
  const scores = (value: unknown) =>
    list(value)
      .map(Number)
      .filter((n) => [1, 2, 3, 4, 5].includes(n));
  const satisfaction = scores(raw.satisfaction);
  if (satisfaction.length) out.satisfaction = satisfaction;
  const supported = scores(raw.supported);
  if (supported.length) out.supported = supported;
  return out;
}

/** The filters part of a search (without the view name). */
export function filtersOf(search: InboxSearch): InboxFilters {
  const { view: _view, ...filters } = search;
  return filters;
}

/** The filters an inbox URL means: its own, or without any the first built-in view's. */
export function effectiveFilters(search: InboxSearch, builtIns: SavedView[]): InboxFilters {
  const own = filtersOf(search);
  return Object.keys(own).length > 0 ? own : (builtIns[0]?.filters ?? {});
}
