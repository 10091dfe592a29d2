import type { DeliveryOutcome } from '../email/deliver-outbox.js';
import type { Db, OutboxEmailRow } from '../store/schema.js';
import { recordSystemChange } from './case-change.js';

/**
 * Puts a reply's final delivery state (sent, or bounced with the server's reason) on its case's
 * timeline, as the system, in the transaction that records the outcome. Other mail has no case.
 */
export async function recordReplyDelivery(db: Db, email: OutboxEmailRow, outcome: DeliveryOutcome, now: Date): Promise<void> {
  if (email.case_id === null || email.workspace_id === null || email.message_id === null) return;
  const at = now.toISOString();
  const data = { messageId: email.message_id, state: outcome.state, ...(outcome.state === 'bounced' ? { error: outcome.error } : {}) };
  await recordSystemChange(db, email.workspace_id, email.case_id, {}, () => [{ kind: 'reply_delivery', actorId: null, at, data }], now);
}
