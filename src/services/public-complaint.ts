import type { Db } from '../store/schema.js';
import { hitCounter } from '../store/shared-counters.js';
import { findWorkspaceBySlug, listTeams } from '../store/workspaces.js';
import type { MailLinks } from './acknowledgement.js';
import { inTransaction } from './context.js';
import { type CustomerReport, openCustomerCase } from './open-customer-case.js';

/** Complaints one email address may file in an hour: a person with a second thing to add, not a flood. */
export const COMPLAINTS_PER_ADDRESS_PER_HOUR = 5;
/** Complaints one workspace takes from its public form in an hour, so a flood cannot bury its inbox. */
export const COMPLAINTS_PER_WORKSPACE_PER_HOUR = 200;

/** What the form needs to show: the business's name and where things can have happened (its teams). */
export async function complaintFormOf(db: Db, slug: string): Promise<{ business: string; teams: { id: string; name: string }[] } | null> {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (!workspace) return null;
  const teams = await listTeams(db, workspace.id);
  return { business: workspace.name, teams: teams.map((t) => ({ id: t.id, name: t.name })) };
}

export type ComplaintOutcome = { kind: 'filed'; ref: string; token: string } | { kind: 'unknown' } | { kind: 'busy' };

/**
 * Files a complaint from the public form: a case on the web-form channel with the customer's
 * statement and an acknowledgement. Refused, and nothing is created, when the workspace or the
 * address has sent too many this hour.
 */
export async function fileComplaint(
  db: Db,
  slug: string,
  report: Omit<CustomerReport, 'channel'>,
  now: Date,
  links: MailLinks,
): Promise<ComplaintOutcome> {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (!workspace) return { kind: 'unknown' };
  const address = report.email.trim().toLowerCase();
  // Counted outside the case's transaction: a refused or failed submission still counts against the flood.
  const [byAddress, byWorkspace] = await Promise.all([
    hitCounter(db, `complaint:${workspace.id}:${address}`, 3_600_000, now),
    hitCounter(db, `complaint:${workspace.id}`, 3_600_000, now),
  ]);
  if (byAddress.hits > COMPLAINTS_PER_ADDRESS_PER_HOUR || byWorkspace.hits > COMPLAINTS_PER_WORKSPACE_PER_HOUR) return { kind: 'busy' };
  const opened = await inTransaction(db, (trx) => openCustomerCase(trx, workspace, { ...report, channel: 'web_form' }, now, links));
  return { kind: 'filed', ref: opened.kase.ref, token: opened.token };
}
