import { type EventKind, GENESIS_HASH, hashEvent, sha256 } from '../domain/timeline.js';
import { listAllEventRows, listChainHeads, statementBodies } from '../store/cases.js';
import type { Db } from '../store/schema.js';

export type ChainBreak = { caseRef: string; workspaceId: string; seq: number; eventId: string | null; problem: string };
export type VerifyReport = { casesChecked: number; eventsChecked: number; firstBreak: ChainBreak | null };

/**
 * Walks every case's chain (or one case's): sequence numbers without gaps, each event's stored hash
 * equal to the hash of its content, each prevHash equal to the previous hash, the case head equal to
 * the last event (so a removed tail shows), and each statement's text equal to what its event recorded.
 */
export async function verifyTimelines(
  db: Db,
  options: { caseRef?: string | undefined; workspaceId?: string | undefined } = {},
): Promise<VerifyReport> {
  const cases = await listChainHeads(db, options);
  let eventsChecked = 0;
  for (const kase of cases) {
    const events = await listAllEventRows(db, kase.id);
    const bodies = await statementBodies(db, kase.id);
    let prevHash = GENESIS_HASH;
    const fail = (seq: number, eventId: string | null, problem: string): VerifyReport => ({
      casesChecked: cases.length,
      eventsChecked,
      firstBreak: { caseRef: kase.ref, workspaceId: kase.workspace_id, seq, eventId, problem },
    });
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as (typeof events)[number];
      eventsChecked++;
      if (e.seq !== i + 1) return fail(i + 1, e.id, `event #${i + 1} is missing (next stored event is #${e.seq})`);
      if (e.prev_hash !== prevHash) return fail(e.seq, e.id, 'its previous-hash does not match the event before it');
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        return fail(e.seq, e.id, 'its data is not valid JSON');
      }
      const expected = hashEvent({
        workspaceId: e.workspace_id,
        caseId: e.case_id,
        seq: e.seq,
        kind: e.kind as EventKind,
        actorId: e.actor_id,
        at: e.at,
        data,
        prevHash: e.prev_hash,
      });
      if (expected !== e.hash) return fail(e.seq, e.id, 'its content does not match its hash (the row was altered)');
      if (e.kind === 'statement_added') {
        const body = bodies.get(String(data.statementId));
        if (body === undefined || sha256(body) !== data.bodySha256)
          return fail(e.seq, e.id, 'the statement it records was altered or removed');
      }
      prevHash = e.hash;
    }
    if (events.length !== kase.event_count || prevHash !== kase.last_event_hash) {
      return fail(events.length + 1, null, `the case records ${kase.event_count} events but ${events.length} remain (events were removed)`);
    }
  }
  return { casesChecked: cases.length, eventsChecked, firstBreak: null };
}
