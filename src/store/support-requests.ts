import { newId } from './ids.js';
import type { Db, SupportRequestRow } from './schema.js';

export async function insertSupportRequest(db: Db, row: Omit<SupportRequestRow, 'id'>): Promise<SupportRequestRow> {
  const full = { id: newId(), ...row };
  await db.insertInto('support_requests').values(full).execute();
  return full;
}

export function findSupportRequest(db: Db, workspaceId: string, id: string): Promise<SupportRequestRow | undefined> {
  return db.selectFrom('support_requests').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Changes a request only from the status the caller saw; false when it had already moved on. */
export async function moveSupportRequest(
  db: Db,
  workspaceId: string,
  id: string,
  from: readonly SupportRequestRow['status'][],
  patch: Partial<SupportRequestRow>,
): Promise<boolean> {
  const res = await db
    .updateTable('support_requests')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Requests of some employees (or of everyone), newest first. */
export function listSupportRequestRows(
  db: Db,
  workspaceId: string,
  scope: { employeeIds?: readonly string[] | undefined; teamIds?: readonly string[] | undefined } | null,
): Promise<(SupportRequestRow & { employee_name: string; team_id: string | null })[]> {
  return db
    .selectFrom('support_requests')
    .innerJoin('employees', 'employees.id', 'support_requests.employee_id')
    .selectAll('support_requests')
    .select(['employees.name as employee_name', 'employees.team_id'])
    .where('support_requests.workspace_id', '=', workspaceId)
    .$if(scope !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('support_requests.employee_id', 'in', [...(scope?.employeeIds ?? []), '']),
          eb('employees.team_id', 'in', [...(scope?.teamIds ?? []), '']),
        ]),
      ),
    )
    .orderBy('support_requests.created_at', 'desc')
    .orderBy('support_requests.id', 'desc')
    .limit(500)
    .execute();
}

/** The employee record of a user, if they have one. */
export function employeeOfUser(db: Db, workspaceId: string, userId: string) {
  return db.selectFrom('employees').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
}

/** An employee's support requests without what was said in them, newest first, for their history and reviews. */
export async function supportHistoryOf(db: Db, workspaceId: string, employeeId: string) {
  const rows = await db
    .selectFrom('support_requests')
    .leftJoin('cases', 'cases.id', 'support_requests.case_id')
    .select([
      'support_requests.id',
      'support_requests.kind',
      'support_requests.source',
      'support_requests.status',
      'support_requests.created_at',
      'cases.ref',
    ])
    .where('support_requests.workspace_id', '=', workspaceId)
    .where('support_requests.employee_id', '=', employeeId)
    .orderBy('support_requests.created_at', 'desc')
    .orderBy('support_requests.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, source: r.source, status: r.status, createdAt: r.created_at, caseRef: r.ref ?? null }));
}
