import {
  type AuditLeaf,
  type CheckpointBody,
  checkpointHash,
  merkleRoot,
  publicKeyOf,
  type SignedCheckpoint,
  signatureHolds,
  signCheckpoint,
} from '../domain/audit-log.js';
import { GENESIS_HASH } from '../domain/timeline.js';
import { accessLogHead } from '../store/access-log.js';
import {
  accessHashAt,
  caseHeads,
  customerCommitments,
  eventHashesAt,
  findCheckpoint,
  frontierAt,
  insertCheckpoint,
  lastCheckpointMailAt,
  latestCheckpoint,
} from '../store/audit.js';
import { queueEmail } from '../store/outbox.js';
import type { AuditCheckpointRow, AuditFrontierRow, Db } from '../store/schema.js';
import { findWorkspace, listUsers } from '../store/workspaces.js';
import { inTransaction } from './context.js';
import { checkpointEmail } from './emails/audit-emails.js';

export const toSigned = (row: AuditCheckpointRow): SignedCheckpoint => ({
  checkpoint: JSON.parse(row.body) as CheckpointBody,
  signature: row.signature,
});

/**
 * Signs a checkpoint of a workspace's whole record when it grew since the last one: a Merkle root
 * over every case's chain head, every customer's commitment and the access log's head. Only what
 * changed is written to the frontier, and the work is per checkpoint, never per write. Mails a copy
 * to the admins in the same transaction (at most one a day each). Returns null when nothing changed; throws, signing nothing,
 * when the record no longer holds what the previous checkpoint pinned.
 */
export function signWorkspaceCheckpoint(db: Db, workspaceId: string, privateKeyPem: string, now: Date): Promise<SignedCheckpoint | null> {
  return inTransaction(db, async (trx) => {
    const previous = await latestCheckpoint(trx, workspaceId);
    // A new checkpoint must extend the last one: a record that shrank or changed is not signed over.
    const broken = previous ? await checkpointProblem(trx, toSigned(previous)) : null;
    if (broken) throw new Error(`Not signing a checkpoint: ${broken}`);
    const pinned = previous ? await frontierAt(trx, workspaceId, previous.seq) : new Map<string, number>();
    const seq = (previous?.seq ?? 0) + 1;
    const [cases, customers, access] = await Promise.all([
      caseHeads(trx, workspaceId),
      customerCommitments(trx, workspaceId),
      accessLogHead(trx, workspaceId),
    ]);
    const leaves: AuditLeaf[] = [];
    const frontier: AuditFrontierRow[] = [];
    const pin = (kind: string, subjectId: string, events: number) => {
      if (pinned.get(`${kind}:${subjectId}`) !== events)
        frontier.push({ workspace_id: workspaceId, kind, subject_id: subjectId, checkpoint_seq: seq, events });
    };
    let events = 0;
    for (const c of cases) {
      leaves.push({ kind: 'case', id: c.id, events: c.event_count, head: c.last_event_hash });
      pin('case', c.id, c.event_count);
      events += c.event_count;
    }
    for (const c of customers) {
      leaves.push({ kind: 'customer', id: c.id, digest: c.details_digest ?? '' });
      pin('customer', c.id, 0);
    }
    leaves.push({ kind: 'access_log', entries: access.seq, head: access.head });
    pin('access_log', workspaceId, access.seq);
    if (previous && frontier.length === 0) return null;
    const body: CheckpointBody = {
      format: 'defuse-checkpoint/1',
      workspaceId,
      seq,
      at: now.toISOString(),
      previous: previous?.hash ?? GENESIS_HASH,
      root: merkleRoot(leaves),
      cases: cases.length,
      events,
      customers: customers.length,
      accessLogEntries: access.seq,
      publicKey: publicKeyOf(privateKeyPem),
    };
    const signed = signCheckpoint(body, privateKeyPem);
    await insertCheckpoint(
      trx,
      { workspace_id: workspaceId, seq, at: body.at, body: JSON.stringify(body), hash: checkpointHash(body), signature: signed.signature },
      frontier,
    );
    await mailToAdmins(trx, workspaceId, signed, now);
    return signed;
  });
}

/** A checkpoint reaches each admin's mailbox at most once a day; the API serves every one. */
export const CHECKPOINT_MAIL_EVERY_MS = 24 * 3600 * 1000;

