import { ERASED_MENTION, type Hold, mentionScrubber, refuseWhileHeld, scrubValue } from '../domain/data-rights.js';
import { AppError, notFound } from '../domain/errors.js';
import { commitTo } from '../domain/personal-data.js';
import { canonicalJson, sha256 } from '../domain/timeline.js';
import { deleteAttachmentBytes } from '../store/attachments.js';
import { listAllEventRows, lockCaseById, statementsById } from '../store/cases.js';
import { casesOfCustomer, findCustomerRecord, listCustomerContacts } from '../store/customer-records.js';
import { casesCountedByOpenReviews, holdsInForceOver } from '../store/data-rights.js';
import {
  deleteContactsOf,
  eraseCustomerAttachments,
  eraseReceivedMailFiles,
  purgeReplacedSearchWords,
  rewriteStatement,
  type StoredFile,
  scrubCaseRows,
  scrubCaseWords,
  scrubDerived,
  scrubMail,
} from '../store/erasure.js';
import { newId } from '../store/ids.js';
import { drawSalt, eraseCustomerMessagesOfCase, eraseCustomerPersonalData, eraseStatementText } from '../store/personal-data.js';
import type { CaseRow, CustomerRow, Db, StatementRow } from '../store/schema.js';
import { recordAccess } from './access-log.js';
import { statementText } from './add-statement.js';
import { requirePermission } from './authorization.js';
import { applyErasure, type ScrubbedEvent } from './case-change.js';
import { inTransaction, type ServiceContext } from './context.js';

export type ErasureResult = {
  erasureId: string;
  customerId: string;
  cases: number;
  /** Timeline events whose words mentioned the customer, now scrubbed. */
  eventsScrubbed: number;
  /** The customer's own statements, whose words and author were erased. */
  statementsErased: number;
  /** Other rows that carried a mention: promises, resolutions, answers, mail, file names, themes, digests, scenarios. */
  rowsScrubbed: number;
  /** Files the customer gave us (by email, or on their own statements), and files waiting beside their held mail, now erased. */
  filesErased: number;
};

/** An erasure's result, and the files whose bytes go once its transaction committed. */
export type Erasure = { result: ErasureResult; files: StoredFile[] };

/**
 * Runs an erasure in its own transaction and, only once that committed, removes the bytes of the
 * files it marked erased, so a refused or rolled-back erasure loses no file. The rows already say the
 * file is erased, so a removal that fails (or a crash before it) never leaves a row claiming a file;
 * the bytes left behind go on the retention job's next pass (applyRetention). Inside a caller's
 * transaction the commit is not ours to wait for: the bytes are left to that pass too.
 */
export async function eraseThenRemoveFiles<T extends { files: readonly StoredFile[] }>(
  db: Db,
  dir: string,
  erase: (trx: Db) => Promise<T>,
): Promise<T> {
  const done = await inTransaction(db, erase);
  if (!db.isTransaction) removeBytes(dir, done.files);
  return done;
}

/** Removes erased files' bytes; returns how many could not be removed (they are tried again on the next pass). */
export function removeBytes(dir: string, files: readonly StoredFile[]): number {
  let failed = 0;
  for (const f of files) {
    try {
      deleteAttachmentBytes(dir, f.workspaceId, f.id);
    } catch {
      failed++;
    }
  }
  return failed;
}

/**
 * Erases a customer's personal data as an admin: refused (and nothing changed) while a legal hold or
 * an open review holds them or one of their cases. Audited in the access log.
 */
export async function eraseCustomer(ctx: ServiceContext, dir: string, customerId: string, reason: string): Promise<ErasureResult> {
  requirePermission(ctx.actor, 'delete', 'personal_data');
  const done = await eraseThenRemoveFiles(ctx.db, dir, async (db) => {
    const erasure = await eraseCustomerRecord(db, ctx.actor.workspaceId, customerId, { actorId: ctx.actor.userId, now: ctx.now });
    await recordAccess(
      { ...ctx, db },
      { action: 'erase', resource: 'personal_data', subjectId: customerId, subjectLabel: `customer record erased: ${reason}` },
    );
    return erasure;
  });
  return done.result;
}

