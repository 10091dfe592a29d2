import type { CaseStatus, TimelineEvent } from '../api/types.js';
import { dueWords } from './due-words.js';
import { PARTY_LABEL, rootCauseLabel, STATUS_LABEL } from './labels.js';
import { formatDateTime, formatDuration, formatMoney } from './time.js';

type Names = { user(id: string | null | undefined): string; employee(id: string | null | undefined): string };

/** What other entries of the same timeline tell about one: a promise's text, a mail's delivery, the playbook's name. */
export type TimelineContext = {
  promises: ReadonlyMap<string, string>;
  deliveries: ReadonlyMap<string, { state: 'sent' | 'bounced'; error?: string | undefined }>;
  playbookName: string | null;
  now: Date;
};

/** Where an entry went: to the customer (a reply), staff only (a note), or neither said. */
export type Audience = 'customer' | 'internal' | undefined;

/** A reply's delivery, for its badge: emailed (queued, sent, bounced) or said in person / by phone. */
export type ReplyDelivery =
  | { via: 'email'; state: 'queued' | 'sent' | 'bounced'; messageId: string; error?: string | undefined }
  | { via: 'spoken' };

export type DescribedEvent = { text: string; detail?: string | undefined; audience?: Audience; delivery?: ReplyDelivery };

const status = (s: unknown) => (typeof s === 'string' && s in STATUS_LABEL ? STATUS_LABEL[s as CaseStatus] : String(s));
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const money = (v: unknown, currency?: unknown): string | undefined => {
  if (v && typeof v === 'object' && 'amount' in v && 'currency' in v) return formatMoney(Number(v.amount), String(v.currency));
  return typeof v === 'number' && typeof currency === 'string' ? formatMoney(v, currency) : undefined;
};

const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  summary: 'description',
  channel: 'channel',
  teamId: 'team',
  severity: 'severity',
  customerState: 'customer’s state',
  occurredAt: 'time of the incident',
  financialImpact: 'money at stake',
  riskFlags: 'risks',
  caseTypeId: 'case type',
};

const PROMISE_END: Record<string, string> = { kept: 'kept', broken: 'broken', cancelled: 'cancelled' };

/** The context a whole timeline gives each of its entries. */
export function timelineContext(events: readonly TimelineEvent[], now: Date = new Date()): TimelineContext {
  const promises = new Map<string, string>();
  const deliveries = new Map<string, { state: 'sent' | 'bounced'; error?: string | undefined }>();
  let playbookName: string | null = null;
  for (const e of events) {
    if (e.kind === 'commitment_added' && typeof e.data.id === 'string' && typeof e.data.text === 'string')
      promises.set(e.data.id, e.data.text);
    if (e.kind === 'reply_delivery' && typeof e.data.messageId === 'string' && (e.data.state === 'sent' || e.data.state === 'bounced'))
      deliveries.set(e.data.messageId, { state: e.data.state, error: str(e.data.error) });
    if (e.kind === 'playbook_started' && typeof e.data.name === 'string') playbookName = e.data.name;
  }
  return { promises, deliveries, playbookName, now };
}

const EMPTY: TimelineContext = { promises: new Map(), deliveries: new Map(), playbookName: null, now: new Date() };

/**
 * One timeline event as a sentence that says what it means ("Step 3 of Five steps — Empathise —
 * done", "Dana approved $1,250.00 (limit $1,000.00)") plus an optional quoted detail (a note's text,
 * a reason), who it was for, and how a reply reached the customer. Unknown kinds still read sensibly,
 * so events added by later features show up before this screen learns them.
 */
