import type { DomainEvent } from './domain-events.js';

/**
 * Webhooks: which domain events go out under which type, what a payload may carry, and the retry
 * policy (signing is in webhook-signature.ts; this file is also read by the web app's types).
 */

/** The event types a subscription can ask for, from the domain event kinds that feed them. */
export const WEBHOOK_EVENTS = [
  { type: 'case.created', source: 'case_created', description: 'A case was opened.' },
  { type: 'case.updated', source: 'case_updated', description: 'A case’s title, severity, team or other facts changed.' },
  { type: 'case.assigned', source: 'assigned', description: 'A case got a new handler (or none).' },
  { type: 'case.status_changed', source: 'status_changed', description: 'A case moved to another status; `from` and `to` say which.' },
  { type: 'case.statement_added', source: 'statement_added', description: 'A party’s statement was added to a case.' },
  { type: 'case.sla_breached', source: 'sla_breached', description: 'A case missed its acknowledge or resolve deadline.' },
  { type: 'resolution.decided', source: 'resolution_decided', description: 'A proposed resolution was approved or turned down.' },
  { type: 'commitment.due', source: 'commitment_reminded', description: 'A promise to the customer is due soon (its owner was reminded).' },
  { type: 'commitment.broken', source: 'commitment_escalated', description: 'A promise to the customer passed its due time unkept.' },
  { type: 'follow_up.answered', source: 'follow_up_answered', description: 'The customer or an employee answered a follow-up.' },
  { type: 'review.opened', source: 'review_opened', description: 'HR opened a review of an employee.' },
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]['type'];
export const WEBHOOK_EVENT_TYPES = WEBHOOK_EVENTS.map((e) => e.type) as [WebhookEventType, ...WebhookEventType[]];

/**
 * What a payload may carry beyond ids, kind, time and a link. Each is granted by an admin on the
 * subscription; without it the payload stays thin.
 */
export const WEBHOOK_SCOPES = [
  { scope: 'statements', description: 'A statement’s party and words on case.statement_added.' },
  { scope: 'hr', description: 'The employee a review is about on review.opened (HR data).' },
] as const;
export type WebhookScope = (typeof WEBHOOK_SCOPES)[number]['scope'];
export const WEBHOOK_SCOPE_NAMES = WEBHOOK_SCOPES.map((s) => s.scope) as [WebhookScope, ...WebhookScope[]];

/** The webhook type a domain event goes out as, if any. */
export function webhookTypeOf(kind: string): WebhookEventType | null {
  return WEBHOOK_EVENTS.find((e) => e.source === kind)?.type ?? null;
}

/** Tries per delivery: the first and up to seven retries. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
/** Wait after the first failed try; each next one waits twice as long (30 s … 64 min, about 2 h in all). */
export const WEBHOOK_BACKOFF_SECONDS = 30;
/** Failed attempts in a row (across deliveries) after which a subscription is disabled. */
export const WEBHOOK_DISABLE_AFTER_FAILURES = 15;
/** How long the delivery log keeps a delivery and its attempts. */
export const WEBHOOK_LOG_DAYS = 30;
/** Default and longest overlap during which a rotated-out secret still signs. */
export const WEBHOOK_ROTATION_OVERLAP_MINUTES = 24 * 60;
export const WEBHOOK_MAX_OVERLAP_MINUTES = 7 * 24 * 60;

/** When the next try is due after `attempts` failed ones, or null when the delivery is given up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + WEBHOOK_BACKOFF_SECONDS * 1000 * 2 ** (attempts - 1));
}

/** Facts a payload is built from, read by the processor. */
export type PayloadFacts = {
  caseRef: string | null;
  statement?: { party: string; body: string } | null;
};

/**
 * The JSON body of one delivery, in the Standard Webhooks shape `{ type, timestamp, data }`. Thin by
 * default: the event's id, kind, time, the record's ids and a link for the receiver to fetch what it
 * may see through the API; statements and HR data only under a granted scope.
 */
export function webhookPayload(
  type: WebhookEventType,
  event: DomainEvent,
  facts: PayloadFacts,
  scopes: readonly string[],
  publicUrl: string,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    eventId: `${event.tx}-${event.position}`,
    kind: type,
    occurredAt: event.at,
  };
  if (event.caseId) {
    data.caseId = event.caseId;
    data.caseRef = facts.caseRef;
    data.link = facts.caseRef ? `${publicUrl}/api/v1/cases/${facts.caseRef}` : null;
  }
  const d = event.data;
  if (type === 'case.status_changed') Object.assign(data, { from: d.from ?? null, to: d.to ?? null });
  if (type === 'case.statement_added') {
    data.statementId = d.statementId ?? null;
    if (scopes.includes('statements') && facts.statement) data.statement = facts.statement;
  }
  if (type === 'commitment.due' || type === 'commitment.broken')
    Object.assign(data, { commitmentId: d.id ?? null, dueAt: d.dueAt ?? null });
  if (type === 'follow_up.answered') Object.assign(data, { followUpId: d.id ?? null, party: d.party ?? null });
  if (type === 'resolution.decided') data.decision = d.decision ?? null;
  if (type === 'review.opened') {
    data.reviewId = d.reviewId ?? null;
    data.link = `${publicUrl}/api/v1/reviews/${String(d.reviewId)}`;
    if (scopes.includes('hr')) data.employeeId = d.employeeId ?? null;
  }
  return { type, timestamp: event.at, data };
}
