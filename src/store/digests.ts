import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { isPostgres } from './db.js';
import type { Db, DigestRow } from './schema.js';

/** Learning digests (agendas and newsletters) and what they read of cases; every function is scoped to one workspace. */

export async function insertDigestRow(
  db: Db,
  row: Pick<DigestRow, 'workspace_id' | 'kind' | 'team_id' | 'period' | 'selection' | 'created_by'>,
  now: Date,
): Promise<DigestRow> {
  const full: DigestRow = {
    ...row,
    id: uuidv7(),
    status: 'draft',
    approved_document: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    approved_by: null,
    approved_at: null,
    sent_at: null,
    sent_to: null,
  };
  await db.insertInto('digests').values(full).execute();
  return full;
}

export function findDigestRow(db: Db, workspaceId: string, id: string, lock = false): Promise<DigestRow | undefined> {
  const q = db.selectFrom('digests').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  // Locked on PostgreSQL so two reviewers' changes to one digest are applied one after the other.
  return (lock && isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** Digests of one kind, newest first; narrowed to a period and to teams when given. */
export function listDigestRows(
  db: Db,
  workspaceId: string,
  filter: { kind: DigestRow['kind']; period?: string | undefined; teamIds?: readonly string[] | undefined; status?: DigestRow['status'] },
): Promise<DigestRow[]> {
  // No team to look in finds nothing (PostgreSQL cannot even compare text with a NUL placeholder).
  if (filter.teamIds?.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('digests').selectAll().where('workspace_id', '=', workspaceId).where('kind', '=', filter.kind);
  if (filter.period) q = q.where('period', '=', filter.period);
  if (filter.teamIds) q = q.where('team_id', 'in', [...filter.teamIds]);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function updateDigestRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<DigestRow, 'id' | 'workspace_id' | 'kind' | 'created_at'>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('digests')
    .set({ ...set, updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** What the selection rule reads of each case of the teams reported since `from` (before `to`). */
export async function caseSignalRows(db: Db, workspaceId: string, filter: { teamIds?: readonly string[]; from: string; to: string }) {
  let q = db
    .selectFrom('cases')
    .leftJoin('resolutions', (j) =>
      j.onRef('resolutions.case_id', '=', 'cases.id').onRef('resolutions.workspace_id', '=', 'cases.workspace_id'),
    )
    .select([
      'cases.id',
      'cases.ref',
      'cases.title',
      'cases.team_id',
      'cases.severity',
      'cases.customer_state',
      'cases.status',
      'cases.reported_at',
      'cases.risk_flags',
      'cases.impact_amount_minor',
      'cases.root_cause_category',
      'resolutions.cost_minor',
    ])
    .where('cases.workspace_id', '=', workspaceId)
    .where('cases.reported_at', '>=', filter.from)
    .where('cases.reported_at', '<', filter.to);
  // No team to look in finds nothing (PostgreSQL cannot even compare text with a NUL placeholder).
  if (filter.teamIds) q = filter.teamIds.length ? q.where('cases.team_id', 'in', [...filter.teamIds]) : q.where(sql<boolean>`1 = 0`);
  const cases = await q.orderBy('cases.reported_at').orderBy('cases.id').execute();
  const ids = cases.map((c) => c.id);
  const [promises, followUps] = ids.length
    ? await Promise.all([
        db
          .selectFrom('commitments')
          .select(['case_id', 'status'])
          .where('workspace_id', '=', workspaceId)
          .where('case_id', 'in', ids)
          .where('status', '=', 'broken')
          .execute(),
        db
          .selectFrom('follow_ups')
          .select(['case_id', 'party', 'satisfaction', 'answer'])
          .where('workspace_id', '=', workspaceId)
          .where('case_id', 'in', ids)
          .where('answered_at', 'is not', null)
          .execute(),
      ])
    : [[], []];
  return cases.map((c) => {
    const mine = followUps.filter((f) => f.case_id === c.id);
    const satisfaction = mine.filter((f) => f.party === 'customer' && f.satisfaction !== null).map((f) => Number(f.satisfaction));
    const support = mine
      .filter((f) => f.party === 'employee' && f.answer)
      .map((f) => Number((JSON.parse(f.answer as string) as { feltSupported?: number }).feltSupported))
      .filter((n) => Number.isFinite(n));
    return {
      ...c,
      severity: Number(c.severity),
      amount: Math.max(Number(c.impact_amount_minor ?? 0), Number(c.cost_minor ?? 0)) / 100,
      riskFlags: JSON.parse(c.risk_flags) as string[],
      brokenPromises: promises.filter((p) => p.case_id === c.id).length,
      customerSatisfaction: satisfaction.length ? Math.min(...satisfaction) : null,
      employeeSupport: support.length ? Math.min(...support) : null,
    };
  });
}

/** What a story tells of one case: its texts, its people's names, its playbook and outcome. */
export async function storySourceRow(db: Db, workspaceId: string, caseId: string) {
  const kase = await db.selectFrom('cases').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', caseId).executeTakeFirst();
  if (!kase) return undefined;
  const [statements, resolution, customer, parties, users, promises] = await Promise.all([
    db
      .selectFrom('statements')
      .select(['id', 'party', 'body', 'author_name', 'corrects_id'])
      .where('workspace_id', '=', workspaceId)
      .where('case_id', '=', caseId)
      .orderBy('taken_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('resolutions').selectAll().where('workspace_id', '=', workspaceId).where('case_id', '=', caseId).executeTakeFirst(),
    kase.customer_id
      ? db
          .selectFrom('customers')
          .select(['name', 'email'])
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', kase.customer_id)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('case_parties')
      .innerJoin('employees', 'employees.id', 'case_parties.employee_id')
      .select(['employees.name', 'case_parties.role'])
      .where('case_parties.workspace_id', '=', workspaceId)
      .where('case_parties.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [kase.reporter_id ?? '', kase.assignee_id ?? ''])
      .execute(),
    db.selectFrom('commitments').select(['status']).where('workspace_id', '=', workspaceId).where('case_id', '=', caseId).execute(),
  ]);
  // A corrected statement gives way to its correction: a story tells each party's latest word.
  const corrected = new Set(statements.map((s) => s.corrects_id).filter((id): id is string => id !== null));
  return {
    kase,
    statements: statements.filter((s) => !corrected.has(s.id)),
    resolution,
    customer,
    parties,
    users,
    promises,
  };
}

/** Every person the workspace knows by name: staff, accounts, customers (what redaction must also catch). */
export async function directoryPeople(db: Db, workspaceId: string): Promise<{ name: string; role: string }[]> {
  const [employees, users, customers] = await Promise.all([
    db.selectFrom('employees').select('name').where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('users').select('name').where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('customers').select('name').where('workspace_id', '=', workspaceId).execute(),
  ]);
  return [
    ...employees.map((e) => ({ name: e.name, role: 'employee' })),
    ...users.map((u) => ({ name: u.name, role: 'employee' })),
    ...customers.map((c) => ({ name: c.name, role: 'customer' })),
  ];
}

/** How many people of the staff directory belong to each team: the group a story comes from. */
export async function teamSizes(db: Db, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('employees')
    .select(['team_id', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('team_id', 'is not', null)
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id as string, Number(r.n)]));
}

/** The theme each of these cases is in (cases in none are left out). */
export async function themesOfCases(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
): Promise<{ case_id: string; theme_id: string }[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('theme_members')
    .select(['case_id', 'theme_id'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', [...caseIds])
    .execute();
  return rows.filter((r): r is { case_id: string; theme_id: string } => r.case_id !== null);
}
