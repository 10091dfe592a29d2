import type { Kysely } from 'kysely';
import { type AccessEntryContent, hashAccessEntry } from '../domain/audit-log.js';
import { GENESIS_HASH } from '../domain/timeline.js';
import { isPostgres } from './db.js';
import { newId } from './ids.js';
import type { AccessLogRow, Db, Tables } from './schema.js';

export type NewAccessEntry = Omit<AccessLogRow, 'id' | 'seq' | 'prev_hash' | 'hash'>;

const STREAM = 'access_log';

/**
 * Appends an entry to the workspace's access-log chain: the head row is locked (PostgreSQL) or the
 * database is (SQLite) while the entry is hashed onto it, so two readers never fork the chain.
 */
export async function insertAccessLog(db: Db, entry: NewAccessEntry): Promise<void> {
  const append = async (trx: Db) => {
    await trx
      .insertInto('audit_heads')
      .values({ workspace_id: entry.workspace_id, stream: STREAM, seq: 0, head: GENESIS_HASH })
      .onConflict((oc) => oc.columns(['workspace_id', 'stream']).doNothing())
      .execute();
    const head = await trx
      .selectFrom('audit_heads')
      .select(['seq', 'head'])
      .where('workspace_id', '=', entry.workspace_id)
      .where('stream', '=', STREAM)
      .$if(isPostgres(trx), (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    const seq = head.seq + 1;
    const hash = hashAccessEntry(accessEntryContent({ ...entry, seq, prev_hash: head.head }));
    await trx
      .insertInto('access_log')
      .values({ id: newId(), ...entry, seq, prev_hash: head.head, hash })
      .execute();
    await trx
      .updateTable('audit_heads')
      .set({ seq, head: hash })
      .where('workspace_id', '=', entry.workspace_id)
      .where('stream', '=', STREAM)
      .execute();
  };
  if (db.isTransaction) await append(db);
  else await (db as Kysely<Tables>).transaction().execute(append);
}

/** What an entry's hash covers, from its row. */
export function accessEntryContent(r: NewAccessEntry & { seq: number; prev_hash: string }): AccessEntryContent {
  return {
    workspaceId: r.workspace_id,
    seq: r.seq,
    actorId: r.actor_id,
    action: r.action,
    resource: r.resource,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    at: r.at,
    ip: r.ip,
    requestId: r.request_id,
    prevHash: r.prev_hash,
  };
}

/** Newest first; `before` is the id of the last row of the previous page (UUIDv7 ids sort by time). */
export function listAccessLogRows(db: Db, workspaceId: string, limit: number, before?: string): Promise<AccessLogRow[]> {
  return db
    .selectFrom('access_log')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The whole chain in order, for verification. */
export function accessLogChain(db: Db, workspaceId: string): Promise<AccessLogRow[]> {
  return db.selectFrom('access_log').selectAll().where('workspace_id', '=', workspaceId).orderBy('seq').orderBy('id').execute();
}

/** The chain's head as the store keeps it (seq 0 and the genesis hash before the first entry). */
export async function accessLogHead(db: Db, workspaceId: string): Promise<{ seq: number; head: string }> {
  const row = await db
    .selectFrom('audit_heads')
    .select(['seq', 'head'])
    .where('workspace_id', '=', workspaceId)
    .where('stream', '=', STREAM)
    .executeTakeFirst();
  return row ?? { seq: 0, head: GENESIS_HASH };
}
