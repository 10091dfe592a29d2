import { intakeFacts, intakeTitle } from '../domain/intake-facts.js';
import { findCustomerByEmail } from '../store/customer-emails.js';
import { newId } from '../store/ids.js';
import { insertCustomer, listEmployees } from '../store/people.js';
import type { CaseRow, Db, StatementRow, WorkspaceRow } from '../store/schema.js';
import { findTeam } from '../store/workspaces.js';
import { type MailLinks, queueAcknowledgement } from './acknowledgement.js';
import { writeStatement } from './add-statement.js';
import { getCoach } from './coach-instance.js';
import { insertNewCase } from './create-case.js';
import { issueStatusLink } from './status-page.js';

/** A customer's own report of a problem, from the public form or an email to the intake address. */
export type CustomerReport = {
  channel: 'web_form' | 'email';
  name: string;
  email: string;
  phone?: string | null | undefined;
  /** What happened, in their words: it becomes the customer's statement. */
  story: string;
  /** What they would like us to do. */
  wants?: string | undefined;
  occurredAt?: string | undefined;
  /** Where it happened: one of the workspace's teams. */
  teamId?: string | null | undefined;
  /** Whom they dealt with, if they know. */
  employeeName?: string | undefined;
};

export type OpenedCase = { kase: CaseRow; token: string; acknowledged: boolean };

const TITLE_PREFIX: Record<CustomerReport['channel'], string> = { web_form: 'Web form', email: 'Email' };

/**
 * Opens a case from a customer's own report, as the system (no staff member reported it): finds the
 * customer by email or adds them, lets the coach read their words for how heated they are and what
 * they threaten (the facts the strategy recommender starts from), names the employee when the name
 * matches one on file, records their statement, and acknowledges it with a private status link.
 */
export async function openCustomerCase(
  db: Db,
  workspace: WorkspaceRow,
  report: CustomerReport,
  now: Date,
  links: MailLinks,
): Promise<OpenedCase> {
  const ws = workspace.id;
  const words = report.wants ? `${report.story}\n\n${report.wants}` : report.story;
  const reading = (await getCoach()).analyze({ customer: words, now, timeZone: workspace.time_zone }).customer;
  const facts = reading ? intakeFacts(reading) : { customerState: 'calm' as const, riskFlags: [], severity: 3 as const };
  const customer =
    (await findCustomerByEmail(db, ws, report.email)) ??
    (await insertCustomer(db, { workspaceId: ws, name: report.name, email: report.email, phone: report.phone ?? null }, now));
  const team = report.teamId ? await findTeam(db, ws, report.teamId) : undefined;
  const wanted = report.employeeName?.trim().toLowerCase();
  const employee = wanted ? (await listEmployees(db, ws)).find((e) => e.name.trim().toLowerCase() === wanted) : undefined;
  const summary = [
    report.story,
    report.wants ? `What they would like: ${report.wants}` : '',
    report.employeeName && !employee ? `They dealt with: ${report.employeeName}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const kase = await insertNewCase(
    db,
    { workspaceId: ws, reporterId: null, teamId: team?.id ?? null, customer },
    {
      title: intakeTitle(report.story, TITLE_PREFIX[report.channel]),
      summary,
      channel: report.channel,
      severity: facts.severity,
      customerState: facts.customerState,
      riskFlags: facts.riskFlags,
      occurredAt: report.occurredAt,
      employees: employee ? [{ employeeId: employee.id, role: 'primary' }] : [],
    },
    now,
  );
  const statement: StatementRow = {
    id: newId(),
    workspace_id: ws,
    case_id: kase.id,
    party: 'customer',
    employee_id: null,
    author_name: customer.name,
    body: words,
    taken_by: null,
    taken_at: now.toISOString(),
    corrects_id: null,
  };
  await writeStatement(db, kase, statement, null, now);
  const token = await issueStatusLink(db, kase, now);
  const acknowledged = await queueAcknowledgement(db, { kase, businessName: workspace.name, to: report.email, token }, now, links);
  return { kase, token, acknowledged };
}
