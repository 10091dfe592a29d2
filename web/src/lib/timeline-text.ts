import type { CaseStatus, TimelineEvent } from '../api/types.js';
import { PARTY_LABEL, STATUS_LABEL } from './labels.js';

type Names = { user(id: string | null | undefined): string; employee(id: string | null | undefined): string };

const status = (s: unknown) => (typeof s === 'string' && s in STATUS_LABEL ? STATUS_LABEL[s as CaseStatus] : String(s));

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
};

/**
 * One timeline event as a sentence ("Dana moved it from New to Investigating") plus an optional
 * quoted detail (a note's text, a reason). Unknown kinds still read sensibly, so events added by
 * later features show up before this screen learns them.
 */
export function describeEvent(e: TimelineEvent, names: Names): { text: string; detail?: string | undefined } {
  const who = names.user(e.actorId);
  const d = e.data;
  switch (e.kind) {
    case 'case_created':
      return { text: `${who} reported the case` };
    case 'status_changed':
      return {
        text: `${who} moved it from ${status(d.from)} to ${status(d.to)}`,
        ...(typeof d.reason === 'string' ? { detail: d.reason } : {}),
      };
    case 'assigned':
      return d.to ? { text: `${who} assigned it to ${names.user(d.to as string)}` } : { text: `${who} removed the assignee` };
    case 'note':
      return { text: `${who} added a note`, detail: typeof d.text === 'string' ? d.text : undefined };
    case 'statement_added': {
      const party = typeof d.party === 'string' && d.party in PARTY_LABEL ? PARTY_LABEL[d.party as keyof typeof PARTY_LABEL] : 'A';
      const author = typeof d.authorName === 'string' ? ` from ${d.authorName}` : '';
      return { text: `${who} recorded the ${party.toLowerCase()}’s statement${author}${d.correctsId ? ' (a correction)' : ''}` };
    }
    case 'reply': {
      const score = d.score && typeof d.score === 'object' && 'total' in d.score ? ` · coach score ${String(d.score.total)}/100` : '';
      return { text: `${who} replied to the customer${score}`, detail: typeof d.body === 'string' ? d.body : undefined };
    }
    case 'party_added':
      return { text: `${who} added ${names.employee(d.employeeId as string)} as ${String(d.role ?? 'party')}` };
    case 'case_updated': {
      const changes = d.changes && typeof d.changes === 'object' ? Object.keys(d.changes) : [];
      const fields = changes.map((k) => FIELD_LABEL[k] ?? k);
      return { text: fields.length ? `${who} changed the ${joinWords(fields)}` : `${who} updated the case` };
    }
    case 'customer_merged':
      return { text: `${who} merged a duplicate customer record: this case now belongs to the customer’s kept record` };
    case 'help_requested':
      return { text: `${who} asked a supervisor for help`, ...(typeof d.note === 'string' ? { detail: d.note } : {}) };
    case 'help_taken':
      return { text: `${who} took the call for help from ${names.user(typeof d.requestedBy === 'string' ? d.requestedBy : null)}` };
    default:
      return { text: `${who}: ${e.kind.replaceAll('_', ' ')}` };
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
