import type { InboxFilters } from './saved-views.js';

export const PRESETS = ['7d', '30d', '90d', 'quarter', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABEL: Record<Preset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  quarter: 'This quarter',
  custom: 'Custom',
};

const DAY = 86_400_000;

/** The start of the day after `now` (UTC), so "last 7 days" includes today and ends on a whole day. */
const endOfToday = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY;

/**
 * The period a preset names, as the API's from (inclusive) and to (exclusive): whole UTC days ending
 * with today, or this calendar quarter up to the end of today. Custom takes two dates, YYYY-MM-DD, both included.
 */
export function periodOf(preset: Preset, now: Date, custom?: { from: string; to: string }): { from: string; to: string } {
  const to = endOfToday(now);
  if (preset === 'custom' && custom && /^\d{4}-\d{2}-\d{2}$/.test(custom.from) && /^\d{4}-\d{2}-\d{2}$/.test(custom.to)) {
    return { from: `${custom.from}T00:00:00.000Z`, to: new Date(Date.parse(`${custom.to}T00:00:00Z`) + DAY).toISOString() };
  }
  if (preset === 'quarter') {
    const q = Math.floor(now.getUTCMonth() / 3) * 3;
    return { from: new Date(Date.UTC(now.getUTCFullYear(), q, 1)).toISOString(), to: new Date(to).toISOString() };
  }
  const days = preset === '7d' ? 7 : preset === '90d' ? 90 : 30;
  return { from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() };
}

/** The dashboard's filters, named as the inbox names them. */
export type DashboardFilters = {
  teamId?: string | undefined;
  channel?: string[] | undefined;
  severity?: number[] | undefined;
  caseTypeId?: string | undefined;
  /** The handler. */
  assigneeId?: string | undefined;
  /** An employee named as a party. */
  employeeId?: string | undefined;
};

/**
 * The inbox filters that list a figure's cases: the dashboard's period and filters, narrowed by the
 * figure's own dimension. The inbox then counts exactly the cases the figure counted.
 */
export function drillDown(
  period: { from: string; to: string },
  filters: DashboardFilters,
  narrow: Partial<InboxFilters> = {},
): InboxFilters {
  return {
    reportedFrom: period.from,
    reportedTo: period.to,
    teamId: filters.teamId,
    channel: filters.channel?.length ? filters.channel : undefined,
    severity: filters.severity?.length ? filters.severity : undefined,
    caseTypeId: filters.caseTypeId,
    assignee: filters.assigneeId,
    employeeId: filters.employeeId,
    sort: 'reported_at',
    order: 'desc',
    ...narrow,
  };
}

/** The API query string of the dashboard's filters (lists comma-separated). */
export function filterQuery(filters: DashboardFilters): Record<string, string | undefined> {
  return {
    teamId: filters.teamId,
    channel: filters.channel?.length ? filters.channel.join(',') : undefined,
    severity: filters.severity?.length ? filters.severity.join(',') : undefined,
    caseTypeId: filters.caseTypeId,
    assigneeId: filters.assigneeId,
    employeeId: filters.employeeId,
  };
}
