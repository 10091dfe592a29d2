import { type BusinessCalendar, type ClockPause, dueAfterPause } from '../domain/business-time.js';
import type { Severity } from '../domain/case.js';
import { isFinished } from '../domain/case-status.js';
import { AppError } from '../domain/errors.js';
import { type ClockBasis, clockDueAt } from '../domain/sla.js';
import { teamCalendar } from '../store/business-hours.js';
import type { NewEvent } from '../store/events.js';
import type { CaseRow, Db } from '../store/schema.js';
import { clockTargetsFor } from './deadline-settings.js';

export type ClockPlan = { basis: ClockBasis; acknowledgeDueAt: string; resolveDueAt: string };

/**
 * A case's clocks from the moment it was reported: its targets (case type preset → workspace preset
 * → severity target), counted on its team's opening hours unless a regulated preset applies, less
 * the pauses it has finished.
 */
export async function planClocks(
  db: Db,
  workspaceId: string,
  c: { severity: Severity; caseTypeId: string | null; teamId: string | null; reportedAt: string; pauses?: readonly ClockPause[] },
): Promise<ClockPlan> {
  const target = await clockTargetsFor(db, workspaceId, c.severity, c.caseTypeId);
  const calendar = target.regulated ? null : await teamCalendar(db, workspaceId, c.teamId);
  const basis = { regulated: target.regulated, calendar };
  return {
    basis: target.regulated ? 'regulated' : calendar ? 'business' : 'calendar',
    acknowledgeDueAt: clockDueAt(c.reportedAt, target.acknowledgeMinutes, basis, c.pauses),
    resolveDueAt: clockDueAt(c.reportedAt, target.resolveMinutes, basis, c.pauses),
  };
}

/** The finished pauses of a case, oldest first. */
export const pausesOf = (row: Pick<CaseRow, 'clock_pauses'>): ClockPause[] => JSON.parse(row.clock_pauses) as ClockPause[];

/** The calendar a case's clocks count on now (null: every minute). */
export function calendarOf(db: Db, row: CaseRow): Promise<BusinessCalendar | null> {
  return row.clock_basis === 'business' ? teamCalendar(db, row.workspace_id, row.team_id) : Promise.resolve(null);
}

/** Refuses to pause a case whose clocks may not stop: finished, regulated, or already paused. */
export function assertPausable(row: CaseRow): void {
  if (isFinished(row.status)) throw new AppError('conflict', `${row.ref} is ${row.status}: its clocks have stopped already`);
  if (row.clock_basis === 'regulated')
    throw new AppError('conflict', `${row.ref} runs under a regulated deadline, which keeps counting while you wait on the customer`);
  if (row.clock_paused_at !== null) throw new AppError('conflict', `${row.ref} is already waiting on the customer`);
}

/** The change that pauses a case's clocks at `at` because it waits on the customer. */
export function pauseChange(
  row: CaseRow,
  at: string,
  actorId: string | null,
  note: string | null,
): { patch: Partial<CaseRow>; event: NewEvent } {
  assertPausable(row);
  return {
    patch: { clock_paused_at: at },
    event: { kind: 'clock_paused', actorId, at, data: { reason: 'waiting_on_customer', ...(note ? { note } : {}) } },
  };
}

/**
 * The change that starts a paused case's clocks again at `at`: each open clock gets back the business
 * time it had left at the pause. `cause` says why (a person, the customer writing in, the case finishing).
 */
export async function resumeChange(
  db: Db,
  row: CaseRow,
  at: string,
  actorId: string | null,
  cause: 'resumed' | 'customer_replied' | 'case_finished',
): Promise<{ patch: Partial<CaseRow>; event: NewEvent }> {
  const pausedAt = row.clock_paused_at;
  if (pausedAt === null) throw new AppError('conflict', `${row.ref} is not waiting on the customer`);
  const calendar = await calendarOf(db, row);
  const move = (due: string, done: string | null) =>
    done !== null ? due : dueAfterPause(new Date(due), new Date(pausedAt), new Date(at), calendar).toISOString();
  const patch: Partial<CaseRow> = {
    clock_paused_at: null,
    clock_pauses: JSON.stringify([...pausesOf(row), { from: pausedAt, to: at }]),
    acknowledge_due_at: move(row.acknowledge_due_at, row.acknowledged_at),
    resolve_due_at: move(row.resolve_due_at, row.resolved_at),
  };
  const data = {
    pausedAt,
    cause,
    acknowledgeDueAt: patch.acknowledge_due_at,
    resolveDueAt: patch.resolve_due_at,
  };
  return { patch, event: { kind: 'clock_resumed', actorId, at, data } };
}
