import { createHash } from 'node:crypto';

export const EVENT_KINDS = [
  'case_created',
  'case_updated',
  'assigned',
  'status_changed',
  'statement_added',
  'party_added',
  'note',
  'reply',
  // The resolution loop: strategy, playbook, resolution, commitments, follow-ups, closing.
  'strategy_chosen',
  'playbook_started',
  'step_done',
  'resolution_proposed',
  'resolution_decided',
  'commitment_added',
  'commitment_reminded',
  'commitment_escalated',
  'commitment_closed',
  'follow_up_scheduled',
  'follow_up_sent',
  'follow_up_answered',
  'abuse_reported',
  'sla_breached',
  'help_requested',
  'help_taken',
  // A reply email's final delivery state, and a planned follow-up cancelled when its case closed.
  'reply_delivery',
  'follow_up_cancelled',
  // The case's customer record was a duplicate, merged into the record kept (ids only: no personal data in the chain).
  'customer_merged',
  // A customer's personal data was erased: names the earlier events whose words were scrubbed, each
  // with the hash of its scrubbed content, so the chain still verifies (see services/erase-customer.ts).
  'personal_data_erased',
  // The customer wrote in after reporting (status page or email); staff revoked the customer's status link.
  'customer_message',
  'status_link_revoked',
  // A file added to the case (its SHA-256 in the event).
  'attachment_added',
  // Tags put on or taken off the case (the tags themselves, sorted).
  'tags_changed',
  // The SLA clocks stopped while the case waits on the customer, and ran again (with the due times it moved to).
  'clock_paused',
  'clock_resumed',
  // The same incident reported twice: on the duplicate, closed as merged into the case kept; on the
  // case kept, the duplicate it took in (with what came across and what stayed referenced).
  'case_merged',
  'duplicate_merged',
  // Part of a case taken into a new one (same customer): on the original, what went; on the new case, where it came from.
  'case_split',
  'split_from',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The hash of "no previous event": the first event of every case points at it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash of an event covers. */
export type EventContent = {
  workspaceId: string;
  caseId: string;
  seq: number;
  kind: EventKind;
  actorId: string | null;
  at: string;
  data: Record<string, unknown>;
  prevHash: string;
};

/**
 * JSON with object keys sorted and no whitespace (the shape of RFC 8785 for the plain values we
 * store), so the same content always hashes to the same digest on either database.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // A plain loop: every event is hashed when written and again when verified, so this runs often.
  const record = value as Record<string, unknown>;
  let body = '';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    body += `${body ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${body}}`;
}

/** SHA-256 of the event's canonical form, chaining it to the previous event through prevHash. */
export function hashEvent(content: EventContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The hash of a stored event (a row's columns) with this data: what verification recomputes. */
export function hashStoredEvent(
  e: { workspace_id: string; case_id: string; seq: number; kind: string; actor_id: string | null; at: string; prev_hash: string },
  data: Record<string, unknown>,
): string {
  return hashEvent({
    workspaceId: e.workspace_id,
    caseId: e.case_id,
    seq: e.seq,
    kind: e.kind as EventKind,
    actorId: e.actor_id,
    at: e.at,
    data,
    prevHash: e.prev_hash,
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