async function mailToAdmins(db: Db, workspaceId: string, signed: SignedCheckpoint, now: Date): Promise<void> {
  const workspace = await findWorkspace(db, workspaceId);
  const admins = (await listUsers(db, workspaceId)).filter((u) => u.role === 'admin' && u.deactivated_at === null);
  const mail = checkpointEmail({ workspace: workspace?.name ?? 'your workspace', signed });
  for (const a of admins) {
    const last = await lastCheckpointMailAt(db, workspaceId, a.email);
    if (last && now.getTime() - Date.parse(last) < CHECKPOINT_MAIL_EVERY_MS) continue;
    await queueEmail(db, { workspaceId, kind: 'audit_checkpoint', to: a.email, ...mail }, now);
  }
}

/**
 * Signs a checkpoint for every workspace whose record grew, each in its own transaction; the job's
 * one pass. A workspace whose record no longer holds its last checkpoint is refused and named.
 */
export async function signDueCheckpoints(db: Db, privateKeyPem: string, now: Date): Promise<{ signed: number; refused: string[] }> {
  const workspaces = await db.selectFrom('workspaces').select('id').orderBy('id').execute();
  const out = { signed: 0, refused: [] as string[] };
  for (const w of workspaces) {
    try {
      if (await signWorkspaceCheckpoint(db, w.id, privateKeyPem, now)) out.signed += 1;
    } catch (error) {
      out.refused.push(`${w.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}

/**
 * Checks a checkpoint against the database as it is now: its signature, that the database still
 * holds the same checkpoint, and that the record it pinned is still there unchanged — every case it
 * covered still has the events it had, ending in the same hash, every customer the same commitment,
 * and the access log the same entries. Returns the first problem, or null: the record only grew.
 */
export async function checkpointProblem(db: Db, signed: SignedCheckpoint): Promise<string | null> {
  const body = signed.checkpoint;
  const name = `checkpoint #${body.seq} of ${body.at}`;
  if (!signatureHolds(signed)) return `${name}: its signature does not hold (the copy was altered)`;
  const stored = await findCheckpoint(db, body.workspaceId, body.seq);
  if (!stored) return `${name}: the database no longer holds it (checkpoints were removed)`;
  if (stored.hash !== checkpointHash(body)) return `${name}: the database holds a different checkpoint under its number (it was rewritten)`;
  const leaves = await leavesAt(db, body.workspaceId, body.seq);
  const cases = leaves.filter((l) => l.kind === 'case').length;
  if (cases !== body.cases)
    return `${name}: it covered ${body.cases} cases and ${cases} of them still hold the events it pinned (cases were removed or cut short)`;
  const customers = leaves.filter((l) => l.kind === 'customer').length;
  if (customers !== body.customers) return `${name}: it covered ${body.customers} customers and ${customers} of them remain`;
  if (merkleRoot(leaves) !== body.root) return `${name}: the record it covers was changed since (its root no longer matches)`;
  return null;
}

/** The leaves of checkpoint `seq` rebuilt from what the database holds now. */
async function leavesAt(db: Db, workspaceId: string, seq: number): Promise<AuditLeaf[]> {
  const frontier = await frontierAt(db, workspaceId, seq);
  const casePins = new Map<string, number>();
  const customerIds = new Set<string>();
  let accessEntries = 0;
  for (const [key, events] of frontier) {
    const [kind, id] = key.split(':') as [string, string];
    if (kind === 'case') casePins.set(id, events);
    else if (kind === 'customer') customerIds.add(id);
    else if (kind === 'access_log') accessEntries = events;
  }
  const [hashes, customers] = await Promise.all([eventHashesAt(db, workspaceId, casePins), customerCommitments(db, workspaceId)]);
  const leaves: AuditLeaf[] = [];
  for (const [id, events] of casePins) {
    const head = hashes.get(id);
    if (head) leaves.push({ kind: 'case', id, events, head });
  }
  for (const c of customers) if (customerIds.has(c.id)) leaves.push({ kind: 'customer', id: c.id, digest: c.details_digest ?? '' });
  const accessHead = accessEntries === 0 ? GENESIS_HASH : ((await accessHashAt(db, workspaceId, accessEntries)) ?? '');
  leaves.push({ kind: 'access_log', entries: accessEntries, head: accessHead });
  return leaves;
}

/** The checkpoints a database holds, oldest first, must each be signed and each name the one before. */
export function checkpointChainProblem(rows: AuditCheckpointRow[]): string | null {
  let previous = GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const signed = toSigned(row);
    if (row.seq !== i + 1) return `checkpoint #${i + 1} is missing`;
    if (!signatureHolds(signed) || checkpointHash(signed.checkpoint) !== row.hash)
      return `checkpoint #${row.seq}: its signature or hash does not hold`;
    if (signed.checkpoint.previous !== previous || signed.checkpoint.seq !== row.seq)
      return `checkpoint #${row.seq} does not follow the one before it`;
    previous = row.hash;
  }
  return null;
}