/** The records an erasure of this customer would touch, and what holds them. */
export async function holdsOverCustomer(db: Db, workspaceId: string, customerId: string): Promise<Hold[]> {
  const tombstones = await tombstonesOf(db, workspaceId, customerId);
  const cases = await casesOfCustomer(db, workspaceId, customerId);
  return holdsOver(db, workspaceId, [customerId, ...tombstones.map((t) => t.id)], cases);
}

async function holdsOver(db: Db, ws: string, customerIds: string[], cases: { id: string; ref: string }[]): Promise<Hold[]> {
  const legal = await holdsInForceOver(db, ws, [
    ...customerIds.map((id) => ({ kind: 'customer' as const, id })),
    ...cases.map((c) => ({ kind: 'case' as const, id: c.id })),
  ]);
  const reviews = await casesCountedByOpenReviews(
    db,
    ws,
    cases.map((c) => c.id),
  );
  return [
    ...legal.map((h) => ({ kind: 'legal_hold' as const, holdId: h.id, matter: h.matter })),
    ...reviews.map((r) => ({ kind: 'review' as const, reviewId: r.review_id, caseRef: r.ref })),
  ];
}

const tombstonesOf = (db: Db, ws: string, customerId: string): Promise<CustomerRow[]> =>
  db.selectFrom('customers').selectAll().where('workspace_id', '=', ws).where('merged_into_id', '=', customerId).execute();

/**
 * The erasure itself, for a person or the retention job: the customer's name and contacts (theirs,
 * their merged duplicates' and the further contacts carried over) are blanked and their salts
 * destroyed; the customer's own statements and messages are erased; every mention of their name, addresses and
 * numbers is scrubbed from their cases' words (title, summary, the search index, notes, replies,
 * others' statements, promises, resolutions, answers, notifications, mail) and from what was made
 * from cases (themes, digests, training scenarios). The files the customer gave us (those their
 * emails carried, on a case or waiting beside a held mail, and those on their own statements) are
 * marked erased, their bytes to be removed by the caller after the commit (eraseThenRemoveFiles);
 * files staff added to their own statements or to the case are the business's record and stay.
 * Each case's timeline gets an erasure event that vouches for the scrubbed words and counts the
 * case's erased files, so `defuse audit verify` still passes (an erased file's row keeps the SHA-256
 * its `attachment_added` event carries).
 */
export async function eraseCustomerRecord(
  db: Db,
  ws: string,
  customerId: string,
  by: { actorId: string | null; now: Date },
): Promise<Erasure> {
  const customer = await findCustomerRecord(db, ws, customerId, true);
  if (!customer) throw notFound('Customer');
  if (customer.merged_into_id)
    throw new AppError('conflict', 'This record was merged into another customer record; erase the record it was merged into');
  if (customer.erased_at) throw new AppError('conflict', "This customer's personal data was already erased");
  const tombstones = await tombstonesOf(db, ws, customerId);
  const people = [customer, ...tombstones];
  const cases = await casesOfCustomer(db, ws, customerId);
  refuseWhileHeld(
    'This customer',
    await holdsOver(
      db,
      ws,
      people.map((p) => p.id),
      cases,
    ),
  );

  const contacts = (await Promise.all(people.map((p) => listCustomerContacts(db, ws, p.id)))).flat();
  const emails = [...people.map((p) => p.email), ...contacts.filter((c) => c.kind === 'email').map((c) => c.value)].filter(
    (e): e is string => !!e,
  );
  const phones = [...people.map((p) => p.phone), ...contacts.filter((c) => c.kind === 'phone').map((c) => c.value)].filter(
    (p): p is string => !!p,
  );
  const scrub = mentionScrubber({ names: people.map((p) => p.name), emails, phones });
  const erasureId = newId();
  const caseIds = cases.map((c) => c.id);
  // The cases are locked first, as every writer of a case does: a file added to one while the
  // erasure runs waits for it, and is not left out.
  const rows: CaseRow[] = [];
  for (const c of cases) {
    const row = await lockCaseById(db, ws, c.id);
    if (row) rows.push(row);
  }
  const at = by.now.toISOString();
  // Before the mail is scrubbed: the customer's held mail is found by its sender's address.
  const waiting = await eraseReceivedMailFiles(db, ws, caseIds, emails, at);
  const attachments = await eraseCustomerAttachments(db, ws, caseIds, at, scrub);
  const result: ErasureResult = {
    erasureId,
    customerId,
    cases: cases.length,
    eventsScrubbed: 0,
    statementsErased: 0,
    rowsScrubbed: attachments.renamed,
    filesErased: attachments.erased.length + waiting.length,
  };
  for (const row of rows) {
    const done = await scrubCase(db, row, scrub);
    result.eventsScrubbed += done.scrubbed.length;
    result.statementsErased += done.statementsErased;
    // The case's search index holds the words of the customer's own statements too: they go with them.
    const caseScrub = (text: string) => scrub(done.erasedWords.reduce((t, w) => t.split(w).join(ERASED_MENTION), text));
    const filesErased = attachments.erased.filter((f) => f.caseId === row.id).length;
    await applyErasure(db, row, done.scrubbed, scrubCaseWords(row, caseScrub), { id: erasureId, actorId: by.actorId, filesErased }, by.now);
  }
  result.rowsScrubbed += await scrubCaseRows(db, ws, caseIds, scrub);
  result.rowsScrubbed += await scrubMail(db, ws, caseIds, emails, scrub);
  result.rowsScrubbed += await scrubDerived(db, ws, caseIds, scrub);
  await deleteContactsOf(
    db,
    ws,
    people.map((p) => p.id),
  );
  for (const p of people) await eraseCustomerPersonalData(db, ws, p.id, by.now);
  await purgeReplacedSearchWords(db);
  return { result, files: [...attachments.erased.map(({ workspaceId, id }) => ({ workspaceId, id })), ...waiting] };
}

