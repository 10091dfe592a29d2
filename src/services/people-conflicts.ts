import { nextBucket } from '../domain/dashboard-metrics.js';
import { previousDate } from '../store/dashboard-days.js';
import { type ConflictFilter, conflictsFromCases, type EmployeeConflicts, rollupConflicts } from '../store/people-days.js';
import type { Db } from '../store/schema.js';
import { monthsWithin } from './dashboard-summaries.js';

const midnight = (date: string) => `${date}T00:00:00.000Z`;

/**
 * Cases of a period per employee as their primary party (and those with a loss), for HR's people
 * report: the whole UTC days inside the period from the people rollup (whole months from its month
 * rows), the partial days at the period's edges from the cases; or, with `fromCases`, all of it
 * from the cases (what checks of the rollup compare it with). Call refreshRollups first.
 */
export async function conflictsOf(db: Db, f: ConflictFilter, options: { fromCases?: boolean } = {}): Promise<EmployeeConflicts[]> {
  const from = new Date(f.from).toISOString();
  const to = new Date(f.to).toISOString();
  if (options.fromCases) return conflictsFromCases(db, { ...f, from, to });
  let first = from.slice(0, 10);
  if (midnight(first) < from) first = nextBucket(first, 'day');
  const end = to.slice(0, 10);
  const last = previousDate(end);
  if (first > last) return conflictsFromCases(db, { ...f, from, to });
  const { months, dayRanges } = monthsWithin(first, last);
  const parts = await Promise.all([
    months ? rollupConflicts(db, f.workspaceId, { months }, f.teamId) : [],
    ...dayRanges.map((days) => rollupConflicts(db, f.workspaceId, { days }, f.teamId)),
    from < midnight(first) ? conflictsFromCases(db, { ...f, from, to: midnight(first) }) : [],
    midnight(end) < to ? conflictsFromCases(db, { ...f, from: midnight(end), to }) : [],
  ]);
  const by = new Map<string, EmployeeConflicts>();
  for (const r of parts.flat()) {
    const seen = by.get(r.employee_id);
    if (seen) {
      seen.cases += r.cases;
      seen.with_loss += r.with_loss;
    } else by.set(r.employee_id, { ...r });
  }
  return [...by.values()].filter((r) => r.cases > 0);
}
