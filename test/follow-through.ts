import { surveyTokenIn as tokenIn } from '../src/domain/follow-through.js';
import { transitionCase } from '../src/services/change-case.js';
import type { ServiceContext } from '../src/services/context.js';
import { createCase } from '../src/services/create-case.js';
import { proposeResolution } from '../src/services/resolution.js';
import { listCommitmentRows } from '../src/store/commitments.js';
import { listFollowUpRows } from '../src/store/follow-ups.js';
import { lastQueuedEmail } from '../src/store/outbox.js';
import type { Db } from '../src/store/schema.js';
import { buildCase } from './factories.js';

/**
 * A case of a team with the given employee as primary party and a customer with an email, driven to
 * `resolved` with a resolution that needs no approval: the one place that knows how a case gets resolved.
 */
export async function buildResolvedCase(
  admin: ServiceContext,
  input: { teamId: string; employeeId: string; customerEmail?: string | null },
) {
  const kase = await createCase(admin, {
    ...buildCase(),
    teamId: input.teamId,
    employees: [{ employeeId: input.employeeId, role: 'primary' }],
    customer: { name: 'Robin Customer', email: input.customerEmail === undefined ? 'robin@example.test' : input.customerEmail },
  });
  for (const to of ['investigating', 'resolving'] as const) await transitionCase(admin, kase.ref, { to });
  // The admin has no authority limit, so the resolution needs no approval.
  await proposeResolution(admin, kase.ref, {
    problem: 'The parcel came late and nobody said why',
    options: ['Refund the delivery fee'],
    solution: 'Refund the delivery fee and apologise',
    policyRefs: [],
    cost: { amount: 5, currency: 'EUR' },
  });
  await transitionCase(admin, kase.ref, { to: 'resolved' });
  return kase;
}

/** The newest queued email to an address (the outbox is what a real SMTP delivery would send). */
/** The newest mail queued to an address, of one kind when given (everyone's invitation mail is there too). */
export const lastEmailTo = (db: Db, to: string, kind?: string) => lastQueuedEmail(db, to, kind);

/** The survey token out of the link in a survey email's text. */
export function surveyTokenIn(text: string): string {
  const token = tokenIn(text);
  if (!token) throw new Error('no survey link in the email');
  return token;
}

/** What closing a case needs when promises are open or follow-ups planned: each promise kept, each follow-up kept, and a reason. */
export async function keepEverythingOpen(db: Db, kase: { id: string }, workspaceId: string) {
  const [commitments, followUps] = await Promise.all([
    listCommitmentRows(db, workspaceId, kase.id),
    listFollowUpRows(db, workspaceId, kase.id),
  ]);
  return {
    proceedReason: 'Everything open goes on as planned',
    promises: commitments.filter((c) => c.status === 'open').map((c) => ({ id: c.id, status: 'kept' as const })),
    followUps: followUps.filter((f) => f.status === 'scheduled' || f.status === 'sent').map((f) => ({ id: f.id, action: 'keep' as const })),
  };
}
