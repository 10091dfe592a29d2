import { AppError, invalid } from '../domain/errors.js';
import { type ImportEncoding, type ImportedTicket, type ImportRowError, type ImportSource, SOURCE_LABEL } from '../domain/ticket-import.js';
import { isTimeZone } from '../domain/time-zone.js';
import { newId } from '../store/ids.js';
import { customersByEmails, importedCaseRefs, insertImportRow, insertMany, reserveCaseNumbers, updateImportRow } from '../store/imports.js';
import type { CustomerRow, Db, ImportRow } from '../store/schema.js';
import { findWorkspace, listTeams, listUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';
import { type ImportedCaseRows, importedCaseRows, newCustomerRows } from './import-case-rows.js';
import { readTickets } from './import-formats.js';
import { decodeFile } from './import-read.js';

/** Tickets written per transaction: large enough to amortise a commit, small enough to hold little memory. */
const BATCH = 2000;
/** The refused rows an import keeps and reports (the counts cover all of them). */
export const MAX_REPORTED_ERRORS = 500;

export type ImportInput = {
  source: ImportSource;
  bytes: Buffer;
  fileName: string;
  dryRun?: boolean | undefined;
  /** The time zone the export's dates are written in; the workspace's when absent. */
  timeZone?: string | undefined;
  encoding?: ImportEncoding | undefined;
};

export type ImportProgress = { total: number; processed: number };

/** What an import did (or, dry, would do). */
export type ImportReport = {
  importId: string | null;
  source: ImportSource;
  dryRun: boolean;
  encoding: string;
  timeZone: string;
  /** Data rows in the file (the header and blank lines not counted). */
  rows: number;
  created: number;
  /** Tickets imported before (by their id in the source), or seen earlier in the same file. */
  skipped: number;
  failed: number;
  customersCreated: number;
  errors: ImportRowError[];
  /** The first cases created (or that would be), for the report to point at. */
  sample: { line: number; externalId: string; ref: string | null; title: string }[];
};

/** A parsed file ready to write, and the import record that follows it (none on a dry run). */
export type PreparedImport = { report: ImportReport; tickets: { line: number; ticket: ImportedTicket }[]; record: ImportRow | null };

/**
 * Reads an export (admins only): decodes it, reads its rows into tickets, and reports each row that
 * cannot become a case by its line. Writes nothing; `runImport` writes what this prepared.
 */
export async function prepareImport(ctx: ServiceContext, input: ImportInput): Promise<PreparedImport> {
  requirePermission(ctx.actor, 'create', 'import');
  const ws = ctx.actor.workspaceId;
  if (input.bytes.length === 0) throw invalid('file', 'the file is empty');
  const workspace = await findWorkspace(ctx.db, ws);
  const timeZone = input.timeZone ?? workspace?.time_zone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw invalid('timeZone', `"${timeZone}" is not a time zone (use a name such as Europe/Berlin)`);
  const decoded = decodeFile(input.bytes, input.encoding ?? 'auto');
  const read = readTickets(input.source, decoded.text, timeZone);
  if (read.headerProblem)
    throw invalid('file', `${read.headerProblem}: is it a ${SOURCE_LABEL[input.source]} export? (see the README's Importing section)`);
  if (read.rows === 0 && read.errors.length === 0) throw invalid('file', 'the file holds no rows after its header');
  const errors = [...read.errors];
  // The same ticket twice in one file is one case; the later row is reported.
  const firstLine = new Map<string, number>();
  const tickets = read.tickets.filter(({ line, ticket }) => {
    const seen = firstLine.get(ticket.externalId);
    if (seen === undefined) return firstLine.set(ticket.externalId, line) !== undefined;
    errors.push({ line, reason: `ticket ${ticket.externalId} appears again (first on line ${seen}); skipped` });
    return false;
  });
  errors.sort((a, b) => a.line - b.line);
  const now = ctx.now.toISOString();
  const report: ImportReport = {
    importId: null,
    source: input.source,
    dryRun: Boolean(input.dryRun),
    encoding: decoded.encoding,
    timeZone,
    rows: read.rows,
    created: 0,
    skipped: 0,
    failed: errors.length,
    customersCreated: 0,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    sample: [],
  };
  if (input.dryRun) return { report, tickets, record: null };
  const record: ImportRow = {
    id: newId(),
    workspace_id: ws,
    source: input.source,
    file_name: input.fileName.slice(0, 200),
    time_zone: timeZone,
    encoding: decoded.encoding,
    status: 'running',
    total_rows: read.rows,
    processed_rows: 0,
    created_cases: 0,
    skipped_rows: 0,
    failed_rows: errors.length,
    created_customers: 0,
    errors: JSON.stringify(report.errors),
    failure: null,
    created_by: ctx.actor.userId,
    started_at: now,
    updated_at: now,
    finished_at: null,
  };
  await insertImportRow(ctx.db, record);
  return { report: { ...report, importId: record.id }, tickets, record };
}

/**
 * Writes a prepared import in batches, each in its own transaction with the import record's progress,
 * so a stop midway keeps whole batches and importing the file again creates only what is missing. A
 * dry run reads the same way and writes nothing. `onProgress` hears after every batch.
 */
export async function runImport(
  ctx: ServiceContext,
  prepared: PreparedImport,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const { tickets, record } = prepared;
  const report = { ...prepared.report, errors: [...prepared.report.errors] };
  const ws = ctx.actor.workspaceId;
  const [teams, users] = await Promise.all([listTeams(ctx.db, ws), listUsers(ctx.db, ws)]);
  const lookup = {
    teams: new Map(teams.filter((t) => t.archived_at === null).map((t) => [t.name.trim().toLowerCase(), t.id])),
    users: new Map(users.flatMap((u) => [[u.name.trim().toLowerCase(), u.id] as const, [u.email.toLowerCase(), u.id] as const])),
    customers: new Map<string, CustomerRow>(),
  };
  const total = report.rows;
  let processed = report.failed;
  onProgress?.({ total, processed });
  try {
    for (let i = 0; i < tickets.length; i += BATCH) {
      const batch = tickets.slice(i, i + BATCH);
      await inTransaction(ctx.db, async (db) => {
        const done = await writeBatch(db, ctx, report, batch, lookup);
        processed += batch.length;
        if (record) {
          await updateImportRow(db, ws, record.id, {
            processed_rows: processed,
            created_cases: report.created,
            skipped_rows: report.skipped,
            created_customers: report.customersCreated,
            updated_at: new Date().toISOString(),
          });
        }
        return done;
      });
      onProgress?.({ total, processed });
    }
  } catch (e) {
    if (record) {
      await updateImportRow(ctx.db, ws, record.id, {
        status: 'failed',
        failure: e instanceof AppError ? e.detail : 'the import stopped on an unexpected error; import the file again to finish it',
        finished_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      });
    }
    throw e;
  }
  if (record) {
    const at = new Date().toISOString();
    await updateImportRow(ctx.db, ws, record.id, { status: 'done', processed_rows: total, finished_at: at, updated_at: at });
  }
  return report;
}

type Lookup = { teams: Map<string, string>; users: Map<string, string>; customers: Map<string, CustomerRow> };

/** One batch: skips tickets imported before, finds or adds their customers, and writes their cases. */
async function writeBatch(db: Db, ctx: ServiceContext, report: ImportReport, batch: PreparedImport['tickets'], lookup: Lookup) {
  const ws = ctx.actor.workspaceId;
  const dry = report.dryRun;
  const existing = await importedCaseRefs(
    db,
    ws,
    report.source,
    batch.map((b) => b.ticket.externalId),
  );
  const fresh = batch.filter((b) => !existing.has(b.ticket.externalId));
  report.skipped += batch.length - fresh.length;
  const wanted = [...new Set(fresh.flatMap((b) => (b.ticket.customer?.email ? [b.ticket.customer.email] : [])))].filter(
    (e) => !lookup.customers.has(e),
  );
  for (const [email, c] of await customersByEmails(db, ws, wanted)) lookup.customers.set(email, c);
  const newCustomers: ReturnType<typeof newCustomerRows>[] = [];
  const customerOf = (t: ImportedTicket): CustomerRow | null => {
    if (!t.customer) return null;
    // Without an address the requester is known by name within this file only.
    const key = t.customer.email ?? `name:${t.customer.name.toLowerCase()}`;
    const known = lookup.customers.get(key);
    if (known) return known;
    const made = newCustomerRows(ws, t.customer, t.createdAt);
    newCustomers.push(made);
    lookup.customers.set(key, made.customer);
    return made.customer;
  };
  const byYear = new Map<number, PreparedImport['tickets']>();
  for (const b of fresh) {
    const year = new Date(b.ticket.createdAt).getUTCFullYear();
    const items = byYear.get(year);
    if (items) items.push(b);
    else byYear.set(year, [b]);
  }
  const built: ImportedCaseRows[] = [];
  const origin = {
    workspaceId: ws,
    importId: report.importId ?? 'dry-run',
    source: report.source,
    actorId: ctx.actor.userId,
    importedAt: ctx.now.toISOString(),
  };
  for (const [year, items] of byYear) {
    const first = dry ? 0 : await reserveCaseNumbers(db, ws, year, items.length);
    items.forEach((b, k) => {
      const t = b.ticket;
      const rows = importedCaseRows(
        origin,
        t,
        { year, seq: first + k },
        {
          customer: customerOf(t),
          teamId: t.team ? (lookup.teams.get(t.team.trim().toLowerCase()) ?? null) : null,
          assigneeId: t.assignee ? (lookup.users.get(t.assignee.trim().toLowerCase()) ?? null) : null,
        },
      );
      built.push(rows);
      if (report.sample.length < 20)
        report.sample.push({ line: b.line, externalId: t.externalId, ref: dry ? null : rows.kase.ref, title: t.title });
    });
  }
  report.created += built.length;
  report.customersCreated += newCustomers.length;
  if (dry) return;
  await insertMany(
    db,
    'customers',
    newCustomers.map((c) => c.customer),
  );
  await insertMany(db, 'personal_data_salts', [...newCustomers.map((c) => c.salt), ...built.flatMap((b) => b.salts)]);
  await insertMany(
    db,
    'cases',
    built.map((b) => b.kase),
  );
  await insertMany(
    db,
    'case_events',
    built.flatMap((b) => b.events),
  );
  await insertMany(
    db,
    'statements',
    built.flatMap((b) => b.statements),
  );
  await insertMany(
    db,
    'customer_messages',
    built.flatMap((b) => b.messages),
  );
  await insertMany(
    db,
    'case_tags',
    built.flatMap((b) => b.tags),
  );
  await insertMany(
    db,
    'imported_cases',
    built.map((b) => b.link),
  );
}

/** Reads and writes an import in one go (the CLI's path): prepare, then run. */
export async function importTickets(
  ctx: ServiceContext,
  input: ImportInput,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  return runImport(ctx, await prepareImport(ctx, input), onProgress);
}
