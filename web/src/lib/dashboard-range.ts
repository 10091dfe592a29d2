import { localDate, nextBucket, startOfLocalDate } from '../../../src/contracts/local-days.js';
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
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/**
 * The period a preset names, as the API's from (inclusive) and to (exclusive): whole days of the
 * workspace's time zone ending with its today, or its calendar quarter up to the end of today; the
 * shop's days, so each is one of the rollups' days rather than two halves read from the cases.
 * Custom takes two dates, YYYY-MM-DD, both included.
 */
export function periodOf(preset: Preset, now: Date, timeZone: string, custom?: { from: string; to: string }): { from: string; to: string } {
  const today = localDate(now.toISOString(), timeZone);
  const startOf = (date: string) => startOfLocalDate(date, timeZone);
  const to = startOf(nextBucket(today, 'day'));
  if (preset === 'custom' && custom && /^\d{4}-\d{2}-\d{2}$/.test(custom.from) && /^\d{4}-\d{2}-\d{2}$/.test(custom.to)) {
    return { from: startOf(custom.from), to: startOf(nextBucket(custom.to, 'day')) };
  }
  if (preset === 'quarter') {
    const firstMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
    return { from: startOf(`${today.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`), to };
  }
  const days = preset === '7d' ? 7 : preset === '90d' ? 90 : 30;
  return { from: startOf(daysBefore(today, days - 1)), to };
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
