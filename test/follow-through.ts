import { transitionCase } from '../src/services/change-case.js';
import type { ServiceContext } from '../src/services/context.js';
import { createCase } from '../src/services/create-case.js';
import type { Db } from '../src/store/schema.js';
import { buildCase } from './factories.js';

/**
 * A case of a team with the given employee as primary party and a customer with an email, driven to
 * `resolved` by the rules of this branch. The one place that knows how a case gets resolved, so a
 * later guard (approval of a resolution) changes only this helper.
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
  for (const to of ['investigating', 'resolving', 'resolved'] as const) await transitionCase(admin, kase.ref, { to });
  return kase;
}

/** The newest queued email to an address (the outbox is what a real SMTP delivery would send). */
export async function lastEmailTo(db: Db, to: string) {
  return db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The survey token out of the link in a survey email's text. */
export function surveyTokenIn(text: string): string {
  const match = /\/public\/survey\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error('no survey link in the email');
  return match[1];
}
