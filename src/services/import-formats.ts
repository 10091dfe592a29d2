import { CHANNELS, type Channel, type Severity } from '../domain/case.js';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-status.js';
import { ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
import {
  type ImportedMessage,
  type ImportedTicket,
  type ImportRowError,
  type ImportSource,
  mapChannel,
  mapPriority,
  mapStatus,
  splitTags,
  titleFrom,
  toUtc,
} from '../domain/ticket-import.js';
import { type CsvRecord, readCsv, readJsonLines } from './import-read.js';

export type ReadTickets = {
  tickets: { line: number; ticket: ImportedTicket }[];
  errors: ImportRowError[];
  rows: number;
  /** Why the file as a whole cannot be this format (its header lacks a column the format needs). */
  headerProblem?: string;
};

/** A row that cannot become a case, with the reason people will read next to its line. */
class RowProblem extends Error {}
const refuse = (reason: string): never => {
  throw new RowProblem(reason);
};

/** Reads the tickets of an export in the given format; rows that cannot be read are reported by line. */
export function readTickets(source: ImportSource, text: string, timeZone: string): ReadTickets {
  if (source === 'zendesk' && text.trimStart().startsWith('{')) return fromJsonLines(text, (v) => zendeskJsonTicket(v, timeZone));
  const { header, records, errors } = readCsv(text);
  const needed = REQUIRED_COLUMNS[source];
  const missing = needed.filter((c) => !header.includes(c));
  if (header.length > 0 && missing.length > 0) {
    const names = missing.map((c) => `"${c}"`).join(', ');
    return {
      tickets: [],
      errors: [],
      rows: records.length,
      headerProblem: `the header lacks the column${missing.length > 1 ? 's' : ''} ${names}`,
    };
  }
  if (source === 'zendesk') {
    const custom = header.flatMap((column) => {
      const name = CUSTOM_FIELD.exec(column)?.[1];
      return name ? [{ column, name }] : [];
    });
    return collect(records, errors, (r) => zendeskCsvTicket(r, custom, timeZone));
  }
  const read = source === 'freshdesk' ? freshdeskCsvTicket : defuseCsvTicket;
  return collect(records, errors, (r) => read(r, timeZone));
}

const REQUIRED_COLUMNS: Record<ImportSource, string[]> = {
  zendesk: ['Id', 'Subject', 'Status', 'Created at'],
  freshdesk: ['Ticket ID', 'Subject', 'Status', 'Created time'],
  defuse: ['ref', 'title', 'status', 'reportedAt'],
};

function collect<T extends { line: number }>(records: T[], errors: ImportRowError[], read: (r: T) => ImportedTicket): ReadTickets {
  const tickets: ReadTickets['tickets'] = [];
  const all = [...errors];
  for (const r of records) {
    try {
      tickets.push({ line: r.line, ticket: read(r) });
    } catch (e) {
      if (!(e instanceof RowProblem)) throw e;
      all.push({ line: r.line, reason: e.message });
    }
  }
  all.sort((a, b) => a.line - b.line);
  return { tickets, errors: all, rows: records.length + errors.length };
}

function fromJsonLines(text: string, read: (v: Record<string, unknown>) => ImportedTicket): ReadTickets {
  const { records, errors } = readJsonLines(text);
  return collect(records, errors, (r) => read(r.value));
}

// --- shared cell readers -------------------------------------------------------------------------

const cell = (r: CsvRecord, name: string): string => (r.fields[name] ?? '').trim();
/** A cell our own CSV export guarded against formulas ('=…) reads back as it was. */
const unguard = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

function requiredDate(raw: string, column: string, timeZone: string): string {
  if (!raw.trim()) return refuse(`"${column}" is empty`);
  return toUtc(raw, timeZone) ?? refuse(`"${column}" is not a date we can read ("${raw.slice(0, 40)}"); write it as 2024-03-05 14:30`);
}
const optionalDate = (raw: string, column: string, timeZone: string): string | null =>
  raw.trim() ? requiredDate(raw, column, timeZone) : null;

function severityOf(source: ImportSource, raw: string): Severity {
  return mapPriority(source, raw) ?? refuse(`unknown priority "${raw}" (expected urgent, high, normal, medium or low)`);
}

function statusOf(source: 'zendesk' | 'freshdesk', raw: string): CaseStatus {
  return mapStatus(source, raw) ?? refuse(`unknown status "${raw}"`);
}

function customerOf(name: string, email: string, phone = ''): ImportedTicket['customer'] {
  const address = email.trim().toLowerCase();
  if (address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) refuse(`"${email}" is not an email address`);
  if (!name.trim() && !address) return null;
  return { name: name.trim() || address, email: address || null, phone: phone.trim() || null };
}

/** When the status was last set, as far as the export says: solved or closed time, else the last update. */
const statusTime = (createdAt: string, ...later: (string | null)[]): string => later.find((t) => t !== null) ?? createdAt;

const plain = (html: string): string =>
  html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function base(externalId: string, title: string): Pick<ImportedTicket, 'externalId' | 'title'> {
  if (!externalId) refuse('the ticket has no id');
  if (!title) refuse('the ticket has no subject');
  return { externalId, title };
}

// --- Zendesk ---------------------------------------------------------------------------------------

/** Zendesk's custom field columns end in their type: "Order number [txt]", "Reason [list]". */
const CUSTOM_FIELD = /^(.*\S)\s*\[(txt|textarea|list|int|dec|date|chk|regexp|multiselect|lookup|tagger)\]$/i;

/**
 * A row of Zendesk's CSV export. It holds no description or comments, so the customer's statement is
 * put together from the ticket's custom fields ("Order number: 4411"), and there is none without them.
 */
function zendeskCsvTicket(r: CsvRecord, customFields: { column: string; name: string }[], timeZone: string): ImportedTicket {
  const createdAt = requiredDate(cell(r, 'Created at'), 'Created at', timeZone);
  const solvedAt = optionalDate(cell(r, 'Solved at'), 'Solved at', timeZone);
  const updatedAt = optionalDate(cell(r, 'Updated at'), 'Updated at', timeZone);
  const custom = customFields.flatMap(({ column, name }) => {
    const value = cell(r, column);
    return value ? [`${name}: ${value}`] : [];
  });
  const subject = cell(r, 'Subject');
  const status = statusOf('zendesk', cell(r, 'Status'));
  return {
    ...base(cell(r, 'Id'), titleFrom(subject, '')),
    summary: [subject, ...custom].join('\n'),
    status,
    severity: severityOf('zendesk', cell(r, 'Priority')),
    channel: mapChannel(cell(r, 'Via')),
    createdAt,
    resolvedAt: isDone(status) ? (solvedAt ?? updatedAt ?? createdAt) : null,
    statusAt: statusTime(createdAt, solvedAt, updatedAt),
    customer: customerOf(cell(r, 'Requester'), cell(r, 'Requester email')),
    tags: splitTags(cell(r, 'Tags')),
    statement: custom.length > 0 ? { body: custom.join('\n'), at: createdAt } : null,
    messages: [],
    team: cell(r, 'Group') || null,
    assignee: cell(r, 'Assignee') || null,
  };
}

const isDone = (s: CaseStatus): boolean => s === 'resolved' || s === 'closed';

type ZendeskComment = {
  author_id?: unknown;
  public?: unknown;
  plain_body?: unknown;
  body?: unknown;
  html_body?: unknown;
  created_at?: unknown;
};

/**
 * A ticket of Zendesk's JSON export (one object per line, with its comments): the first public
 * comment by the requester is the customer's statement, later ones are their messages, and the
 * others are staff replies (public) or notes (private). Its dates carry their offset.
 */
function zendeskJsonTicket(v: Record<string, unknown>, timeZone: string): ImportedTicket {
  const text = (x: unknown): string => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : '');
  const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {});
  const createdAt = requiredDate(text(v.created_at), 'created_at', timeZone);
  const updatedAt = optionalDate(text(v.updated_at), 'updated_at', timeZone);
  const solvedAt = optionalDate(text(obj(v.metric_set).solved_at), 'metric_set.solved_at', timeZone);
  const status = statusOf('zendesk', text(v.status));
  const requester = obj(v.requester);
  const from = obj(obj(obj(v.via).source).from);
  const requesterId = text(v.requester_id);
  const comments = (Array.isArray(v.comments) ? v.comments : []) as ZendeskComment[];
  let statement: ImportedTicket['statement'] = null;
  const messages: ImportedMessage[] = [];
  for (const c of comments) {
    const body = text(c.plain_body) || text(c.body) || plain(text(c.html_body));
    if (!body) continue;
    const at = optionalDate(text(c.created_at), 'comments.created_at', timeZone) ?? createdAt;
    const byRequester = requesterId !== '' && text(c.author_id) === requesterId;
    const isPublic = c.public !== false;
    if (!statement && byRequester && isPublic) statement = { body, at };
    else messages.push({ from: byRequester ? 'customer' : 'staff', body, at, isPublic });
  }
  const description = text(v.description);
  if (!statement && description) statement = { body: description, at: createdAt };
  const subject = text(v.subject) || text(v.raw_subject);
  return {
    ...base(text(v.id), titleFrom(subject, description)),
    summary: subject || description.slice(0, 500),
    status,
    severity: severityOf('zendesk', text(v.priority)),
    channel: mapChannel(text(obj(v.via).channel)),
    createdAt,
    resolvedAt: isDone(status) ? (solvedAt ?? updatedAt ?? createdAt) : null,
    statusAt: statusTime(createdAt, solvedAt, updatedAt),
    customer: customerOf(text(requester.name) || text(from.name), text(requester.email) || text(from.address)),
    tags: Array.isArray(v.tags) ? v.tags.map(text).filter(Boolean) : [],
    statement,
    messages,
    team: text(obj(v.group).name) || null,
    assignee: text(obj(v.assignee).email) || text(obj(v.assignee).name) || null,
  };
}

