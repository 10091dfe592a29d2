import type { Playbook } from '../domain/playbooks.js';
import { isPostgres } from './db.js';
import type { Db, PlaybookRow } from './schema.js';

/** Workspace playbooks: copies and revisions of the built-ins, every version kept as a JSON body. */

const toPlaybook = (row: Pick<PlaybookRow, 'body'>): Playbook => JSON.parse(row.body) as Playbook;

/** Stores one version of a workspace playbook; the (workspace, key, version) key refuses a duplicate. */
export async function insertPlaybookVersion(db: Db, workspaceId: string, playbook: Playbook, createdBy: string | null, at: string) {
  await db
    .insertInto('playbooks')
    .values({
      workspace_id: workspaceId,
      key: playbook.key,
      version: playbook.version,
      body: JSON.stringify(playbook),
      created_by: createdBy,
      created_at: at,
    })
    .execute();
}

/**
 * One version of a workspace playbook, or its latest when no version is given; `forUpdate` locks the
 * row on PostgreSQL so two revisions of the same playbook are serialised.
 */
export async function findWorkspacePlaybook(
  db: Db,
  workspaceId: string,
  key: string,
  version?: number,
  forUpdate = false,
): Promise<Playbook | undefined> {
  const row = await db
    .selectFrom('playbooks')
    .select('body')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .$if(version === undefined, (q) => q.orderBy('version', 'desc').limit(1))
    .$if(version !== undefined, (q) => q.where('version', '=', version as number))
    .$if(forUpdate && isPostgres(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toPlaybook(row) : undefined;
}

/** The latest version of every workspace playbook, by name. */
export async function listLatestWorkspacePlaybooks(db: Db, workspaceId: string): Promise<Playbook[]> {
  const rows = await db
    .selectFrom('playbooks as p')
    .select('p.body')
    .where('p.workspace_id', '=', workspaceId)
    .where(({ eb, selectFrom }) =>
      eb(
        'p.version',
        '=',
        selectFrom('playbooks as q')
          .select(({ fn }) => fn.max('q.version').as('v'))
          .whereRef('q.workspace_id', '=', 'p.workspace_id')
          .whereRef('q.key', '=', 'p.key'),
      ),
    )
    .execute();
  return rows.map(toPlaybook).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every key the workspace's playbooks use, so a copy can pick a free one. */
export async function listWorkspacePlaybookKeys(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('playbooks').select('key').distinct().where('workspace_id', '=', workspaceId).execute();
  return rows.map((r) => r.key);
}

export type StepDone = { stepKey: string; at: string; actorId: string | null; note: string | null };

/** The steps of one playbook version recorded done on a case, in the order they were done. */
export async function listStepsDone(db: Db, workspaceId: string, caseId: string, key: string, version: number): Promise<StepDone[]> {
  const rows = await db
    .selectFrom('case_events')
    .select(['at', 'actor_id', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'step_done')
    .orderBy('seq')
    .execute();
  const done: StepDone[] = [];
  for (const row of rows) {
    const data = JSON.parse(row.data) as { key?: string; version?: number; stepKey?: string; note?: string | null };
    if (data.key !== key || data.version !== version || typeof data.stepKey !== 'string') continue;
    done.push({ stepKey: data.stepKey, at: row.at, actorId: row.actor_id, note: data.note ?? null });
  }
  return done;
}
