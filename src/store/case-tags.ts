import { type CaseListScope, caseInScope } from './cases.js';
import type { Db } from './schema.js';

/** Writes a case's tag rows to match a change made on its timeline. */
export async function writeCaseTags(
  db: Db,
  kase: { workspace_id: string; id: string },
  change: { added: readonly string[]; removed: readonly string[] },
  at: string,
): Promise<void> {
  if (change.removed.length > 0)
    await db
      .deleteFrom('case_tags')
      .where('workspace_id', '=', kase.workspace_id)
      .where('case_id', '=', kase.id)
      .where('tag', 'in', change.removed)
      .execute();
  if (change.added.length > 0)
    await db
      .insertInto('case_tags')
      .values(change.added.map((tag) => ({ workspace_id: kase.workspace_id, case_id: kase.id, tag, created_at: at })))
      .execute();
}

/** A case's tag rows, for verifying them against its timeline. */
export async function tagsOfCase(db: Db, workspaceId: string, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_tags')
    .select('tag')
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.tag);
}

/** The tags in use on the cases a scope covers (undefined: every case), each with how many cases carry it, most used first. */
export async function listTagCounts(
  db: Db,
  workspaceId: string,
  scope: CaseListScope | undefined,
): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('case_tags')
    .innerJoin('cases', 'cases.id', 'case_tags.case_id')
    .select((eb) => ['case_tags.tag', eb.fn.countAll<string | number>().as('n')])
    .where('case_tags.workspace_id', '=', workspaceId)
    .where('cases.workspace_id', '=', workspaceId)
    .$if(scope !== undefined, (q) => q.where((eb) => caseInScope(eb, workspaceId, scope as CaseListScope)))
    .groupBy('case_tags.tag')
    .orderBy('n', 'desc')
    .orderBy('case_tags.tag')
    .limit(500)
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
