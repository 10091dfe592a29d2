import { formatCaseRef } from '../domain/case.js';
import { commitTo, customerDigest } from '../domain/personal-data.js';
import { NO_OPEN_CLOCK } from '../domain/sla.js';
import { MAX_TAGS_PER_CASE, normalizeTag } from '../domain/tags.js';
import { IMPORTED_ROOT_CAUSE, type ImportedTicket, type ImportSource, importedOutcome } from '../domain/ticket-import.js';
import { chainEvents, type NewEvent } from '../store/events.js';
import { newId } from '../store/ids.js';
import { newCustomerRow } from '../store/people.js';
import { drawSalt } from '../store/personal-data.js';
import type {
  CaseEventRow,
  CaseRow,
  CaseTagRow,
  CustomerMessageRow,
  CustomerRow,
  ImportedCaseRow,
  PersonalDataSaltRow,
  StatementRow,
} from '../store/schema.js';
import { statementText } from './add-statement.js';

/** Every row one imported ticket writes, built in memory so a batch of them goes in a few statements. */
export type ImportedCaseRows = {
  kase: CaseRow;
  events: CaseEventRow[];
  statements: StatementRow[];
  messages: CustomerMessageRow[];
  salts: PersonalDataSaltRow[];
  tags: CaseTagRow[];
  link: ImportedCaseRow;
};

export type ImportOrigin = { workspaceId: string; importId: string; source: ImportSource; actorId: string; importedAt: string };

/** A new customer record from a ticket's requester, with the salted commitment to their details. */
export function newCustomerRows(workspaceId: string, details: NonNullable<ImportedTicket['customer']>, createdAt: string) {
  const salt = drawSalt();
  const customer = newCustomerRow({ workspaceId, ...details }, createdAt);
  customer.details_digest = customerDigest(salt, customer.id, customer);
  const saltRow: PersonalDataSaltRow = { subject_id: customer.id, workspace_id: workspaceId, subject_kind: 'customer', salt };
  return { customer, salt: saltRow };
}

/**
 * The case an imported ticket becomes, as history: created when the ticket was (its first event says
 * it was imported, from where, by whom and when), the customer's statement and the later messages at
 * the times they were written, its tags, and its status as the export left it. It starts no clock
 * (both deadlines are "none", so no sweep ever marks a breach), and its events go to no outbox, so no
 * notification, follow-up or webhook follows from it. A closed one is filed under the root cause
 * "unknown (imported)", marked as imported.
 */
