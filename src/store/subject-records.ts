import type { Db } from './schema.js';

/** Everything held about one person, read for their export (no scope: the service decides who may). */

/** The cases of a customer with the words and facts kept on them. */
export function customerCaseRows(db: Db, workspaceId: string, customerId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'ref', 'title', 'summary', 'channel', 'status', 'outcome', 'reported_at', 'resolved_at', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
}

export function eventsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_events')
    .select(['case_id', 'seq', 'kind', 'at', 'data', 'hash'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
}

export function statementsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('statements')
    .select(['case_id', 'party', 'employee_id', 'author_name', 'body', 'taken_at'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .orderBy('taken_at')
    .orderBy('id')
    .execute();
}

/** The files on these cases, erased ones too (their row and SHA-256 stay). */
export function attachmentsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .leftJoin('statements', (j) =>
      j.onRef('statements.id', '=', 'attachments.statement_id').onRef('statements.workspace_id', '=', 'attachments.workspace_id'),
    )
    .select([
      'attachments.case_id',
      'attachments.file_name',
      'attachments.content_type',
      'attachments.size',
      'attachments.sha256',
      'attachments.source',
      'attachments.added_at',
      'attachments.erased_at',
      'statements.party as statement_party',
    ])
    .where('attachments.workspace_id', '=', workspaceId)
    .where('attachments.case_id', 'in', caseIds)
    .orderBy('attachments.added_at')
    .orderBy('attachments.id')
    .execute();
}

export function commitmentsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitments')
    .select(['case_id', 'text', 'due_at', 'status', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function resolutionsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resolutions')
    .select(['case_id', 'problem', 'solution', 'cost_minor', 'currency', 'approval_state'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .execute();
}

export function customerFollowUpsOfCases(db: Db, workspaceId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('follow_ups')
    .select(['case_id', 'status', 'due_at', 'answered_at', 'answer', 'satisfaction'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .where('party', '=', 'customer')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/** Mail sent to these addresses or about these cases to the customer. */
export function mailTo(db: Db, workspaceId: string, caseIds: readonly string[], addresses: readonly string[]) {
  const lower = addresses.map((a) => a.toLowerCase());
  if (caseIds.length === 0 && lower.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outbox_emails')
    .select(['to_address', 'subject', 'text_body', 'created_at', 'sent_at'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => {
      const ors = [];
      if (lower.length > 0) ors.push(eb(eb.fn('lower', ['to_address']), 'in', lower));
      if (caseIds.length > 0) ors.push(eb.and([eb('case_id', 'in', caseIds), eb('kind', '=', 'case_reply')]));
      return eb.or(ors);
    })
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function dataRequestsAbout(db: Db, workspaceId: string, kind: 'customer' | 'employee', id: string) {
  return db
    .selectFrom('data_requests')
    .select(['kind', 'regime', 'requested_by', 'received_at', 'due_at', 'status', 'outcome', 'closed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', id)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

/** An employee's directory entry, cases they are party to, their own statements and support requests. */
export async function employeeRecord(db: Db, workspaceId: string, employeeId: string) {
  const employee = await db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .select(['employees.id', 'employees.name', 'employees.email', 'employees.created_at', 'teams.name as team'])
    .where('employees.workspace_id', '=', workspaceId)
    .where('employees.id', '=', employeeId)
    .executeTakeFirst();
  if (!employee) return null;
  const cases = await db
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .select(['cases.ref', 'cases.title', 'cases.status', 'cases.reported_at', 'case_parties.role'])
    .where('case_parties.workspace_id', '=', workspaceId)
    .where('case_parties.employee_id', '=', employeeId)
    .orderBy('cases.reported_at')
    .execute();
  const statements = await db
    .selectFrom('statements')
    .innerJoin('cases', 'cases.id', 'statements.case_id')
    .select(['cases.ref', 'statements.body', 'statements.taken_at'])
    .where('statements.workspace_id', '=', workspaceId)
    .where('statements.employee_id', '=', employeeId)
    .orderBy('statements.taken_at')
    .execute();
  const support = await db
    .selectFrom('support_requests')
    .select(['kind', 'status', 'created_at', 'closed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('employee_id', '=', employeeId)
    .orderBy('created_at')
    .execute();
  const reviews = await db
    .selectFrom('reviews')
    .select(['status', 'opened_at', 'employee_statement'])
    .where('workspace_id', '=', workspaceId)
    .where('employee_id', '=', employeeId)
    .orderBy('opened_at')
    .execute();
  return { employee, cases, statements, support, reviews };
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const w = await db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
  return w?.name ?? '';
}
