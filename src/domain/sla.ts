import { addBusinessMinutes, type BusinessCalendar, type ClockPause } from './business-time.js';
import type { Severity } from './case.js';

export type SlaTarget = { severity: Severity; acknowledgeMinutes: number; resolveMinutes: number };

/** Defaults a new workspace starts with; admins change them per workspace. */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = [
  { severity: 1, acknowledgeMinutes: 60, resolveMinutes: 24 * 60 },
  { severity: 2, acknowledgeMinutes: 4 * 60, resolveMinutes: 3 * 24 * 60 },
  { severity: 3, acknowledgeMinutes: 8 * 60, resolveMinutes: 5 * 24 * 60 },
  { severity: 4, acknowledgeMinutes: 24 * 60, resolveMinutes: 10 * 24 * 60 },
];

export type SlaClockState = 'pending' | 'paused' | 'met' | 'breached';
export type SlaClock = { dueAt: string; state: SlaClockState; doneAt: string | null };

/**
 * How a case's clocks count: every minute (`calendar`), only its team's opening hours (`business`),
 * or every minute without pausing because a regulated deadline preset applies (`regulated`).
 */
export const CLOCK_BASES = ['calendar', 'business', 'regulated'] as const;
export type ClockBasis = (typeof CLOCK_BASES)[number];

/** Adds a target in minutes of calendar time to an ISO time. */
export function dueAt(fromIso: string, minutes: number): string {
  return new Date(Date.parse(fromIso) + minutes * 60_000).toISOString();
}

/**
 * The due time of a clock started at `startIso` with a target of `minutes`: business time on the
 * team's calendar, less the finished pauses, unless the target is a regulated preset, which always
 * counts calendar time and never pauses. The one calculation behind shown due times and the breach sweep.
 */
export function clockDueAt(
  startIso: string,
  minutes: number,
  basis: { regulated: boolean; calendar: BusinessCalendar | null },
  pauses: readonly ClockPause[] = [],
): string {
  if (basis.regulated) return dueAt(startIso, minutes);
  const due = addBusinessMinutes(
    new Date(startIso),
    minutes,
    basis.calendar,
    pauses.filter((p) => p.to !== null),
  );
  return (due ?? new Date(Date.parse(startIso) + minutes * 60_000)).toISOString();
}

/**
 * The state of one clock at `now`: met or breached once done; while open, pending, breached, or
 * paused (a clock paused before its due time cannot breach until it runs again).
 */
export function slaClock(due: string, doneAt: string | null, now: Date, pausedAt: string | null = null): SlaClock {
  const dueMs = Date.parse(due);
  const running = (at: number) => (at > dueMs ? 'breached' : 'pending');
  const state: SlaClockState =
    doneAt !== null
      ? Date.parse(doneAt) <= dueMs
        ? 'met'
        : 'breached'
      : pausedAt !== null
        ? running(Date.parse(pausedAt)) === 'breached'
          ? 'breached'
          : 'paused'
        : running(now.getTime());
  return { dueAt: due, state, doneAt };
}

/**
 * Deadline presets. `custom` uses the workspace's per-severity targets. The two regulated ones set
 * the same clocks for every severity, because a regulator's deadline does not bend with how serious
 * the business thinks a complaint is.
 */
export const SLA_PRESETS = ['custom', 'eight_week', 'fifteen_sixty'] as const;
export type SlaPreset = (typeof SLA_PRESETS)[number];

const DAY = 24 * 60;

/**
 * - eight_week: a final response within 8 weeks (56 days). The rule only asks for a "prompt"
 *   acknowledgement; we use 3 days, inside the common "within five business days" practice even
 *   when a weekend falls in between, so a workspace using it is never late by the calendar.
 * - fifteen_sixty: a substantive response within 15 days and a final one within 60 days; the
 *   acknowledge clock carries the 15-day response.
 */
const PRESET_MINUTES: Record<Exclude<SlaPreset, 'custom'>, { acknowledgeMinutes: number; resolveMinutes: number }> = {
  eight_week: { acknowledgeMinutes: 3 * DAY, resolveMinutes: 56 * DAY },
  fifteen_sixty: { acknowledgeMinutes: 15 * DAY, resolveMinutes: 60 * DAY },
};

export const isSlaPreset = (value: string): value is SlaPreset => (SLA_PRESETS as readonly string[]).includes(value);

/**
 * The clock targets for one case: its case type's preset when it has a type, else the workspace's;
 * `custom` means the per-severity target (so a type can opt out of a workspace-wide regulated preset).
 */
export function clockTargets(
  custom: SlaTarget,
  workspacePreset: string,
  caseTypePreset: string | null,
): SlaTarget & { regulated: boolean } {
  const preset = caseTypePreset ?? workspacePreset;
  if (!isSlaPreset(preset) || preset === 'custom') return { ...custom, regulated: false };
  return { severity: custom.severity, ...PRESET_MINUTES[preset], regulated: true };
}

/** Where a case with no clock running sorts among the most urgent: after every real deadline. */
export const NO_OPEN_CLOCK = '9999-12-31T23:59:59.999Z';
/** Where a case whose clocks are paused sorts: after every running clock, before cases with none. */
export const PAUSED_CLOCK = '9999-12-30T00:00:00.000Z';

/**
 * The deadline a case must meet next: the earlier of its open clocks (acknowledge, resolve), so a
 * new severity-1 case due to be acknowledged within the hour comes before one due to be resolved
 * tomorrow, and a breached clock (already past) comes first of all.
 */
export function nextDeadline(c: {
  acknowledgeDueAt: string;
  acknowledgedAt: string | null;
  resolveDueAt: string;
  resolvedAt: string | null;
  pausedAt?: string | null;
}): string {
  if (c.pausedAt && (c.acknowledgedAt === null || c.resolvedAt === null)) return PAUSED_CLOCK;
  const open = [c.acknowledgedAt === null ? c.acknowledgeDueAt : null, c.resolvedAt === null ? c.resolveDueAt : null].filter(
    (d): d is string => d !== null,
  );
  return open.length === 0 ? NO_OPEN_CLOCK : open.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}