// --- Freshdesk -------------------------------------------------------------------------------------

/** A row of Freshdesk's ticket export; "Description" is optional in it, and is the customer's statement when there. */
function freshdeskCsvTicket(r: CsvRecord, timeZone: string): ImportedTicket {
  const createdAt = requiredDate(cell(r, 'Created time'), 'Created time', timeZone);
  const resolvedTime = optionalDate(cell(r, 'Resolved time'), 'Resolved time', timeZone);
  const closedTime = optionalDate(cell(r, 'Closed time'), 'Closed time', timeZone);
  const updatedAt = optionalDate(cell(r, 'Last update time'), 'Last update time', timeZone);
  const status = statusOf('freshdesk', cell(r, 'Status'));
  const description = plain(cell(r, 'Description'));
  const subject = cell(r, 'Subject');
  return {
    ...base(cell(r, 'Ticket ID'), titleFrom(subject, description)),
    summary: subject,
    status,
    severity: severityOf('freshdesk', cell(r, 'Priority')),
    channel: mapChannel(cell(r, 'Source')),
    createdAt,
    resolvedAt: isDone(status) ? (resolvedTime ?? closedTime ?? updatedAt ?? createdAt) : null,
    statusAt: statusTime(createdAt, status === 'closed' ? closedTime : null, resolvedTime, updatedAt),
    customer: customerOf(cell(r, 'Full name'), cell(r, 'Email'), cell(r, 'Work phone') || cell(r, 'Mobile phone')),
    tags: splitTags(
      cell(r, 'Tags')
        .replace(/\s*,\s*/g, ',')
        .replace(/ /g, '-'),
    ),
    statement: description ? { body: description, at: createdAt } : null,
    messages: [],
    team: cell(r, 'Group') || null,
    assignee: cell(r, 'Agent') || null,
  };
}

