import { sql } from 'kysely';
import { ERASED_MENTION, scrubJson } from '../domain/data-rights.js';
import { isPostgres } from './db.js';
import type { Db } from './schema.js';

/**
 * The writes of an erasure outside the case chains: a person's mentions scrubbed from every copy the
 * product made of the words of their cases (the rows beside the timeline, notifications, mail, the
 * event outbox, themes, digests and training scenarios). Each function returns how many rows changed.
 */

type Scrub = (text: string) => string;

const changed = (before: string | null, scrub: Scrub): string | null => {
  if (before === null) return null;
  const after = scrub(before);
  return after === before ? null : after;
};

/** A case row's words; the patch to write through the case's own writer, or null. */
export function scrubCaseWords<T extends { title: string; summary: string; search_text: string; root_cause: string | null }>(
  row: T,
  scrub: Scrub,
): Partial<T> {
  const patch: Partial<T> = {};
  const title = changed(row.title, scrub);
  const summary = changed(row.summary, scrub);
  const search = changed(row.search_text, scrub);
  const rootCause = scrubJson(row.root_cause, scrub);
  if (title !== null) patch.title = title;
  if (summary !== null) patch.summary = summary;
  if (search !== null) patch.search_text = search;
  if (rootCause !== null) patch.root_cause = rootCause;
  return patch;
}

export async function updateEventData(db: Db, workspaceId: string, eventId: string, data: string): Promise<void> {
  await db.updateTable('case_events').set({ data }).where('workspace_id', '=', workspaceId).where('id', '=', eventId).execute();
}

/** Replaces a statement's words and the salt of their commitment (the old salt is destroyed). */
export async function rewriteStatement(
  db: Db,
  workspaceId: string,
  statementId: string,
  words: { body: string; author_name: string },
  salt: string,
): Promise<void> {
  await db.updateTable('statements').set(words).where('workspace_id', '=', workspaceId).where('id', '=', statementId).execute();
  await db
    .updateTable('personal_data_salts')
    .set({ salt })
    .where('workspace_id', '=', workspaceId)
    .where('subject_id', '=', statementId)
    .execute();
}

