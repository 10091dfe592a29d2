import { commitTo } from '../domain/personal-data.js';
import { insertCustomerMessage } from '../store/customer-messages.js';
import { newId } from '../store/ids.js';
import { newSalt } from '../store/personal-data.js';
import type { CaseRow, CustomerMessageRow, Db } from '../store/schema.js';
import { applyCaseChange } from './case-change.js';
import { resumeChange } from './case-clocks.js';

/** Where a customer's message came from. */
export type CustomerMessageVia = 'web' | 'email';

/**
 * Puts what the customer wrote on their case (held locked by the caller): the words are kept beside
 * the timeline, which gets a `customer_message` event with a salted commitment to them (as for
 * statements), so the record shows they arrived and that nobody changed them, while erasing the
 * customer can still forget them.
 */
export async function recordCustomerMessage(
  db: Db,
  kase: CaseRow,
  message: { via: CustomerMessageVia; body: string; inboundEmailId?: string | undefined },
  now: Date,
): Promise<CustomerMessageRow> {
  const row: CustomerMessageRow = {
    id: newId(),
    workspace_id: kase.workspace_id,
    case_id: kase.id,
    via: message.via,
    body: message.body,
    received_at: now.toISOString(),
    inbound_email_id: message.inboundEmailId ?? null,
  };
  await insertCustomerMessage(db, row);
  const salt = await newSalt(db, kase.workspace_id, 'customer_message', row.id);
  // The customer answered: a case waiting on them is no longer waiting, so its clocks run again.
  const resumed = kase.clock_paused_at !== null ? await resumeChange(db, kase, row.received_at, null, 'customer_replied') : null;
  await applyCaseChange(
    db,
    kase,
    { ...resumed?.patch, search_text: `${kase.search_text}\n${row.body}` },
    [
      ...(resumed ? [resumed.event] : []),
      {
        kind: 'customer_message',
        actorId: null,
        at: row.received_at,
        data: { messageId: row.id, via: row.via, textCommitment: commitTo(salt, { body: row.body }) },
      },
    ],
    now,
  );
  return row;
}
