import type { Severity } from './case.js';

export type SlaTarget = { severity: Severity; acknowledgeMinutes: number; resolveMinutes: number };

/** Defaults a new workspace starts with; admins change them per workspace. */
export const DEFAULT_SLA_TARGETS: readonly SlaTarget[] = [
  { severity: 1, acknowledgeMinutes: 60, resolveMinutes: 24 * 60 },
  { severity: 2, acknowledgeMinutes: 4 * 60, resolveMinutes: 3 * 24 * 60 },
  { severity: 3, acknowledgeMinutes: 8 * 60, resolveMinutes: 5 * 24 * 60 },
  { severity: 4, acknowledgeMinutes: 24 * 60, resolveMinutes: 10 * 24 * 60 },
];

export type SlaClockState = 'pending' | 'met' | 'breached';
export type SlaClock = { dueAt: string; state: SlaClockState; doneAt: string | null };

/** Adds a target in minutes to an ISO time. */
export function dueAt(fromIso: string, minutes: number): string {
  return new Date(Date.parse(fromIso) + minutes * 60_000).toISOString();
}

/** The state of one clock at `now`: met or breached once done, pending or breached while open. */
export function slaClock(due: string, doneAt: string | null, now: Date): SlaClock {
  const dueMs = Date.parse(due);
  const state: SlaClockState =
    doneAt !== null ? (Date.parse(doneAt) <= dueMs ? 'met' : 'breached') : now.getTime() > dueMs ? 'breached' : 'pending';
  return { dueAt: due, state, doneAt };
}
