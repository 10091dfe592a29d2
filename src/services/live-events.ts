import { type DomainEvent, type EventCursor, formatCursor } from '../domain/domain-events.js';
import { authorize, type Subject } from '../domain/permissions.js';
import { findCaseById } from '../store/cases.js';
import { latestCursor, readEventsAfter } from '../store/event-outbox.js';
import type { Db } from '../store/schema.js';
import { caseSubject } from './case-helpers.js';
import type { Actor } from './context.js';

/** What a browser is told: which event happened where; it then refetches what it may read. */
export type LiveUpdate = { id: string; kind: string; caseRef: string | null; at: string; personal: boolean };

type Stamp = Pick<DomainEvent, 'position' | 'tx' | 'workspaceId' | 'kind' | 'caseId' | 'userId' | 'at'>;
type CaseFacts = { ref: string; subject: Subject } | null;

/**
 * Decides which events each connected person sees, with the permission table: a personal event only
 * its person, a case event those who may read the case, anything else the workspace's admins. The
 * facts of a case are read once per event for all the streams of this instance.
 */
export function createLiveAudience(db: Db) {
  const facts = new Map<number, Promise<CaseFacts>>();
  const factsOf = (e: Stamp): Promise<CaseFacts> => {
    let found = facts.get(e.position);
    if (!found) {
      found = e.caseId ? caseFacts(db, e.workspaceId, e.caseId) : Promise.resolve(null);
      facts.set(e.position, found);
      // A short memory: every stream asks about an event within moments of its arrival.
      if (facts.size > 2000) facts.delete(facts.keys().next().value as number);
    }
    return found;
  };
  return {
    /** The update for `actor`, or null when they may not know of it. */
    async updateFor(actor: Actor, e: Stamp): Promise<LiveUpdate | null> {
      if (e.workspaceId !== actor.workspaceId) return null;
      const base = { id: formatCursor(e), kind: e.kind, at: e.at };
      if (e.userId !== null) return e.userId === actor.userId ? { ...base, caseRef: null, personal: true } : null;
      if (e.caseId === null) return actor.role === 'admin' ? { ...base, caseRef: null, personal: false } : null;
      const kase = await factsOf(e);
      if (!kase || !authorize(actor, 'read', 'case', kase.subject)) return null;
      return { ...base, caseRef: kase.ref, personal: false };
    },
  };
}

async function caseFacts(db: Db, workspaceId: string, caseId: string): Promise<CaseFacts> {
  const row = await findCaseById(db, workspaceId, caseId);
  return row ? { ref: row.ref, subject: await caseSubject(db, row) } : null;
}

export type LiveAudience = ReturnType<typeof createLiveAudience>;

/** Where a new stream begins when it names no earlier event: the newest one. */
export const streamStart = (db: Db): Promise<EventCursor> => latestCursor(db);

/**
 * The events of the actor's workspace after `after` that they may see, for a stream that reconnects
 * with Last-Event-ID. `complete` is false when more than `max` events were missed: the browser should
 * then reload everything rather than replay.
 */
export async function missedUpdates(
  db: Db,
  audience: LiveAudience,
  actor: Actor,
  after: EventCursor,
  max = 1000,
): Promise<{ updates: LiveUpdate[]; last: EventCursor; complete: boolean }> {
  const updates: LiveUpdate[] = [];
  let last = after;
  let read = 0;
  while (read < max) {
    const page = await readEventsAfter(db, last, Math.min(200, max - read), actor.workspaceId);
    for (const e of page) {
      const update = await audience.updateFor(actor, e);
      if (update) updates.push(update);
      last = e;
    }
    read += page.length;
    if (page.length < 200) return { updates, last, complete: true };
  }
  return { updates, last, complete: false };
}
