import type { ImpactKind } from '../domain/case.js';
import { notFound } from '../domain/errors.js';
import { toMajor } from '../domain/money.js';
import { authorize } from '../domain/permissions.js';
import { casesOfEmployee, findEmployees } from '../store/people.js';
import { supportHistoryOf } from '../store/support-requests.js';
import { recordAccess } from './access-log.js';
import { forbidden } from './authorization.js';
import type { ServiceContext } from './context.js';
import { type TrainingHistory, trainingHistoryOf } from './training-reports.js';

export type EmployeeHistory = {
  employee: { id: string; name: string; teamId: string | null };
  summary: {
    cases: number;
    casesLast12Months: number;
    asPrimaryLast12Months: number;
    /** Money lost on cases of the last 12 months where the employee was the primary party, per currency. */
    lossLast12Months: { currency: string; amount: number }[];
  };
  cases: {
    ref: string;
    title: string;
    status: string;
    severity: number;
    role: string;
    teamId: string | null;
    reportedAt: string;
    customerState: string;
    financialImpact: { amount: number; currency: string; kind: ImpactKind } | null;
  }[];
  support: { id: string; kind: string | null; source: string; status: string; createdAt: string; caseRef: string | null }[];
  /** Completion and certification only: practice scores stay out of anything a review reads. */
  training: Omit<TrainingHistory, 'practice'> | null;
};

const YEAR_MS = 365 * 24 * 3600_000;

/**
 * An employee's conflict history: every case they were named on. This is HR data, so each read is
 * written to the access log before it is returned.
 */
export async function getEmployeeHistory(ctx: ServiceContext, employeeId: string): Promise<EmployeeHistory> {
  const ws = ctx.actor.workspaceId;
  const [employee] = await findEmployees(ctx.db, ws, [employeeId]);
  if (!employee) throw notFound(`Employee ${employeeId}`);
  const subject = { teamIds: [employee.team_id], ownerUserId: employee.user_id };
  if (!authorize(ctx.actor, 'read', 'employee_history', subject)) throw forbidden(ctx.actor, 'read', 'employee_history');
  const rows = await casesOfEmployee(ctx.db, ws, employeeId);
  const support = await supportHistoryOf(ctx.db, ws, employeeId);
  await recordAccess(ctx, { action: 'read', resource: 'employee_history', subjectId: employee.id, subjectLabel: employee.name });

  const yearAgo = ctx.now.getTime() - YEAR_MS;
  const recent = rows.filter((r) => Date.parse(r.reported_at) >= yearAgo);
  const loss = new Map<string, number>();
  for (const r of recent) {
    if (r.role !== 'primary' || r.impact_amount_minor === null) continue;
    const currency = r.impact_currency ?? 'EUR';
    loss.set(currency, (loss.get(currency) ?? 0) + r.impact_amount_minor);
  }
  const training = employee.user_id ? await trainingHistoryOf(ctx, employee.user_id, false) : null;
  return {
    training: training ? { user: training.user, assignments: training.assignments, certifications: training.certifications } : null,
    employee: { id: employee.id, name: employee.name, teamId: employee.team_id },
    summary: {
      cases: rows.length,
      casesLast12Months: recent.length,
      asPrimaryLast12Months: recent.filter((r) => r.role === 'primary').length,
      lossLast12Months: [...loss].map(([currency, minor]) => ({ currency, amount: toMajor(minor) })),
    },
    cases: rows.map((r) => ({
      ref: r.ref,
      title: r.title,
      status: r.status,
      severity: r.severity,
      role: r.role,
      teamId: r.team_id,
      reportedAt: r.reported_at,
      customerState: r.customer_state,
      financialImpact:
        r.impact_amount_minor === null
          ? null
          : { amount: toMajor(r.impact_amount_minor), currency: r.impact_currency ?? 'EUR', kind: r.impact_kind as ImpactKind },
    })),
    support,
  };
}