/** Scrubs one case's events and statements; returns the events to rewrite and how many statements were erased. */
async function scrubCase(
  db: Db,
  row: CaseRow,
  scrub: (text: string) => string,
): Promise<{ scrubbed: ScrubbedEvent[]; statementsErased: number; erasedWords: string[] }> {
  const ws = row.workspace_id;
  const statements = await statementsById(db, row.id);
  const scrubbed: ScrubbedEvent[] = [];
  let statementsErased = 0;
  const erasedWords: string[] = [];
  for (const event of await listAllEventRows(db, row.id)) {
    const before = JSON.parse(event.data) as Record<string, unknown>;
    const data = scrubValue(before, scrub) as Record<string, unknown>;
    if (event.kind === 'statement_added') {
      const s = statements.get(String(before.statementId));
      if (s?.party === 'customer' && s.body) erasedWords.push(s.body);
      if (s) statementsErased += await scrubStatement(db, ws, s, data, scrub);
    }
    // A plain hash of short words can be guessed back: it follows the words it stands for.
    if (event.kind === 'reply' && typeof data.body === 'string' && typeof data.bodySha256 === 'string') data.bodySha256 = sha256(data.body);
    if (canonicalJson(data) !== canonicalJson(before)) scrubbed.push({ event, data });
  }
  // What the customer wrote into the case (web form, status page, email) is theirs: it goes whole.
  erasedWords.push(...(await eraseCustomerMessagesOfCase(db, ws, row.id)));
  return { scrubbed, statementsErased, erasedWords };
}

/**
 * The customer's own account is erased (words and author blanked, salt destroyed); anyone else's is
 * kept with the customer's mentions scrubbed, committed to afresh under a new salt that `data` (the
 * event's new content) names. Returns 1 when the statement was the customer's and is now erased.
 */
async function scrubStatement(
  db: Db,
  ws: string,
  s: StatementRow,
  data: Record<string, unknown>,
  scrub: (text: string) => string,
): Promise<number> {
  const mine = s.party === 'customer';
  const words = mine ? { body: '', author_name: '' } : { body: scrub(s.body), author_name: scrub(s.author_name) };
  if (words.body === s.body && words.author_name === s.author_name) return 0;
  if (typeof data.textCommitment === 'string') {
    if (mine) return (await eraseStatementText(db, ws, s.id)) ? 1 : 0;
    const salt = drawSalt();
    await rewriteStatement(db, ws, s.id, words, salt);
    data.textCommitment = commitTo(salt, statementText(words));
    return 0;
  }
  // Statements recorded before commitments carry a hash of their words; it follows the new words.
  await rewriteStatement(db, ws, s.id, words, drawSalt());
  if (typeof data.bodySha256 === 'string') data.bodySha256 = sha256(words.body);
  return mine ? 1 : 0;
}