export function describeEvent(e: TimelineEvent, names: Names, context: TimelineContext = EMPTY): DescribedEvent {
  const who = names.user(e.actorId);
  const d = e.data;
  if (d.imported) return describeImported(e, who);
  switch (e.kind) {
    case 'case_created':
      return { text: `${who} reported the case` };
    case 'status_changed':
      return describeStatus(who, d);
    case 'assigned':
      return d.to ? { text: `${who} assigned it to ${names.user(d.to as string)}` } : { text: `${who} removed the assignee` };
    case 'note':
      return { text: `${who} added an internal note`, detail: str(d.text), audience: 'internal' };
    case 'statement_added': {
      const party = typeof d.party === 'string' && d.party in PARTY_LABEL ? PARTY_LABEL[d.party as keyof typeof PARTY_LABEL] : 'A';
      const author = typeof d.authorName === 'string' ? ` from ${d.authorName}` : '';
      return { text: `${who} recorded the ${party.toLowerCase()}’s statement${author}${d.correctsId ? ' (a correction)' : ''}` };
    }
    case 'reply':
      return describeReply(who, d, context);
    case 'reply_delivery':
      return d.state === 'bounced'
        ? { text: 'The reply email bounced: it did not reach the customer', detail: str(d.error) }
        : { text: 'The reply email was delivered to the customer’s mail server' };
    case 'party_added':
      return { text: `${who} added ${names.employee(d.employeeId as string)} as ${String(d.role ?? 'party')}` };
    case 'case_updated': {
      const changes = d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : [];
      const fields = changes.map((k) => FIELD_LABEL[k] ?? k);
      return { text: fields.length ? `${who} changed the ${joinWords(fields)}` : `${who} updated the case` };
    }
    case 'customer_message':
      return {
        text: d.via === 'email' ? 'The customer wrote in by email' : 'The customer added information on their status page',
        detail: 'Their words are under “From the customer”.',
      };
    case 'attachment_added':
      return {
        text: `${d.source === 'email' ? 'A file came with the customer’s email' : `${who} added a file`} (${String(d.contentType)})`,
        detail: `SHA-256 ${String(d.sha256)}`,
      };
    case 'status_link_revoked':
      return { text: `${who} turned off the customer’s status link` };
    case 'tags_changed':
      return { text: describeTags(who, d) };
    case 'case_merged':
      return {
        text: `${who} merged this case into ${String(d.intoRef)} (the same incident) and closed it as merged`,
        detail: mergeDetail(d),
      };
    case 'duplicate_merged':
      return {
        text: `${who} merged the duplicate ${String(d.duplicateRef)} into this case`,
        detail: mergeDetail(d),
      };
    case 'case_split': {
      const n = Array.isArray(d.messageIds) ? d.messageIds.length : 0;
      return {
        text: `${who} split part of this case into ${String(d.toRef)}${d.title ? ` — ${String(d.title)}` : ''}`,
        detail:
          [n > 0 ? `${n} customer ${n === 1 ? 'message' : 'messages'} moved there.` : '', str(d.reason) ?? ''].filter(Boolean).join(' ') ||
          undefined,
      };
    }
    case 'split_from':
      return { text: `${who} opened this case from part of ${String(d.fromRef)}`, detail: str(d.reason) };
    case 'customer_merged':
      return { text: `${who} merged a duplicate customer record: this case now belongs to the customer’s kept record` };
    case 'personal_data_erased': {
      const n = Array.isArray(d.redacted) ? d.redacted.length : 0;
      const files = typeof d.filesErased === 'number' ? d.filesErased : 0;
      return {
        text: `${who} erased the customer’s personal data on request: their mentions were removed from ${n} ${n === 1 ? 'entry' : 'entries'} above${
          files > 0 ? `, and ${files} ${files === 1 ? 'file' : 'files'} they gave us deleted` : ''
        }`,
      };
    }
    case 'help_requested':
      return { text: `${who} asked a supervisor for help`, ...(typeof d.note === 'string' ? { detail: d.note } : {}) };
    case 'clock_paused':
      return {
        text: `${who} paused the SLA clocks: waiting on the customer`,
        ...(typeof d.note === 'string' ? { detail: d.note } : {}),
      };
    case 'clock_resumed':
      return { text: describeResume(who, d, e.at, context.now) };
    case 'help_taken':
      return { text: `${who} took the call for help from ${names.user(typeof d.requestedBy === 'string' ? d.requestedBy : null)}` };
    case 'strategy_chosen':
      return {
        text: `${who} chose to ${String(d.chosen)}${d.chosen !== d.recommended ? ` (the recommendation was ${String(d.recommended)})` : ''}`,
        detail: str(d.reason),
      };
    case 'playbook_started':
      return { text: `${who} started the playbook ${String(d.name ?? d.key)}`, detail: str(d.reason) };
    case 'step_done': {
      const playbook = str(d.playbookName) ?? context.playbookName ?? 'the playbook';
      const title = str(d.title) ?? String(d.stepKey);
      const where = typeof d.position === 'number' ? `Step ${d.position} of ${playbook}` : `A step of ${playbook}`;
      return { text: `${where} — ${title} — done (${who})`, detail: str(d.note) };
    }
    case 'resolution_proposed': {
      const cost = money(d.cost) ?? 'no cost';
      const limit =
        typeof d.limit === 'number' && d.cost && typeof d.cost === 'object'
          ? money(d.limit, (d.cost as { currency?: unknown }).currency)
          : undefined;
      const asked =
        Array.isArray(d.askedIds) && d.askedIds.length > 0
          ? `; asked ${joinWords(
              d.askedIds.map((id) => names.user(String(id))),
              'or',
            )} to approve`
          : '';
      const approval = d.approvalState === 'pending' ? ` — above ${limit ? `the limit of ${limit}` : 'their limit'}${asked}` : '';
      return { text: `${who} proposed a resolution costing ${cost}${approval}`, detail: str(d.solution) };
    }
    case 'resolution_decided': {
      const cost = money(d.cost);
      const limit =
        d.limit === null
          ? ' (no limit)'
          : typeof d.limit === 'number' && d.cost && typeof d.cost === 'object'
            ? ` (limit ${money(d.limit, (d.cost as { currency?: unknown }).currency)})`
            : '';
      const verb = d.decision === 'approve' ? 'Approved' : 'Rejected';
      const what = cost ? `${verb} ${cost}${limit}` : `${verb} the resolution`;
      return {
        text: `${what} — ${who}`,
        detail: [str(d.solution), str(d.note) ? `“${d.note}”` : undefined].filter(Boolean).join(' · ') || undefined,
      };
    }
    case 'commitment_added':
      return { text: `Promise: ${String(d.text)} by ${dueWords(String(d.dueAt), context.now)} (${names.user(d.ownerId as string)})` };
    case 'commitment_reminded':
      return { text: `Reminder sent: ${promiseText(d, context)} is due ${dueWords(String(d.dueAt), context.now)}` };
    case 'commitment_escalated':
      return { text: `Overdue promise escalated: ${promiseText(d, context)}` };
    case 'commitment_closed': {
      const end = PROMISE_END[String(d.status)] ?? String(d.status);
      const late = d.status === 'kept' && d.onTime === false ? ', late' : '';
      return {
        text: `Promise ${end}${late}: ${promiseText(d, context)}${d.atClose ? ' (settled at close)' : ''} — ${who}`,
        detail: str(d.note),
      };
    }
    case 'follow_up_scheduled':
      return { text: `Follow-up with ${followUpWho(d, names)} planned for ${dueWords(String(d.dueAt), context.now)}` };
    case 'follow_up_sent':
      return { text: `Follow-up sent to ${followUpWho(d, names)}` };
    case 'follow_up_answered':
      return { text: `${followUpWho(d, names, true)} answered the follow-up${d.reopens ? ', unhappy: the case reopened' : ''}` };
    case 'follow_up_cancelled':
      return { text: `${who} cancelled the follow-up with ${followUpWho(d, names)}`, detail: str(d.reason) };
    case 'abuse_reported':
      return { text: `${who} ended an abusive interaction; the case went to ${names.user(d.handedTo as string)}`, detail: str(d.note) };
    case 'sla_breached':
      return { text: `The ${d.clock === 'acknowledge' ? 'acknowledge' : 'resolve'} deadline passed` };
    default:
      return { text: `${who}: ${e.kind.replaceAll('_', ' ')}` };
  }
}

