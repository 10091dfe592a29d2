import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from './timeline.js';

/** One entry of the workspace's record as a checkpoint covers it. */
export type AuditLeaf =
  | { kind: 'case'; id: string; events: number; head: string }
  | { kind: 'customer'; id: string; digest: string }
  | { kind: 'access_log'; entries: number; head: string };

const sha = (parts: (string | Buffer)[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/**
 * Merkle root over the leaves in a fixed order (RFC 6962 style: 0x00 before a leaf, 0x01 before a
 * node, an odd node carried up), so the root does not depend on the order rows were read in.
 */
export function merkleRoot(leaves: readonly AuditLeaf[]): string {
  const keyed = leaves.map((l) => canonicalJson(l)).sort();
  if (keyed.length === 0) return GENESIS_HASH;
  let level = keyed.map((k) => sha([Buffer.from([0]), k]));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Buffer;
      const right = level[i + 1];
      next.push(right ? sha([Buffer.from([1]), left, right]) : left);
    }
    level = next;
  }
  return (level[0] as Buffer).toString('hex');
}

/** What a checkpoint states and its signature covers. */
export type CheckpointBody = {
  format: 'defuse-checkpoint/1';
  workspaceId: string;
  seq: number;
  at: string;
  /** Hash of the previous checkpoint's body (GENESIS_HASH for the first), so checkpoints form a chain. */
  previous: string;
  root: string;
  cases: number;
  events: number;
  customers: number;
  accessLogEntries: number;
  /** The Ed25519 public key that signed it (SPKI, base64), so a copy verifies on its own. */
  publicKey: string;
};

/** A checkpoint as exported: kept elsewhere (mail, a webhook, a cron job) it pins the record's past. */
export type SignedCheckpoint = { checkpoint: CheckpointBody; signature: string };

export const checkpointHash = (body: CheckpointBody): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** The public half of an Ed25519 private key (PKCS#8 PEM), in the form checkpoints carry. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function signCheckpoint(body: CheckpointBody, privateKeyPem: string): SignedCheckpoint {
  const signature = sign(null, Buffer.from(canonicalJson(body)), createPrivateKey(privateKeyPem)).toString('base64');
  return { checkpoint: body, signature };
}

/** Whether the signature is the checkpoint's key's over exactly this body. */
export function signatureHolds(signed: SignedCheckpoint): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(signed.checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(canonicalJson(signed.checkpoint)), key, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Everything the hash of an access-log entry covers; entries chain per workspace like case events. */
export type AccessEntryContent = {
  workspaceId: string;
  seq: number;
  actorId: string | null;
  action: string;
  resource: string;
  subjectId: string | null;
  subjectLabel: string | null;
  at: string;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
};

export const hashAccessEntry = (content: AccessEntryContent): string => createHash('sha256').update(canonicalJson(content)).digest('hex');
