import type { Channel, Severity } from './case.js';
import type { CaseStatus } from './case-status.js';
import { offsetMinutes } from './time-zone.js';

/** Where past tickets come from: two helpdesks' exports and our own import format. */
export const IMPORT_SOURCES = ['zendesk', 'freshdesk', 'defuse'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** The root cause a closed imported case gets: the other helpdesk never asked why. */
export const IMPORTED_ROOT_CAUSE = { category: 'other', whys: ['unknown (imported)'], factors: [], imported: true } as const;
/** The outcome a closed imported case gets. */
export const importedOutcome = (source: ImportSource): string => `Closed in ${SOURCE_LABEL[source]} before it was imported`;

export const SOURCE_LABEL: Record<ImportSource, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk', defuse: 'Defuse' };

/** Something said on the ticket after it was opened: by the customer, or by staff (public reply or private note). */
export type ImportedMessage = { from: 'customer' | 'staff'; body: string; at: string; isPublic: boolean; author?: string | undefined };

/** One ticket read from an export, in our terms; dates are UTC ISO-8601. */
export type ImportedTicket = {
  externalId: string;
  title: string;
  summary: string;
  status: CaseStatus;
  severity: Severity;
  channel: Channel;
  createdAt: string;
  /** When it was solved, if it was (the resolve clock's end). */
  resolvedAt: string | null;
  /** When the status last changed as far as the export says (closing time, else last update). */
  statusAt: string;
  customer: { name: string; email: string | null; phone: string | null } | null;
  tags: string[];
  /** The customer's own first account (first public comment by the requester, or the description). */
  statement: { body: string; at: string } | null;
  messages: ImportedMessage[];
  /** A team or group name, matched against the workspace's teams. */
  team: string | null;
  /** The handler's name or email, matched against the workspace's users. */
  assignee: string | null;
  /** Our own format may carry how the case ended and why. */
  outcome?: string | undefined;
  rootCause?: { category: string; whys: string[]; factors: string[] } | undefined;
};

/** A row the import could not read, with the line of the file it starts on. */
export type ImportRowError = { line: number; reason: string };

const STATUS_MAPS: Record<Exclude<ImportSource, 'defuse'>, Record<string, CaseStatus>> = {
  // Zendesk: new, open, pending (waiting on the customer), hold / on-hold (waiting on a third party), solved, closed.
  zendesk: {
    new: 'reported',
    open: 'investigating',
    pending: 'resolving',
    hold: 'investigating',
    'on-hold': 'investigating',
    solved: 'resolved',
    closed: 'closed',
  },
  // Freshdesk: the four built-in statuses, their numbers in the API (2–5), and the two common waiting states.
  freshdesk: {
    open: 'investigating',
    '2': 'investigating',
    pending: 'resolving',
    '3': 'resolving',
    resolved: 'resolved',
    '4': 'resolved',
    closed: 'closed',
    '5': 'closed',
    'waiting on customer': 'resolving',
    'waiting on third party': 'investigating',
  },
};

/** Our status for a source's status word, or null when the word is none it knows. */
export function mapStatus(source: Exclude<ImportSource, 'defuse'>, raw: string): CaseStatus | null {
  return STATUS_MAPS[source][raw.trim().toLowerCase()] ?? null;
}

/**
 * Priorities to severities (1 is the most serious): urgent → 1, high → 2, normal/medium → 3 (also
 * when the ticket has none), low → 4; Freshdesk's API numbers them 1 (low) to 4 (urgent).
 */
const SEVERITY_OF: Record<string, Severity> = { urgent: 1, high: 2, normal: 3, medium: 3, '': 3, '-': 3, low: 4 };
const FRESHDESK_NUMBERED: Record<string, Severity> = { '4': 1, '3': 2, '2': 3, '1': 4 };

/** The severity for a priority word (or Freshdesk's number), or null when it is none we know. */
export function mapPriority(source: ImportSource, raw: string | null | undefined): Severity | null {
  const word = (raw ?? '').trim().toLowerCase();
  if (source === 'freshdesk' && word in FRESHDESK_NUMBERED) return FRESHDESK_NUMBERED[word] as Severity;
  return SEVERITY_OF[word] ?? null;
}

/** Our channel for how the ticket came in (Zendesk's "Via", Freshdesk's "Source"). */
export function mapChannel(raw: string | null | undefined): Channel {
  const word = (raw ?? '').trim().toLowerCase();
  if (/mail/.test(word) || word === '1' || word === '10') return 'email';
  if (/phone|voice|call/.test(word) || word === '3') return 'phone';
  if (/chat|messag|whatsapp|sms/.test(word) || word === '7') return 'chat';
  if (/twitter|facebook|instagram|social/.test(word) || word === '8') return 'social';
  if (/web|portal|form|widget|feedback/.test(word) || word === '2' || word === '9') return 'web_form';
  return 'other';
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date from an export as UTC ISO-8601. Helpdesk CSV exports write the wall clock of the account's
 * time zone without an offset ("2024-03-05 14:30"), so that wall clock is read in `timeZone`, daylight
 * saving included; a date that carries an offset (the JSON exports) keeps it. Null when unreadable.
 */
export function toUtc(raw: string, timeZone: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (WITH_OFFSET.test(text) && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const m = LOCAL_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  // The offset at the wall time, then again at the instant it gives, settles the hours around a change.
  const first = wall - hourlyOffset(timeZone, wall) * 60_000;
  const utc = wall - hourlyOffset(timeZone, first) * 60_000;
  return new Date(utc).toISOString();
}

// Zones change their offset on the hour, so one reading per zone and hour serves every date in it.
const offsets = new Map<string, Map<number, number>>();
function hourlyOffset(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let minutes = zone.get(hour);
  if (minutes === undefined) {
    if (zone.size > 200_000) zone.clear();
    minutes = offsetMinutes(timeZone, new Date(hour * 3_600_000));
    zone.set(hour, minutes);
  }
  return minutes;
}

/** Tags from an export cell: Zendesk separates them with spaces, Freshdesk with commas. */
export function splitTags(raw: string | null | undefined): string[] {
  return (raw ?? '')
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A title for a ticket without a subject: the start of its first words. */
export function titleFrom(subject: string, fallback: string): string {
  const text = (subject.trim() || fallback.trim()).replace(/\s+/g, ' ');
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