const IMPORT_SOURCE: Record<string, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk', defuse: 'another Defuse' };

/** Entries of a case imported from another helpdesk: what the ticket said there, at the time it happened. */
function describeImported(e: TimelineEvent, who: string): DescribedEvent {
  const d = e.data;
  const from = (x: unknown) => (x && typeof x === 'object' ? (x as { source?: unknown; externalId?: unknown; importedAt?: unknown }) : {});
  switch (e.kind) {
    case 'case_created': {
      const i = from(d.imported);
      const source = IMPORT_SOURCE[String(i.source)] ?? String(i.source);
      const when = typeof i.importedAt === 'string' ? ` on ${formatDateTime(i.importedAt)}` : '';
      return {
        text: `Imported from ${source} (ticket ${String(i.externalId)}): opened there at this time`,
        detail: `Imported by ${who}${when}.`,
      };
    }
    case 'statement_added':
      return { text: 'The customer’s own account, from the imported ticket' };
    case 'customer_message':
      return { text: 'The customer wrote on the imported ticket', detail: 'Their words are under “From the customer”.' };
    case 'note':
      return {
        text: d.visibility === 'private note' ? 'A private note on the imported ticket' : 'A reply staff sent on the imported ticket',
        detail: str(d.text),
        audience: d.visibility === 'private note' ? 'internal' : 'customer',
      };
    case 'tags_changed':
      return { text: `Tagged in the other helpdesk: ${strings(d.added).join(', ')}` };
    case 'status_changed': {
      const closed = d.to === 'closed' ? ` — outcome: ${str(d.outcome) ?? 'unknown'}; root cause unknown (imported)` : '';
      return { text: `The ticket was ${status(d.to).toLowerCase()} in the other helpdesk${closed}` };
    }
    default:
      return { text: `Imported: ${e.kind.replace(/_/g, ' ')}` };
  }
}

