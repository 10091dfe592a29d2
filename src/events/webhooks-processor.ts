import { formatCursor } from '../domain/domain-events.js';
import { type PayloadFacts, webhookPayload, webhookTypeOf } from '../domain/webhooks.js';
import { findCaseById, findStatement } from '../store/cases.js';
import { newId } from '../store/ids.js';
import { enabledSubscriptionRows, insertDeliveryRow } from '../store/webhooks.js';
import type { EventProcessor } from './event-processor.js';

/**
 * Turns each domain event a subscription asked for into a queued delivery, in the processor's
 * transaction, so an event is queued once per subscription; the deliver-webhooks job sends it.
 * A subscription hears of what happened after it was created, never of the history before it;
 * historical events (an imported case's past) are not sent at all.
 */
export function webhooksProcessor(publicUrl: string): EventProcessor {
  return {
    name: 'webhooks',
    startFrom: 'beginning',
    async handle(event, { db, now }) {
      const type = webhookTypeOf(event.kind);
      if (type === null || event.data.historical === true) return;
      const subscriptions = (await enabledSubscriptionRows(db, event.workspaceId)).filter(
        (s) => s.created_at <= event.at && (JSON.parse(s.event_types) as string[]).includes(type),
      );
      if (subscriptions.length === 0) return;
      const kase = event.caseId ? await findCaseById(db, event.workspaceId, event.caseId) : undefined;
      const facts: PayloadFacts = { caseRef: kase?.ref ?? null };
      if (type === 'case.statement_added' && kase && typeof event.data.statementId === 'string') {
        const statement = await findStatement(db, event.workspaceId, kase.id, event.data.statementId);
        facts.statement = statement ? { party: statement.party, body: statement.body } : null;
      }
      for (const subscription of subscriptions) {
        const payload = webhookPayload(type, event, facts, JSON.parse(subscription.scopes) as string[], publicUrl);
        await insertDeliveryRow(db, {
          id: newId(),
          workspace_id: event.workspaceId,
          subscription_id: subscription.id,
          event_key: formatCursor(event),
          event_type: type,
          payload: JSON.stringify(payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now.toISOString(),
          last_status_code: null,
          last_error: null,
          created_at: now.toISOString(),
          delivered_at: null,
          redeliver_by: null,
        });
      }
    },
  };
}
