import { type CaseListScope, caseInScope } from './cases.js';
import type { Db } from './schema.js';

/** What theme mining reads of a case: its texts, and the facts a theme's figures are made of. */
export type CaseDocumentRow = {
  id: string;
  ref: string;
  title: string;
  summary: string;
  team_id: string | null;
  channel: string;
  status: string;
  reported_at: string;
  root_cause_category: string | null;
  /** JSON { whys, factors } */
  root_cause: string | null;
  impact_amount_minor: number | null;
  impact_currency: string | null;
  cost_minor: number | null;
  cost_currency: string | null;
  /** Every statement's body, oldest first, one per line. */
  statements: string;
};

/** The cases of a workspace (or the ones named) with their statements and agreed cost. */
export async function caseDocumentRows(db: Db, workspaceId: string, caseIds?: readonly string[]): Promise<CaseDocumentRow[]> {
  if (caseIds && caseIds.length === 0) return [];
  let q = db
    .selectFrom('cases')
    .leftJoin('resolutions', (j) =>
      j.onRef('resolutions.case_id', '=', 'cases.id').onRef('resolutions.workspace_id', '=', 'cases.workspace_id'),
    )
    .select([
      'cases.id',
      'cases.ref',
      'cases.title',
      'cases.summary',
      'cases.team_id',
      'cases.channel',
      'cases.status',
      'cases.reported_at',
      'cases.root_cause_category',
      'cases.root_cause',
      'cases.impact_amount_minor',
      'cases.impact_currency',
      'resolutions.cost_minor',
      'resolutions.currency as cost_currency',
    ])
    .where('cases.workspace_id', '=', workspaceId);
  if (caseIds) q = q.where('cases.id', 'in', [...caseIds]);
  const cases = await q.orderBy('cases.reported_at').orderBy('cases.id').execute();
  let sq = db
    .selectFrom('statements')
    .select(['case_id', 'body'])
    .where('workspace_id', '=', workspaceId)
    // A corrected statement is replaced by its correction: read only the latest word of each party.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('statements as later')
            .select('later.id')
            .whereRef('later.corrects_id', '=', 'statements.id')
            .whereRef('later.workspace_id', '=', 'statements.workspace_id'),
        ),
      ),
    );
  if (caseIds) sq = sq.where('case_id', 'in', [...caseIds]);
  const statements = await sq.orderBy('taken_at').orderBy('id').execute();
  const byCase = new Map<string, string[]>();
  for (const s of statements) byCase.set(s.case_id, [...(byCase.get(s.case_id) ?? []), s.body]);
  return cases.map((c) => ({
    ...c,
    cost_minor: c.cost_minor === null ? null : Number(c.cost_minor),
    impact_amount_minor: c.impact_amount_minor === null ? null : Number(c.impact_amount_minor),
    statements: (byCase.get(c.id) ?? []).join('\n'),
  }));
}

/** Which of the given cases a list scope covers (undefined scope: all of them). */
export async function casesInScope(
  db: Db,
  workspaceId: string,
  scope: CaseListScope | undefined,
  caseIds: readonly string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  if (!scope) return new Set(caseIds);
  const rows = await db
    .selectFrom('cases')
    .select(['cases.id'])
    .where('cases.workspace_id', '=', workspaceId)
    .where('cases.id', 'in', [...caseIds])
    .where((eb) => caseInScope(eb, workspaceId, scope))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Every person's name the workspace knows (staff, accounts, customers): words a theme must not be made of. */
export async function knownNames(db: Db, workspaceId: string): Promise<string[]> {
  const [employees, users, customers] = await Promise.all([
    db.selectFrom('employees').select('name').where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('users').select('name').where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('customers').select('name').where('workspace_id', '=', workspaceId).execute(),
  ]);
  return [...employees, ...users, ...customers].map((r) => r.name);
}

/** Case ref, title, team, channel and reported time for the cases named, for showing examples. */
export async function caseHeadlines(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
): Promise<{ id: string; ref: string; title: string; status: string; reported_at: string; team_id: string | null }[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(['id', 'ref', 'title', 'status', 'reported_at', 'team_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...caseIds])
    .execute();
}
