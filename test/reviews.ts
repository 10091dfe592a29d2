import type { RootCauseCategory } from '../src/domain/root-cause.js';
import { reportAbuse } from '../src/services/abuse.js';
import { addStatement } from '../src/services/add-statement.js';
import { transitionCase } from '../src/services/change-case.js';
import type { ServiceContext } from '../src/services/context.js';
import { createCase } from '../src/services/create-case.js';
import { proposeResolution } from '../src/services/resolution.js';
import { buildCase } from './factories.js';
import { keepEverythingOpen } from './follow-through.js';

/**
 * A closed case that cost the business `loss` EUR, with the employee as primary party and both
 * sides' statements; `abusive` has the employee end it under the abuse policy first.
 */
export async function buildCostlyCase(
  admin: ServiceContext,
  input: { teamId: string; employeeId: string; employee: ServiceContext; loss: number; rootCause?: RootCauseCategory; abusive?: boolean },
) {
  const kase = await createCase(admin, {
    ...buildCase({ financialImpact: { amount: input.loss, currency: 'EUR', kind: 'refund' } }),
    teamId: input.teamId,
    employees: [{ employeeId: input.employeeId, role: 'primary' }],
    customer: { name: 'Robin Customer', email: `robin.${Math.random().toString(36).slice(2)}@example.test` },
  });
  await addStatement(input.employee, kase.ref, {
    party: 'employee',
    employeeId: input.employeeId,
    body: 'I explained the returns policy twice and offered a manager.',
  });
  await addStatement(admin, kase.ref, {
    party: 'customer',
    authorName: 'Robin Customer',
    body: 'Nobody listened to me — I was “told off”.',
  });
  if (input.abusive) await reportAbuse(input.employee, kase.ref, 'Shouted insults and threw the receipt');
  for (const to of ['investigating', 'resolving'] as const) await transitionCase(admin, kase.ref, { to });
  await proposeResolution(admin, kase.ref, {
    problem: 'The refund was refused',
    options: ['Refund'],
    solution: 'Refund in full',
    policyRefs: ['Returns policy'],
    cost: { amount: input.loss, currency: 'EUR' },
  });
  await transitionCase(admin, kase.ref, { to: 'resolved' });
  await transitionCase(admin, kase.ref, {
    to: 'closed',
    ...(await keepEverythingOpen(admin.db, kase, admin.actor.workspaceId)),
    outcome: 'Refunded',
    rootCause: { category: input.rootCause ?? 'employee_conduct', whys: ['The refund was refused at the till'], factors: [] },
  });
  return kase;
}
