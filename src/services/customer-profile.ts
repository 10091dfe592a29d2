import type { RiskFlag } from '../domain/case.js';
import type { CaseStatus } from '../domain/case-status.js';
import { averageSatisfaction, countThreats, isRepeatCustomer, REPEAT_WINDOW_DAYS, repeatWindowStart } from '../domain/customer-signals.js';
import { isFlagActive } from '../domain/data-rights.js';
import { notFound } from '../domain/errors.js';
import { isUnhappy } from '../domain/follow-through.js';
import { authorize } from '../domain/permissions.js';
import {
  casesOfCustomer,
  casesWithAbuseReported,
  customerAnswersOf,
  customerNames,
  findCustomerRecord,
  likelyDuplicatesOf,
  listCustomerContacts,
  mergesOfCustomer,
  openCommitmentsOf,
} from '../store/customer-records.js';
import { findCustomer } from '../store/people.js';
import type { CustomerRow, Db } from '../store/schema.js';
import { caseScopeOf, listScope, requirePermission } from './authorization.js';
import type { Actor } from './context.js';

type ReadContext = { db: Db; actor: Actor; now: Date };

export type CustomerProfile = Awaited<ReturnType<typeof profileOf>>;

/**
 * One customer as the actor may see them: signals counted over all their cases (so a repeat or a
 * threat made to another team still warns the handler), but only the cases, promises and answers of
 * cases the actor may open, and contact details only where the table lets them see those. A
 * customer the actor may not find answers 404 like one that does not exist; a duplicate merged
 * away is visible to whoever may see the customer it went into, and says where it went.
 */
export async function getCustomerProfile(ctx: ReadContext, id: string): Promise<CustomerProfile> {
  requirePermission(ctx.actor, 'read', 'customer');
  const ws = ctx.actor.workspaceId;
  const record = await findCustomerRecord(ctx.db, ws, id);
  if (!record) throw notFound('Customer');
  const live = record.merged_into_id ? await findCustomerRecord(ctx.db, ws, record.merged_into_id) : record;
  if (!live || !(await mayFind(ctx, live.id, 'customer'))) throw notFound('Customer');
  return profileOf(ctx, record, live);
}

/** Whether the actor may find this customer (or see their contact details): through a case they may read, unless the table says any. */
async function mayFind(ctx: ReadContext, customerId: string, resource: 'customer' | 'customer_contact'): Promise<boolean> {
  const scope = listScope(ctx.actor, resource);
  if (scope.all) return true;
  return (await findCustomer(ctx.db, ctx.actor.workspaceId, customerId, caseScopeOf(scope))) !== undefined;
}

async function profileOf(ctx: ReadContext, record: CustomerRow, live: CustomerRow) {
  const ws = ctx.actor.workspaceId;
  const scope = caseScopeOf(listScope(ctx.actor, 'case'));
  const [all, visible, extraContacts, merges, seesContact] = await Promise.all([
    casesOfCustomer(ctx.db, ws, record.id),
    casesOfCustomer(ctx.db, ws, record.id, scope),
    listCustomerContacts(ctx.db, ws, record.id),
    mergesOfCustomer(ctx.db, ws, record.id),
    mayFind(ctx, live.id, 'customer_contact'),
  ]);
  const mayMerge = record.merged_into_id === null && authorize(ctx.actor, 'update', 'customer');
  // Only those who may merge are shown look-alikes: to anyone else they would be customers they cannot find.
  const duplicates = mayMerge ? await likelyDuplicatesOf(ctx.db, ws, record) : [];
  const allIds = all.map((c) => c.id);
  const [commitments, answers, abused] = await Promise.all([
    openCommitmentsOf(ctx.db, ws, allIds),
    customerAnswersOf(ctx.db, ws, allIds),
    casesWithAbuseReported(ctx.db, ws, allIds),
  ]);
  const refOf = new Map(all.map((c) => [c.id, c.ref]));
  const visibleIds = new Set(visible.map((c) => c.id));
  const since = repeatWindowStart(ctx.now);
  const recent = all.filter((c) => c.reported_at >= since).length;
  const now = ctx.now.toISOString();
  const scores = answers.map((a) => a.satisfaction as number);
  const names = await customerNames(ctx.db, ws, [
    ...new Set(merges.flatMap((m) => [m.from_customer_id, m.into_customer_id]).concat(record.merged_into_id ?? [])),
  ]);
  const named = (id: string) => ({ id, name: names.get(id) ?? '' });
  // A tombstone's details live on in the kept record; it shows none itself.
  const contacts =
    seesContact && !record.merged_into_id
      ? [
          ...(record.email ? [{ kind: 'email' as const, value: record.email, fromCustomerId: null }] : []),
          ...(record.phone ? [{ kind: 'phone' as const, value: record.phone, fromCustomerId: null }] : []),
          ...extraContacts.map((c) => ({ kind: c.kind, value: c.value, fromCustomerId: c.from_customer_id })),
        ]
      : [];
  return {
    id: record.id,
    name: record.name,
    createdAt: record.created_at,
    mergedInto: record.merged_into_id ? { ...named(record.merged_into_id), at: record.merged_at ?? record.created_at } : null,
    contactHidden: !seesContact,
    contacts,
    signals: {
      cases: { total: all.length, recent, windowDays: REPEAT_WINDOW_DAYS, repeat: isRepeatCustomer(recent) },
      threats: countThreats(all.map((c) => JSON.parse(c.risk_flags) as RiskFlag[])),
      abuse: {
        flagged: isFlagActive(record.flagged_at, record.flag_expires_at, ctx.now),
        flaggedAt: record.flagged_at,
        expiresAt: record.flag_expires_at,
        reason: record.flag_reason,
        reports: abused.size,
      },
      openCommitments: { count: commitments.length, overdue: commitments.filter((c) => c.due_at < now).length },
      satisfaction: {
        answers: scores.length,
        average: averageSatisfaction(scores),
        latest: scores[0] ?? null,
        unhappy: scores.filter(isUnhappy).length,
      },
    },
    cases: visible.map((c) => ({
      ref: c.ref,
      title: c.title,
      status: c.status as CaseStatus,
      severity: c.severity,
      reportedAt: c.reported_at,
      riskFlags: JSON.parse(c.risk_flags) as RiskFlag[],
    })),
    otherCases: all.length - visible.length,
    openCommitments: commitments
      .filter((c) => visibleIds.has(c.case_id))
      .map((c) => ({
        id: c.id,
        caseRef: refOf.get(c.case_id) ?? '',
        text: c.text,
        ownerId: c.owner_id,
        dueAt: c.due_at,
        overdue: c.due_at < now,
      })),
    satisfaction: answers
      .filter((a) => visibleIds.has(a.case_id))
      .map((a) => ({ caseRef: refOf.get(a.case_id) ?? '', satisfaction: a.satisfaction as number, answeredAt: a.answered_at as string })),
    merges: merges.map((m) => ({
      id: m.id,
      from: named(m.from_customer_id),
      into: named(m.into_customer_id),
      mergedBy: m.merged_by,
      mergedAt: m.merged_at,
      caseCount: (JSON.parse(m.case_ids) as string[]).length,
    })),
    possibleDuplicates: duplicates.map((d) => ({ id: d.id, name: d.name })),
    can: { merge: mayMerge },
  };
}