function describeStatus(who: string, d: Record<string, unknown>): DescribedEvent {
  if (d.to === 'closed') {
    const rc = d.rootCause && typeof d.rootCause === 'object' ? (d.rootCause as { category?: unknown }) : null;
    const cause = rc && typeof rc.category === 'string' ? ` · root cause: ${rootCauseLabel(rc.category).toLowerCase()}` : '';
    const outcome = str(d.outcome);
    const reason = str(d.proceedReason);
    return {
      text: `${who} closed the case${outcome ? ` — outcome: ${outcome}` : ''}${cause}`,
      ...(reason ? { detail: `Closed with open items because: ${reason}` } : {}),
    };
  }
  const skipped =
    Array.isArray(d.stepsLeft) && d.stepsLeft.length > 0
      ? ` with ${d.stepsLeft.length} playbook step${d.stepsLeft.length === 1 ? '' : 's'} left`
      : '';
  const detail = [str(d.reason), str(d.proceedReason)].filter(Boolean).join(' · ');
  return { text: `${who} moved it from ${status(d.from)} to ${status(d.to)}${skipped}`, ...(detail ? { detail } : {}) };
}

function describeReply(who: string, d: Record<string, unknown>, context: TimelineContext): DescribedEvent {
  const score = d.score && typeof d.score === 'object' && 'total' in d.score ? ` · coach score ${String(d.score.total)}/100` : '';
  const raw = d.delivery && typeof d.delivery === 'object' ? (d.delivery as Record<string, unknown>) : null;
  const body = str(d.body);
  if (raw?.via === 'email' && typeof raw.messageId === 'string') {
    const final = context.deliveries.get(raw.messageId);
    const delivery: ReplyDelivery = { via: 'email', state: final?.state ?? 'queued', messageId: raw.messageId, error: final?.error };
    return { text: `${who} emailed the customer${score}`, detail: body, audience: 'customer', delivery };
  }
  if (raw?.via === 'spoken')
    return {
      text: `${who} replied to the customer in person or by phone${score}`,
      detail: body,
      audience: 'customer',
      delivery: { via: 'spoken' },
    };
  // Replies recorded before email sending existed: kept, but not said to have been emailed.
  return { text: `${who} replied to the customer${score}`, detail: body, audience: 'customer' };
}

const promiseText = (d: Record<string, unknown>, context: TimelineContext): string =>
  str(d.text) ?? context.promises.get(String(d.id)) ?? 'a promise';

function followUpWho(d: Record<string, unknown>, names: Names, capital = false): string {
  if (d.party === 'customer') return capital ? 'The customer' : 'the customer';
  return typeof d.employeeId === 'string' ? names.employee(d.employeeId) : capital ? 'The employee' : 'the employee';
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function joinWords(words: string[], last: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** "Dana tagged it vip and late-delivery and took off refund". */
function describeTags(who: string, d: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const added = list(d.added);
  const removed = list(d.removed);
  const parts = [
    ...(added.length ? [`tagged it ${joinWords(added)}`] : []),
    ...(removed.length ? [`took off the tag${removed.length > 1 ? 's' : ''} ${joinWords(removed)}`] : []),
  ];
  return `${who} ${parts.join(' and ') || 'changed the tags'}`;
}

const RESUME_CAUSE: Record<string, string> = {
  customer_replied: 'the customer wrote in',
  case_finished: 'the case was resolved',
};

/** "Dana Whitfield resumed the SLA clocks after 2h of waiting — resolve by Fri 4 pm PST". */
function describeResume(who: string, d: Record<string, unknown>, at: string, now: Date): string {
  const cause = typeof d.cause === 'string' ? RESUME_CAUSE[d.cause] : undefined;
  const waited = typeof d.pausedAt === 'string' ? ` after ${formatDuration(Date.parse(at) - Date.parse(d.pausedAt))} of waiting` : '';
  const start = cause ? `The SLA clocks ran again${waited} (${cause})` : `${who} resumed the SLA clocks${waited}`;
  return typeof d.resolveDueAt === 'string' && d.cause !== 'case_finished'
    ? `${start} — resolve by ${dueWords(d.resolveDueAt, now)}`
    : start;
}

/** What a merge carried across and what stayed where it was, in a sentence or two. */
function mergeDetail(d: Record<string, unknown>): string | undefined {
  const count = (v: unknown) => (typeof v === 'number' ? v : 0);
  const promises = Array.isArray(d.promisesMoved) ? d.promisesMoved.length : 0;
  const parts = [
    str(d.reason),
    promises > 0 ? `${promises} open ${promises === 1 ? 'promise' : 'promises'} moved to the case kept.` : undefined,
    `Kept on the duplicate: ${count(d.statements)} statements, ${count(d.customerMessages)} customer messages, ${count(d.attachments)} files.`,
  ];
  return parts.filter(Boolean).join(' ');
}
