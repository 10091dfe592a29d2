import type { Actor } from '../services/context.js';
import { recordReply } from '../services/record-reply.js';
import { recordReplyDelivery } from '../services/reply-delivery.js';
import { findEmailByMessageId, markEmailSent } from '../store/outbox.js';
import type { Db } from '../store/schema.js';
import type { Random } from './random.js';

/**
 * Replies the handlers sent to customers, from careful to careless, so the coaching report and the
 * coach's scores have something real to show. Written for the demo; {first} is the customer's first name.
 */
const REPLIES: readonly string[] = [
  "Hi {first}, I'm sorry this has dragged on. So the refund you were promised never arrived. I've put it through today and I'll call you tomorrow at 11am to confirm it has landed. Thank you for your patience.",
  '{first}, thank you for telling us. If I understand correctly, you were turned away at the till without an explanation. That should not have happened. Could you tell me which day suits you for us to sort out the exchange?',
  "I completely understand why you're upset, {first}. I've spoken with the team and we will replace the jacket at no cost. I'll send the tracking number by Friday.",
  'Sorry for the trouble. We are looking into it.',
  "As per policy section 4.2 the SKU is non-returnable after the RMA window. There's nothing I can do.",
  'Please calm down. That is not my department, you will need to contact the store directly.',
  "Hello {first}, I'm sorry you had to wait so long on the phone. What would make this right for you? I can offer a refund or a replacement, whichever you prefer, and I'll confirm by email today.",
  'YOU SHOULD HAVE KEPT THE RECEIPT. We cannot help without it.',
];

export type ReplyTarget = { ref: string; customerName: string; handler: Actor; at: Date };

/**
 * Records one reply on each target case, as its handler, scored by the coach like any reply sent
 * through the app; a reply emailed to the customer is marked sent a minute later, as the outbox would.
 */
export async function playReplies(db: Db, random: Random, targets: readonly ReplyTarget[]): Promise<void> {
  for (const target of targets) {
    const first = target.customerName.split(' ')[0] ?? target.customerName;
    const body = random.pick(REPLIES).replaceAll('{first}', first);
    const { event } = await recordReply({ db, actor: target.handler, now: target.at }, target.ref, { body });
    const messageId = (event.data.delivery as { messageId?: string } | undefined)?.messageId;
    const email = messageId ? await findEmailByMessageId(db, messageId) : undefined;
    if (!email) continue;
    const sentAt = new Date(target.at.getTime() + 60_000);
    await markEmailSent(db, email.id, sentAt);
    await recordReplyDelivery(db, email, { state: 'sent' }, sentAt);
  }
}
