import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashAccessEntry } from '../../domain/audit-log.js';
import { customerDigest } from '../../domain/personal-data.js';
import { GENESIS_HASH } from '../../domain/timeline.js';

type AccessRow = {
  id: string;
  workspace_id: string;
  actor_id: string | null;
  action: string;
  resource: string;
  subject_id: string | null;
  subject_label: string | null;
  at: string | Date;
  ip: string | null;
  request_id: string | null;
};
type CustomerRow = { id: string; workspace_id: string; name: string; email: string | null; phone: string | null };

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);

/**
 * Brings a database made before tamper evidence up to it: chains each workspace's access log in the
 * order it was written (ids are time-ordered), and commits to every customer's details with a fresh
 * salt. Nothing proves what happened before this upgrade beyond what the case chains already did; the
 * first signed checkpoint after it pins the record from then on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const access = await sql<AccessRow>`select id, workspace_id, actor_id, action, resource, subject_id, subject_label, at, ip, request_id
    from access_log order by workspace_id, id`.execute(db);
  const heads = new Map<string, { seq: number; head: string }>();
  for (const r of access.rows) {
    const prev = heads.get(r.workspace_id) ?? { seq: 0, head: GENESIS_HASH };
    const seq = prev.seq + 1;
    const hash = hashAccessEntry({
      workspaceId: r.workspace_id,
      seq,
      actorId: r.actor_id,
      action: r.action,
      resource: r.resource,
      subjectId: r.subject_id,
      subjectLabel: r.subject_label,
      at: iso(r.at),
      ip: r.ip,
      requestId: r.request_id,
      prevHash: prev.head,
    });
    await sql`update access_log set seq = ${seq}, prev_hash = ${prev.head}, hash = ${hash} where id = ${r.id}`.execute(db);
    heads.set(r.workspace_id, { seq, head: hash });
  }
  for (const [workspaceId, h] of heads)
    await sql`insert into audit_heads (workspace_id, stream, seq, head) values (${workspaceId}, 'access_log', ${h.seq}, ${h.head})`.execute(
      db,
    );
  await sql`create unique index access_log_chain on access_log (workspace_id, seq)`.execute(db);

  const customers = await sql<CustomerRow>`select id, workspace_id, name, email, phone from customers`.execute(db);
  for (const c of customers.rows) {
    const salt = randomBytes(32).toString('base64url');
    await sql`insert into personal_data_salts (subject_id, workspace_id, subject_kind, salt) values (${c.id}, ${c.workspace_id}, 'customer', ${salt})`.execute(
      db,
    );
    await sql`update customers set details_digest = ${customerDigest(salt, c.id, c)} where id = ${c.id}`.execute(db);
  }
}
