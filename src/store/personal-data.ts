import { randomBytes } from 'node:crypto';
import { customerDigest, ERASED_CUSTOMER } from '../domain/personal-data.js';
import type { CustomerRow, Db } from './schema.js';

const SALT_BYTES = 32;
/** Salts drawn from the system's generator at a time: one call per salt costs more than the bytes (imports draw thousands). */
const SALTS_PER_DRAW = 128;
let saltPool = Buffer.alloc(0);
let saltUsed = 0;

/** A fresh random salt (256 bits); its bytes are wiped from the pool as it is handed out. */
export function drawSalt(): string {
  if (saltUsed >= saltPool.length) {
    saltPool = randomBytes(SALT_BYTES * SALTS_PER_DRAW);
    saltUsed = 0;
  }
  const salt = saltPool.toString('base64url', saltUsed, saltUsed + SALT_BYTES);
  saltPool.fill(0, saltUsed, saltUsed + SALT_BYTES);
  saltUsed += SALT_BYTES;
  return salt;
}

/** Draws a fresh salt for one person's (or one text's) commitments and keeps it apart from the chains. */
export async function newSalt(
  db: Db,
  workspaceId: string,
  subjectKind: 'customer' | 'statement' | 'customer_message',
  subjectId: string,
): Promise<string> {
  const salt = drawSalt();
  await db
    .insertInto('personal_data_salts')
    .values({ subject_id: subjectId, workspace_id: workspaceId, subject_kind: subjectKind, salt })
    .execute();
  return salt;
}

/** Salts a new customer's details and returns the commitment their row (and their first case) keeps. */
export async function commitToCustomer(
  db: Db,
  row: Pick<CustomerRow, 'id' | 'workspace_id' | 'name' | 'email' | 'phone'>,
): Promise<string> {
  return customerDigest(await newSalt(db, row.workspace_id, 'customer', row.id), row.id, row);
}

/** The salts still held for these subjects (an erased subject has none). */
export async function saltsOf(db: Db, workspaceId: string, subjectIds: readonly string[]): Promise<Map<string, string>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('personal_data_salts')
    .select(['subject_id', 'salt'])
    .where('workspace_id', '=', workspaceId)
    .where('subject_id', 'in', subjectIds)
    .execute();
  return new Map(rows.map((r) => [r.subject_id, r.salt]));
}

/**
 * Erases a customer's name and contact details: the row keeps blanks, its commitment and the time
 * of the erasure, and the salt is destroyed, so every chain and checkpoint still verifies while
 * nothing left can be matched against a guess of the details. The data-rights workflow (who asked,
 * holds, deadlines) sits above this. Returns false when there was no such customer or it was erased.
 */
export async function eraseCustomerPersonalData(db: Db, workspaceId: string, customerId: string, now: Date): Promise<boolean> {
  const done = await db
    .updateTable('customers')
    .set({ ...ERASED_CUSTOMER, erased_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', customerId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return false;
  await db.deleteFrom('personal_data_salts').where('workspace_id', '=', workspaceId).where('subject_id', '=', customerId).execute();
  return true;
}

/**
 * Erases the words and author of one statement (a customer's account, say): both are blanked and
 * the salt of their commitment destroyed, so the timeline still verifies and reports an erasure.
 * Returns false when there was no such statement or it was already erased.
 */
export async function eraseStatementText(db: Db, workspaceId: string, statementId: string): Promise<boolean> {
  const salt = await db
    .deleteFrom('personal_data_salts')
    .where('workspace_id', '=', workspaceId)
    .where('subject_id', '=', statementId)
    .where('subject_kind', '=', 'statement')
    .executeTakeFirst();
  if (Number(salt.numDeletedRows) === 0) return false;
  await db
    .updateTable('statements')
    .set({ body: '', author_name: '' })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', statementId)
    .execute();
  return true;
}

/**
 * Erases the words of every message a customer sent into this case: bodies blanked and the salts
 * of their commitments destroyed. Returns the words that were there, so the case's search index can
 * forget them too.
 */
export async function eraseCustomerMessagesOfCase(db: Db, workspaceId: string, caseId: string): Promise<string[]> {
  const messages = await db
    .selectFrom('customer_messages')
    .select(['id', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', '=', caseId)
    .where('body', '!=', '')
    .execute();
  if (messages.length === 0) return [];
  const ids = messages.map((m) => m.id);
  await db
    .deleteFrom('personal_data_salts')
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', 'customer_message')
    .where('subject_id', 'in', ids)
    .execute();
  await db.updateTable('customer_messages').set({ body: '' }).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return messages.map((m) => m.body);
}
