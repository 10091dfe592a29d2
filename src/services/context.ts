import type { Kysely } from 'kysely';
import type { Db, Tables } from '../store/schema.js';

/** Who is acting: every service call is scoped to the actor's workspace. */
export type Actor = { userId: string; workspaceId: string; role: string };

/** What every use case receives: a connection or transaction, the actor, and the current time. */
export type ServiceContext = { db: Db; actor: Actor; now: Date };

/** Runs fn in a transaction, reusing the caller's one when it already is one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Kysely<Tables>).transaction().execute(fn);
}
