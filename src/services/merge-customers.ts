import { AppError, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { lockCaseById } from '../store/cases.js';
import {
  casesOfCustomer,
  findCustomerRecord,
  insertCustomerContacts,
  insertCustomerMerge,
  listCustomerContacts,
  moveCustomerContacts,
  repointTombstones,
  updateCustomerRow,
} from '../store/customer-records.js';
import { newId } from '../store/ids.js';
import type { CustomerContactRow, CustomerRow, Db } from '../store/schema.js';
import { applyCaseChange } from './case-change.js';
import { inTransaction, type ServiceContext } from './context.js';
import { type CustomerProfile, getCustomerProfile } from './customer-profile.js';

/**
 * Merges a duplicate customer into the one to keep. The duplicate's cases move over, each with a
 * `customer_merged` event on its own timeline (history is added to, never rewritten; the event names
 * the records by id only, so no personal data enters the hash chain); contact details the kept
 * record lacks are carried over, the rest become its further contacts; an abuse flag goes with them.
 * The duplicate stays as a tombstone that names the kept record. All in one transaction: a refused
 * merge changes nothing.
 */
export async function mergeCustomers(ctx: ServiceContext, fromId: string, intoId: string): Promise<CustomerProfile> {
  // Worded for people: the gate before any record is read is the same row of the table.
  if (!authorize(ctx.actor, 'update', 'customer'))
    throw new AppError('forbidden', `The ${ctx.actor.role} role may not merge customer records; ask a supervisor or an admin`);
  if (fromId === intoId)
    throw new AppError('validation', 'intoId: a customer cannot be merged into itself; name the record to keep', [
      { path: 'intoId', message: 'must be another customer' },
    ]);
  await inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const from = await findCustomerRecord(db, ws, fromId, true);
    if (!from) throw notFound('Customer');
    const into = await findCustomerRecord(db, ws, intoId, true);
    if (!into)
      throw new AppError('validation', 'intoId: no such customer in this workspace', [
        { path: 'intoId', message: 'no such customer in this workspace' },
      ]);
    if (from.merged_into_id)
      throw new AppError('conflict', `${from.name} was already merged into another customer record; open that record instead`);
    if (into.merged_into_id)
      throw new AppError('conflict', `${into.name} was itself merged into another customer record; merge into that record instead`);
    const mergeId = newId();
    const at = ctx.now.toISOString();
    const moved = await moveCases(db, ctx, from, into, mergeId, at);
    await carryContacts(db, ws, from, into, ctx.now);
    // The tombstone keeps its committed details (blanking them would read as tampering); they are
    // shown nowhere and go with the customer when their data is erased.
    await updateCustomerRow(db, ws, from.id, {
      merged_into_id: into.id,
      merged_at: at,
      flagged_at: null,
      flag_reason: null,
      flag_expires_at: null,
    });
    await repointTombstones(db, ws, from.id, into.id);
    await insertCustomerMerge(db, {
      workspace_id: ws,
      from_customer_id: from.id,
      into_customer_id: into.id,
      merged_by: ctx.actor.userId,
      merged_at: at,
      case_ids: JSON.stringify(moved),
    });
  });
  return getCustomerProfile(ctx, intoId);
}

/** Points each of the duplicate's cases at the kept record, through the one writer of case changes. */
async function moveCases(
  db: Db,
  ctx: ServiceContext,
  from: CustomerRow,
  into: CustomerRow,
  mergeId: string,
  at: string,
): Promise<string[]> {
  const ws = ctx.actor.workspaceId;
  const cases = await casesOfCustomer(db, ws, from.id);
  for (const c of cases) {
    const row = await lockCaseById(db, ws, c.id);
    if (!row) continue;
    await applyCaseChange(
      db,
      row,
      { customer_id: into.id },
      // Ids and the kept record's commitment only: no personal data enters the chain, and verify
      // checks the case's customer against the record it now points at.
      [
        {
          kind: 'customer_merged',
          actorId: ctx.actor.userId,
          at,
          data: { fromCustomerId: from.id, intoCustomerId: into.id, mergeId, customerDigest: into.details_digest },
        },
      ],
      ctx.now,
    );
  }
  return cases.map((c) => c.id);
}

const same = (kind: 'email' | 'phone', a: string, b: string) =>
  kind === 'email' ? a.toLowerCase() === b.toLowerCase() : a.replace(/\D/g, '') === b.replace(/\D/g, '');

/**
 * Every contact of the duplicate that the kept record does not already know becomes one of its further
 * contacts; the kept record's own name, email and phone stay as they are, since they are what its
 * cases committed to. The abuse flag moves
 * when the kept record has none or an older one.
 */
async function carryContacts(db: Db, ws: string, from: CustomerRow, into: CustomerRow, now: Date): Promise<void> {
  const known = await listCustomerContacts(db, ws, into.id);
  const patch: Partial<CustomerRow> = {};
  const extra: Omit<CustomerContactRow, 'id' | 'created_at'>[] = [];
  for (const kind of ['email', 'phone'] as const) {
    const value = from[kind];
    if (!value) continue;
    const mine = into[kind];
    if ((!mine || !same(kind, mine, value)) && !known.some((k) => k.kind === kind && same(kind, k.value, value)))
      extra.push({ workspace_id: ws, customer_id: into.id, kind, value, from_customer_id: from.id });
  }
  if (from.flagged_at && (!into.flagged_at || from.flagged_at > into.flagged_at)) {
    patch.flagged_at = from.flagged_at;
    patch.flag_reason = from.flag_reason;
    patch.flag_expires_at = from.flag_expires_at;
  }
  if (Object.keys(patch).length > 0) await updateCustomerRow(db, ws, into.id, patch);
  await moveCustomerContacts(db, ws, from.id, into.id);
  await insertCustomerContacts(db, extra, now);
}
