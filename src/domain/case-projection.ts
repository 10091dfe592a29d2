import { toMinor } from './money.js';
import { applyTagChange } from './tags.js';

/** What a case's timeline says its row must hold now: the facts `audit verify` recomputes and compares. */
export type CaseProjection = {
  title: string | null;
  status: string | null;
  severity: number | null;
  assigneeId: string | null;
  teamId: string | null;
  customerId: string | null;
  /** The case kept, once this one was merged into it. */
  mergedIntoId: string | null;
  /** Each named employee and their part in the case. */
  parties: Map<string, string>;
  resolution: { costMinor: number; currency: string; approvalState: string } | null;
  /** The case's tags, sorted. */
  tags: string[];
};

type TimelineEntry = { kind: string; data: Record<string, unknown> };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Replays a case's events, oldest first, into the state they describe. Each event kind that moves a
 * fact of the row says so in its data (see the services that write it), so the row is a projection
 * of the timeline and anything written to it beside an event shows as a difference.
 */
export function projectCase(events: readonly TimelineEntry[]): CaseProjection {
  const p: CaseProjection = {
    title: null,
    status: null,
    severity: null,
    assigneeId: null,
    teamId: null,
    customerId: null,
    mergedIntoId: null,
    parties: new Map(),
    resolution: null,
    tags: [],
  };
  for (const { kind, data } of events) {
    switch (kind) {
      case 'case_created': {
        p.title = str(data.title);
        p.status = 'reported';
        p.severity = typeof data.severity === 'number' ? data.severity : null;
        p.assigneeId = str(data.assigneeId);
        p.teamId = str(data.teamId);
        p.customerId = str(data.customerId);
        for (const party of Array.isArray(data.parties) ? data.parties : []) {
          const { employeeId, role } = party as { employeeId?: unknown; role?: unknown };
          if (typeof employeeId === 'string' && typeof role === 'string') p.parties.set(employeeId, role);
        }
        break;
      }
      case 'case_updated': {
        const changes = (data.changes ?? {}) as Record<string, { to?: unknown } | undefined>;
        if (changes.title) p.title = str(changes.title.to);
        if (changes.severity && typeof changes.severity.to === 'number') p.severity = changes.severity.to;
        if (changes.teamId) p.teamId = str(changes.teamId.to);
        break;
      }
      case 'assigned':
        p.assigneeId = str(data.to);
        break;
      case 'customer_merged':
        p.customerId = str(data.intoCustomerId);
        break;
      case 'status_changed':
        p.status = str(data.to);
        break;
      case 'case_merged':
        p.status = 'closed';
        p.mergedIntoId = str(data.intoCaseId);
        break;
      case 'party_added':
        if (typeof data.employeeId === 'string' && typeof data.role === 'string') p.parties.set(data.employeeId, data.role);
        break;
      case 'resolution_proposed': {
        const cost = (data.cost ?? {}) as { amount?: unknown; currency?: unknown };
        p.resolution = {
          costMinor: typeof cost.amount === 'number' ? toMinor(cost.amount) : Number.NaN,
          currency: str(cost.currency) ?? '',
          approvalState: str(data.approvalState) ?? '',
        };
        break;
      }
      case 'tags_changed':
        p.tags = applyTagChange(p.tags, strings(data.added), strings(data.removed));
        break;
      case 'resolution_decided':
        if (p.resolution) p.resolution.approvalState = data.decision === 'approve' ? 'approved' : 'rejected';
        break;
    }
  }
  return p;
}

/** The row's facts in the projection's terms, to compare one with the other. */
export type CaseFacts = Omit<CaseProjection, 'parties' | 'resolution' | 'tags'>;

/** Whether the tags a case holds (its row's and its tag rows') differ from those its timeline put on it. */
export function tagsDiffer(projection: CaseProjection, ...held: readonly (readonly string[])[]): boolean {
  const want = projection.tags.join('\n');
  return held.some((tags) => [...tags].sort().join('\n') !== want);
}

/** The first fact where the row and the timeline disagree, named for the report, or null. */
export function firstDifference(projection: CaseProjection, row: CaseFacts): string | null {
  const fields: [keyof CaseFacts, string][] = [
    ['title', 'title'],
    ['status', 'status'],
    ['severity', 'severity'],
    ['assigneeId', 'handler'],
    ['teamId', 'team'],
    ['customerId', 'customer'],
    ['mergedIntoId', 'merge'],
  ];
  for (const [key, label] of fields) if (projection[key] !== row[key]) return `the case's ${label} differs from what its timeline records`;
  return null;
}