export function importedCaseRows(
  origin: ImportOrigin,
  ticket: ImportedTicket,
  ref: { year: number; seq: number },
  links: { customer: CustomerRow | null; teamId: string | null; assigneeId: string | null },
): ImportedCaseRows {
  const ws = origin.workspaceId;
  const id = newId();
  const done = ticket.status === 'resolved' || ticket.status === 'following_up' || ticket.status === 'closed';
  const closed = ticket.status === 'closed';
  const rootCause = closed ? (ticket.rootCause ?? IMPORTED_ROOT_CAUSE) : null;
  const outcome = closed ? (ticket.outcome ?? importedOutcome(origin.source)) : null;
  const tags = [...new Set(ticket.tags.map(normalizeTag).filter((t): t is string => t !== null))].sort().slice(0, MAX_TAGS_PER_CASE);
  const customer = links.customer;
  const kase: CaseRow = {
    id,
    workspace_id: ws,
    ref: formatCaseRef(ref.year, ref.seq),
    title: ticket.title,
    summary: ticket.summary,
    channel: ticket.channel,
    team_id: links.teamId,
    customer_id: customer?.id ?? null,
    reporter_id: origin.actorId,
    assignee_id: links.assigneeId,
    severity: ticket.severity,
    customer_state: 'calm',
    impact_amount_minor: null,
    impact_currency: null,
    impact_kind: null,
    risk_flags: '[]',
    status: ticket.status,
    occurred_at: ticket.createdAt,
    reported_at: ticket.createdAt,
    acknowledge_due_at: NO_OPEN_CLOCK,
    resolve_due_at: NO_OPEN_CLOCK,
    acknowledged_at: null,
    resolved_at: done ? ticket.resolvedAt : null,
    clock_basis: 'calendar',
    clock_paused_at: null,
    clock_pauses: '[]',
    merged_into_id: null,
    merged_into_ref: null,
    updated_at: ticket.statusAt,
    search_text: [
      ticket.title,
      ticket.summary,
      ticket.statement?.body,
      ...ticket.messages.filter((m) => m.from === 'customer').map((m) => m.body),
    ]
      .filter(Boolean)
      .join('\n'),
    event_count: 0,
    last_event_hash: '',
    case_type_id: null,
    playbook_key: null,
    playbook_version: null,
    strategy: null,
    outcome,
    root_cause_category: rootCause?.category ?? null,
    root_cause: rootCause
      ? JSON.stringify({ whys: rootCause.whys, factors: rootCause.factors, ...(closed && !ticket.rootCause ? { imported: true } : {}) })
      : null,
    acknowledge_breached_at: null,
    resolve_breached_at: null,
    help_requested_at: null,
    help_requested_by: null,
    next_due_at: NO_OPEN_CLOCK,
    tags: JSON.stringify(tags),
  };
  const created: NewEvent = {
    kind: 'case_created',
    actorId: origin.actorId,
    at: ticket.createdAt,
    data: {
      title: kase.title,
      summary: kase.summary,
      channel: kase.channel,
      teamId: kase.team_id,
      customerId: kase.customer_id,
      ...(customer?.details_digest ? { customerDigest: customer.details_digest } : {}),
      severity: kase.severity,
      customerState: kase.customer_state,
      financialImpact: null,
      riskFlags: [],
      occurredAt: kase.occurred_at,
      parties: [],
      assigneeId: kase.assignee_id,
      imported: { source: origin.source, externalId: ticket.externalId, importId: origin.importId, importedAt: origin.importedAt },
    },
  };
  const later: NewEvent[] = [];
  const statements: StatementRow[] = [];
  const messages: CustomerMessageRow[] = [];
  const salts: PersonalDataSaltRow[] = [];
  if (ticket.statement) {
    const s: StatementRow = {
      id: newId(),
      workspace_id: ws,
      case_id: id,
      party: 'customer',
      employee_id: null,
      author_name: customer?.name ?? 'The customer',
      body: ticket.statement.body,
      taken_by: null,
      taken_at: ticket.statement.at,
      corrects_id: null,
    };
    const salt = drawSalt();
    statements.push(s);
    salts.push({ subject_id: s.id, workspace_id: ws, subject_kind: 'statement', salt });
    later.push({
      kind: 'statement_added',
      actorId: null,
      at: s.taken_at,
      data: {
        statementId: s.id,
        party: 'customer',
        employeeId: null,
        correctsId: null,
        textCommitment: commitTo(salt, statementText(s)),
        imported: true,
      },
    });
  }
  for (const m of ticket.messages) {
    if (m.from === 'customer') {
      const row: CustomerMessageRow = {
        id: newId(),
        workspace_id: ws,
        case_id: id,
        via: ticket.channel === 'web_form' ? 'web' : 'email',
        body: m.body,
        received_at: m.at,
        inbound_email_id: null,
      };
      const salt = drawSalt();
      messages.push(row);
      salts.push({ subject_id: row.id, workspace_id: ws, subject_kind: 'customer_message', salt });
      later.push({
        kind: 'customer_message',
        actorId: null,
        at: m.at,
        data: { messageId: row.id, via: row.via, textCommitment: commitTo(salt, { body: row.body }), imported: true },
      });
    } else
      later.push({
        kind: 'note',
        actorId: null,
        at: m.at,
        data: {
          text: m.body,
          imported: true,
          visibility: m.isPublic ? 'public reply' : 'private note',
          ...(m.author ? { author: m.author } : {}),
        },
      });
  }
  if (tags.length > 0)
    later.push({ kind: 'tags_changed', actorId: origin.actorId, at: ticket.createdAt, data: { added: tags, removed: [], imported: true } });
  if (ticket.status !== 'reported')
    later.push({
      kind: 'status_changed',
      actorId: null,
      at: ticket.statusAt < ticket.createdAt ? ticket.createdAt : ticket.statusAt,
      data: { from: 'reported', to: ticket.status, imported: true, ...(closed ? { outcome, rootCause } : {}) },
    });
  // The timeline reads in the order things happened; the status the export ended on stays last among equals.
  later.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const { rows, head } = chainEvents(kase, [created, ...later]);
  Object.assign(kase, head);
  return {
    kase,
    events: rows,
    statements,
    messages,
    salts,
    tags: tags.map((tag) => ({ workspace_id: ws, case_id: id, tag, created_at: ticket.createdAt })),
    link: { workspace_id: ws, source: origin.source, external_id: ticket.externalId, case_id: id, import_id: origin.importId },
  };
}
