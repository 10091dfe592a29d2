import type { Actor } from '../services/context.js';
import { createCase } from '../services/create-case.js';
import { mergeCase } from '../services/merge-cases.js';
import { listCases } from '../services/read-cases.js';
import { splitCase } from '../services/split-case.js';
import { listCaseMessages } from '../services/status-page.js';
import type { Db } from '../store/schema.js';

/**
 * The stores' supervisor tidies the inbox: a customer who rang about a visit already reported gets
 * one case (the second report merged into the first), and a complaint that held a second matter is
 * split in two.
 */
export async function playDemoMergeAndSplit(db: Db, supervisor: Actor, now: Date): Promise<void> {
  const ctx = { db, actor: supervisor, now };
  const open = await listCases(ctx, { status: ['acknowledged', 'investigating', 'resolving'], limit: 30 });
  const withCustomer = open.items.filter((c) => c.customerId !== null && c.teamId !== null);
  const [kept, second] = withCustomer;
  if (kept) {
    const again = await createCase(ctx, {
      title: `${kept.title} (rang again)`,
      summary: 'The customer rang the store line about the same visit, not knowing it had already been reported.',
      channel: 'phone',
      severity: kept.severity,
      customerState: kept.customerState,
      teamId: kept.teamId,
      customerId: kept.customerId,
    });
    await mergeCase(ctx, again.ref, { intoRef: kept.ref, reason: 'Same visit, reported again by phone the next morning' });
  }
  if (second) {
    const messages = await listCaseMessages(ctx, second.ref);
    await splitCase(ctx, second.ref, {
      title: 'Parking charge on the same visit',
      summary: 'While complaining, the customer also disputed a parking charge from that day: a separate matter for the car park.',
      messageIds: messages.slice(-1).map((m) => m.id),
      reason: 'A second matter with its own owner',
    });
  }
}