// --- our own format --------------------------------------------------------------------------------

/**
 * Our own CSV: the columns of the inbox's *Export CSV* (ref, title, status, severity, channel, team,
 * assignee, reportedAt, resolvedAt, outcome, rootCauseCategory, rootCauseWhys, contributingFactors),
 * so an export reads back in, plus optional summary, statement, tags, customerName, customerEmail and
 * customerPhone. The values are ours: statuses, severities 1–4 and channels as the API names them.
 */
function defuseCsvTicket(r: CsvRecord, timeZone: string): ImportedTicket {
  const c = (name: string) => unguard(cell(r, name));
  const status = c('status') as CaseStatus;
  if (!(CASE_STATUSES as readonly string[]).includes(status))
    refuse(`unknown status "${c('status')}" (expected one of ${CASE_STATUSES.join(', ')})`);
  const severity = Number(c('severity') || 3);
  if (![1, 2, 3, 4].includes(severity)) refuse(`severity "${c('severity')}" is not 1, 2, 3 or 4`);
  const channel = (c('channel') || 'other') as Channel;
  if (!(CHANNELS as readonly string[]).includes(channel))
    refuse(`unknown channel "${c('channel')}" (expected one of ${CHANNELS.join(', ')})`);
  const createdAt = requiredDate(c('reportedAt'), 'reportedAt', timeZone);
  const resolvedAt = optionalDate(c('resolvedAt'), 'resolvedAt', timeZone);
  const category = c('rootCauseCategory');
  if (category && !(ROOT_CAUSE_CATEGORIES as readonly string[]).includes(category)) refuse(`unknown root cause category "${category}"`);
  const whys = c('rootCauseWhys')
    .split(' → ')
    .map((w) => w.trim())
    .filter(Boolean);
  const statement = c('statement');
  const title = c('title');
  return {
    ...base(c('ref'), titleFrom(title, '')),
    summary: c('summary') || title,
    status,
    severity: severity as Severity,
    channel,
    createdAt,
    resolvedAt: isDone(status) ? (resolvedAt ?? createdAt) : resolvedAt,
    statusAt: resolvedAt ?? createdAt,
    customer: customerOf(c('customerName'), c('customerEmail'), c('customerPhone')),
    tags: splitTags(c('tags')),
    statement: statement ? { body: statement, at: createdAt } : null,
    messages: [],
    team: c('team') || null,
    assignee: c('assignee') || null,
    outcome: c('outcome') || undefined,
    rootCause:
      category && whys.length > 0
        ? {
            category,
            whys,
            factors: c('contributingFactors')
              .split(';')
              .map((f) => f.trim())
              .filter(Boolean),
          }
        : undefined,
  };
}