/** The rows beside these cases that carry their words: promises, resolutions, follow-up answers, notifications, outbox events. */
export async function scrubCaseRows(db: Db, workspaceId: string, caseIds: readonly string[], scrub: Scrub): Promise<number> {
  if (caseIds.length === 0) return 0;
  let n = 0;
  const commitments = await db
    .selectFrom('commitments')
    .select(['id', 'text', 'note'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .execute();
  for (const c of commitments) {
    const text = changed(c.text, scrub);
    const note = changed(c.note, scrub);
    if (text === null && note === null) continue;
    await db
      .updateTable('commitments')
      .set({ ...(text !== null ? { text } : {}), ...(note !== null ? { note } : {}) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', c.id)
      .execute();
    n++;
  }
  const resolutions = await db
    .selectFrom('resolutions')
    .select(['case_id', 'problem', 'options', 'solution', 'decision_note'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .execute();
  for (const r of resolutions) {
    const patch = {
      problem: changed(r.problem, scrub),
      options: scrubJson(r.options, scrub),
      solution: changed(r.solution, scrub),
      decision_note: changed(r.decision_note, scrub),
    };
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null));
    if (Object.keys(set).length === 0) continue;
    await db.updateTable('resolutions').set(set).where('workspace_id', '=', workspaceId).where('case_id', '=', r.case_id).execute();
    n++;
  }
  const answers = await db
    .selectFrom('follow_ups')
    .select(['id', 'answer'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .where('answer', 'is not', null)
    .execute();
  for (const f of answers) {
    const answer = scrubJson(f.answer, scrub);
    if (answer === null) continue;
    await db.updateTable('follow_ups').set({ answer }).where('workspace_id', '=', workspaceId).where('id', '=', f.id).execute();
    n++;
  }
  const notices = await db
    .selectFrom('notifications')
    .select(['id', 'title', 'body'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .execute();
  for (const x of notices) {
    const title = changed(x.title, scrub);
    const body = changed(x.body, scrub);
    if (title === null && body === null) continue;
    await db
      .updateTable('notifications')
      .set({ ...(title !== null ? { title } : {}), ...(body !== null ? { body } : {}) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', x.id)
      .execute();
    n++;
  }
  const outbox = await db
    .selectFrom('event_outbox')
    .select(['position', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('case_id', 'in', caseIds)
    .execute();
  for (const o of outbox) {
    const data = scrubJson(o.data, scrub);
    if (data === null) continue;
    await db.updateTable('event_outbox').set({ data }).where('workspace_id', '=', workspaceId).where('position', '=', o.position).execute();
    n++;
  }
  return n;
}

/** Mail about these cases or to these addresses: the address is blanked (it is theirs) and the words scrubbed. */
export async function scrubMail(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
  addresses: readonly string[],
  scrub: Scrub,
): Promise<number> {
  const lower = addresses.map((a) => a.toLowerCase());
  const mails = await db
    .selectFrom('outbox_emails')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'case_id'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => {
      const ors = [];
      if (caseIds.length > 0) ors.push(eb('case_id', 'in', caseIds));
      if (lower.length > 0) ors.push(eb(eb.fn('lower', ['to_address']), 'in', lower));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    })
    .execute();
  for (const m of mails) {
    await db
      .updateTable('outbox_emails')
      .set({
        to_address: lower.includes(m.to_address.toLowerCase()) ? '' : m.to_address,
        subject: scrub(m.subject),
        text_body: scrub(m.text_body),
        html_body: scrub(m.html_body),
      })
      .where('id', '=', m.id)
      .execute();
  }
  // Mail received from the customer (placed, held or dismissed) is their own words and address.
  const received = await receivedMail(db, workspaceId, caseIds, lower);
  for (const r of received) {
    await db
      .updateTable('inbound_emails')
      .set({ from_address: '', from_name: null, subject: scrub(r.subject), text_body: ERASED_MENTION })
      .where('id', '=', r.id)
      .execute();
    // A file's name is the sender's words too ("Jane Smith passport.pdf").
    for (const f of await db.selectFrom('inbound_email_files').select(['id', 'file_name']).where('inbound_email_id', '=', r.id).execute())
      await db
        .updateTable('inbound_email_files')
        .set({ file_name: scrub(f.file_name) })
        .where('id', '=', f.id)
        .execute();
  }
  return mails.length + received.length;
}

/** Mail received about these cases or from these (lower-cased) addresses: the customer's own mail. */
function receivedMail(db: Db, workspaceId: string, caseIds: readonly string[], lower: readonly string[]) {
  return db
    .selectFrom('inbound_emails')
    .select(['id', 'subject'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => {
      const ors = [];
      if (caseIds.length > 0) ors.push(eb('case_id', 'in', caseIds));
      if (lower.length > 0) ors.push(eb(eb.fn('lower', ['from_address']), 'in', [...lower]));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    })
    .execute();
}

/** A file whose bytes are kept at `<attachments dir>/<workspace>/<id>`. */
export type StoredFile = { workspaceId: string; id: string };

/**
 * Marks the files the customer gave us as erased, in the erasure's transaction; their bytes are
 * removed by the caller once it committed. The customer's files are the attachments of their cases
 * that came by email and those on their own statements; files staff added to their own statements or
 * to the case are the business's record and stay (their names are scrubbed of the customer's
 * mentions like any other words). Each row keeps its SHA-256, which its `attachment_added` event
 * carries. Returns the erased attachments (with their case) and how many kept names were scrubbed.
 */
export async function eraseCustomerAttachments(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
  at: string,
  scrub: Scrub,
): Promise<{ erased: (StoredFile & { caseId: string })[]; renamed: number }> {
  if (caseIds.length === 0) return { erased: [], renamed: 0 };
  const rows = await db
    .selectFrom('attachments')
    .leftJoin('statements', (j) =>
      j.onRef('statements.id', '=', 'attachments.statement_id').onRef('statements.workspace_id', '=', 'attachments.workspace_id'),
    )
    .select(['attachments.id', 'attachments.case_id', 'attachments.file_name', 'attachments.source', 'statements.party'])
    .where('attachments.workspace_id', '=', workspaceId)
    .where('attachments.case_id', 'in', caseIds)
    .where('attachments.erased_at', 'is', null)
    .execute();
  const erased: (StoredFile & { caseId: string })[] = [];
  let renamed = 0;
  for (const r of rows) {
    const theirs = r.source === 'email' || r.party === 'customer';
    const name = scrub(r.file_name);
    if (!theirs && name === r.file_name) continue;
    await db
      .updateTable('attachments')
      .set(theirs ? { file_name: name, erased_at: at } : { file_name: name })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', r.id)
      .execute();
    if (theirs) erased.push({ workspaceId, id: r.id, caseId: r.case_id });
    else renamed++;
  }
  return { erased, renamed };
}

/**
 * Marks the kept files of the mail received from the customer (about their cases or from their
 * addresses) as erased. Those that became attachments go with them (eraseCustomerAttachments); the
 * ones still waiting beside a held mail are returned, for the caller to remove their bytes after the
 * commit, and are never placed on a case.
 */
export async function eraseReceivedMailFiles(
  db: Db,
  workspaceId: string,
  caseIds: readonly string[],
  addresses: readonly string[],
  at: string,
): Promise<StoredFile[]> {
  const emails = (
    await receivedMail(
      db,
      workspaceId,
      caseIds,
      addresses.map((a) => a.toLowerCase()),
    )
  ).map((r) => r.id);
  if (emails.length === 0) return [];
  const files = await db
    .selectFrom('inbound_email_files')
    .select(['id', 'attachment_id'])
    .where('workspace_id', '=', workspaceId)
    .where('inbound_email_id', 'in', emails)
    .where('refused', 'is', null)
    .where('erased_at', 'is', null)
    .execute();
  if (files.length === 0) return [];
  await db
    .updateTable('inbound_email_files')
    .set({ erased_at: at })
    .where('workspace_id', '=', workspaceId)
    .where(
      'id',
      'in',
      files.map((f) => f.id),
    )
    .execute();
  return files.filter((f) => f.attachment_id === null).map((f) => ({ workspaceId, id: f.id }));
}

/** Every erased file of the workspaces, so bytes left behind (a crash after the commit, a failed removal) go on the next pass. */
export async function listErasedFiles(db: Db): Promise<StoredFile[]> {
  const attachments = await db
    .selectFrom('attachments')
    .select(['workspace_id as workspaceId', 'id'])
    .where('erased_at', 'is not', null)
    .execute();
  const waiting = await db
    .selectFrom('inbound_email_files')
    .select(['workspace_id as workspaceId', 'id'])
    .where('erased_at', 'is not', null)
    .where('attachment_id', 'is', null)
    .execute();
  return [...attachments, ...waiting];
}

/** What was made from cases: themes and their members, digests (drafts and approved), training scenarios. */
export async function scrubDerived(db: Db, workspaceId: string, caseIds: readonly string[], scrub: Scrub): Promise<number> {
  let n = 0;
  const themes = await db
    .selectFrom('themes')
    .select(['id', 'label', 'custom_label', 'phrases'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const t of themes) {
    const label = changed(t.label, scrub);
    const custom = changed(t.custom_label, scrub);
    const phrases = scrubJson(t.phrases, scrub);
    if (label === null && custom === null && phrases === null) continue;
    await db
      .updateTable('themes')
      .set({
        ...(label !== null ? { label } : {}),
        ...(custom !== null ? { custom_label: custom } : {}),
        ...(phrases !== null ? { phrases } : {}),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', t.id)
      .execute();
    n++;
  }
  if (caseIds.length > 0) {
    const members = await db
      .selectFrom('theme_members')
      .select(['doc_id', 'phrases'])
      .where('workspace_id', '=', workspaceId)
      .where('case_id', 'in', caseIds)
      .execute();
    for (const m of members) {
      const phrases = scrubJson(m.phrases, scrub);
      if (phrases === null) continue;
      await db
        .updateTable('theme_members')
        .set({ phrases })
        .where('workspace_id', '=', workspaceId)
        .where('doc_id', '=', m.doc_id)
        .execute();
      n++;
    }
  }
  const digests = await db
    .selectFrom('digests')
    .select(['id', 'selection', 'approved_document'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const d of digests) {
    const selection = scrubJson(d.selection, scrub);
    const approved = scrubJson(d.approved_document, scrub);
    if (selection === null && approved === null) continue;
    await db
      .updateTable('digests')
      .set({ ...(selection !== null ? { selection } : {}), ...(approved !== null ? { approved_document: approved } : {}) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', d.id)
      .execute();
    n++;
  }
  const scenarios = await db
    .selectFrom('training_scenarios')
    .select(['key', 'version', 'body'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const s of scenarios) {
    const body = scrubJson(s.body, scrub);
    if (body === null) continue;
    await db
      .updateTable('training_scenarios')
      .set({ body })
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', s.key)
      .where('version', '=', s.version)
      .execute();
    n++;
  }
  return n;
}

/** The customer's further contacts (carried over from merged duplicates), removed with them and their tombstones. */
export async function deleteContactsOf(db: Db, workspaceId: string, customerIds: readonly string[]): Promise<number> {
  if (customerIds.length === 0) return 0;
  const r = await db
    .deleteFrom('customer_contacts')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('customer_id', 'in', customerIds), eb('from_customer_id', 'in', customerIds)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * SQLite's full-text indexes (case texts, customer names) keep a changed row's old words in their
 * segments until they are merged; merging them all now makes the erased words unrecoverable from
 * the indexes too. (PostgreSQL's tsvector is a column of the row, rewritten with it.)
 */
export async function purgeReplacedSearchWords(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into cases_fts (cases_fts) values ('optimize')`.execute(db);
  await sql`insert into customers_names (customers_names) values ('optimize')`.execute(db);
}
