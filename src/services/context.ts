import type { Kysely } from 'kysely';
import type { Role } from '../domain/permissions.js';
import type { Db, Tables } from '../store/schema.js';

/**
 * Who is acting: every service call is scoped to the actor's workspace, and every decision about
 * what they may do reads their role, teams and (when they are also staff) their employee record.
 */
export type Actor = {
  userId: string;
  workspaceId: string;
  role: Role;
  teamIds: readonly string[];
  employeeId: string | null;
};

/** Where a request came from, for the access log. */
export type RequestOrigin = { ip: string | null; requestId: string | null };

/** What every use case receives: a connection or transaction, the actor, and the current time. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  now: Date;
  origin?: RequestOrigin;
  /** Where people reach this server, for links in the mail a use case queues (none: links are paths). */
  publicUrl?: string;
  /** The domain of per-case reply addresses and Message-IDs (DEFUSE_REPLY_DOMAIN; a placeholder when unset). */
  replyDomain?: string;
};

/** Runs fn in a transaction, reusing the caller's one when it already is one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Kysely<Tables>).transaction().execute(fn);
}
