import type { CasePartyRow, CustomerRow, Db, ResolutionRow } from './schema.js';

/** The rows beside a case's chain that its timeline must account for: parties, resolution, customer. */
export async function caseFactsBeside(
  db: Db,
  workspaceId: string,
  caseId: string,
  customerId: string | null,
): Promise<{ parties: CasePartyRow[]; resolution: ResolutionRow | undefined; customer: CustomerRow | undefined }> {
  const [parties, resolution, customer] = await Promise.all([
    db.selectFrom('case_parties').selectAll().where('workspace_id', '=', workspaceId).where('case_id', '=', caseId).execute(),
    db.selectFrom('resolutions').selectAll().where('workspace_id', '=', workspaceId).where('case_id', '=', caseId).executeTakeFirst(),
    customerId
      ? db.selectFrom('customers').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', customerId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { parties, resolution, customer };
}
