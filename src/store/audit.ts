import type { AuditCheckpointRow, AuditFrontierRow, Db } from './schema.js';

/** Every case's chain head in a workspace, as a checkpoint pins them. */
export function caseHeads(db: Db, workspaceId: string) {
  return db.selectFrom('cases').select(['id', 'event_count', 'last_event_hash']).where('workspace_id', '=', workspaceId).execute();
}

/** Every customer's commitment in a workspace (an erased customer keeps theirs). */
export function customerCommitments(db: Db, workspaceId: string) {
  return db.selectFrom('customers').select(['id', 'details_digest']).where('workspace_id', '=', workspaceId).execute();
}

/** Every customer row with what verification needs: details, commitment, erasure and whether the salt remains. */
export function customersForVerification(db: Db, workspaceId: string) {
  return db
    .selectFrom('customers')
    .leftJoin('personal_data_salts', 'personal_data_salts.subject_id', 'customers.id')
    .select([
      'customers.id',
      'customers.workspace_id',
      'customers.name',
      'customers.email',
      'customers.phone',
      'customers.details_digest',
      'customers.erased_at',
      'personal_data_salts.salt',
    ])
    .where('customers.workspace_id', '=', workspaceId)
    .execute();
}

/** The newest checkpoint signed at or before `at`: what the record was pinned to at that moment. */
export function checkpointAsOf(db: Db, workspaceId: string, at: string): Promise<AuditCheckpointRow | undefined> {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('at', '<=', at)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function latestCheckpoint(db: Db, workspaceId: string): Promise<AuditCheckpointRow | undefined> {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findCheckpoint(db: Db, workspaceId: string, seq: number): Promise<AuditCheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoints').selectAll().where('workspace_id', '=', workspaceId).where('seq', '=', seq).executeTakeFirst();
}

/** A workspace's checkpoints, oldest first. */
export function listCheckpoints(db: Db, workspaceId: string): Promise<AuditCheckpointRow[]> {
  return db.selectFrom('audit_checkpoints').selectAll().where('workspace_id', '=', workspaceId).orderBy('seq').execute();
}

/** Writes a checkpoint and the frontier entries that changed since the one before (its primary key refuses a second signer). */
export async function insertCheckpoint(db: Db, row: AuditCheckpointRow, frontier: AuditFrontierRow[]): Promise<void> {
  await db.insertInto('audit_checkpoints').values(row).execute();
  for (let i = 0; i < frontier.length; i += 500)
    await db
      .insertInto('audit_frontier')
      .values(frontier.slice(i, i + 500))
      .execute();
}

/** How far the checkpoint `seq` pinned each chain: the latest frontier entry per subject at or before it. */
export async function frontierAt(db: Db, workspaceId: string, seq: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('audit_frontier')
    .select(['kind', 'subject_id', 'events', 'checkpoint_seq'])
    .where('workspace_id', '=', workspaceId)
    .where('checkpoint_seq', '<=', seq)
    .orderBy('checkpoint_seq')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(`${r.kind}:${r.subject_id}`, r.events);
  return out;
}

/** The hash of one event of each case, by case id: the events `pins` names (case id → seq). */
export async function eventHashesAt(db: Db, workspaceId: string, pins: Map<string, number>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...pins.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('case_events')
      .select(['case_id', 'seq', 'hash'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb(
          eb.refTuple('case_id', 'seq'),
          'in',
          chunk.map((id) => eb.tuple(id, pins.get(id) ?? 0)),
        ),
      )
      .execute();
    for (const r of rows) out.set(r.case_id, r.hash);
  }
  return out;
}

/** The hash of the access-log entry at `seq` in a workspace's chain. */
export async function accessHashAt(db: Db, workspaceId: string, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('access_log')
    .select('hash')
    .where('workspace_id', '=', workspaceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash ?? undefined;
}

/** When a checkpoint was last mailed to this address for this workspace, if ever. */
export async function lastCheckpointMailAt(db: Db, workspaceId: string, to: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('outbox_emails')
    .select('created_at')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'audit_checkpoint')
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at;
}
