import { firstDifference, projectCase, tagsDiffer } from '../domain/case-projection.js';
import { commitTo } from '../domain/personal-data.js';
import { GENESIS_HASH, hashStoredEvent, sha256 } from '../domain/timeline.js';
import { tagsOfCase } from '../store/case-tags.js';
import { listAllEventRows, listChainHeads, statementsById } from '../store/cases.js';
import { caseFactsBeside } from '../store/evidence.js';
import { saltsOf } from '../store/personal-data.js';
import type { Db, StatementRow } from '../store/schema.js';
import { statementText } from './add-statement.js';

export type ChainBreak = { caseRef: string; workspaceId: string; seq: number; eventId: string | null; problem: string };
export type VerifyReport = {
  casesChecked: number;
  eventsChecked: number;
  /** Statements whose words were erased (their salt destroyed): reported, not a break. */
  statementsErased: number;
  /** Events whose words were scrubbed by an erasure recorded later on the same chain: reported, not a break. */
  eventsRedacted: number;
  firstBreak: ChainBreak | null;
};

type Head = Awaited<ReturnType<typeof listChainHeads>>[number];
type Parsed = { seq: number; id: string; kind: string; actorId: string | null; at: string; data: Record<string, unknown> };

/**
 * Walks every case's chain (or one case's): sequence numbers without gaps, each event's stored hash
 * equal to the hash of its content, each prevHash equal to the previous hash, the case head equal to
 * the last event (so a removed tail shows). Then the rows beside the chain: each statement equal to
 * what its event recorded (and none without one), and the case row, its parties, its resolution and
 * its customer's commitment equal to what the timeline replays to.
 */
export async function verifyTimelines(
  db: Db,
  options: { caseRef?: string | undefined; workspaceId?: string | undefined } = {},
): Promise<VerifyReport> {
  const cases = await listChainHeads(db, options);
  const report: VerifyReport = { casesChecked: cases.length, eventsChecked: 0, statementsErased: 0, eventsRedacted: 0, firstBreak: null };
  for (const kase of cases) {
    const fail = (seq: number, eventId: string | null, problem: string): VerifyReport => ({
      ...report,
      firstBreak: { caseRef: kase.ref, workspaceId: kase.workspace_id, seq, eventId, problem },
    });
    const chain = await checkChain(db, kase, report);
    if ('problem' in chain) return fail(chain.seq, chain.eventId, chain.problem);
    const beside = await checkBeside(db, kase, chain.events, report);
    if (beside) return fail(beside.seq, beside.eventId, beside.problem);
  }
  return report;
}

type Problem = { seq: number; eventId: string | null; problem: string };

async function checkChain(db: Db, kase: Head, report: VerifyReport): Promise<{ events: Parsed[] } | Problem> {
  const rows = await listAllEventRows(db, kase.id);
  const events: Parsed[] = [];
  const redacted = redactionsOf(rows);
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const e = rows[i] as (typeof rows)[number];
    report.eventsChecked++;
    if (e.seq !== i + 1) return { seq: i + 1, eventId: e.id, problem: `event #${i + 1} is missing (next stored event is #${e.seq})` };
    if (e.prev_hash !== prevHash) return { seq: e.seq, eventId: e.id, problem: 'its previous-hash does not match the event before it' };
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(e.data) as Record<string, unknown>;
    } catch {
      return { seq: e.seq, eventId: e.id, problem: 'its data is not valid JSON' };
    }
    const expected = hashStoredEvent(e, data);
    if (e.workspace_id !== kase.workspace_id || (expected !== e.hash && redacted.get(e.seq) !== expected))
      return { seq: e.seq, eventId: e.id, problem: 'its content does not match its hash (the row was altered)' };
    if (expected !== e.hash) report.eventsRedacted++;
    events.push({ seq: e.seq, id: e.id, kind: e.kind, actorId: e.actor_id, at: e.at, data });
    prevHash = e.hash;
  }
  if (rows.length !== kase.event_count)
    return {
      seq: rows.length + 1,
      eventId: null,
      problem: `the case records ${kase.event_count} events but ${rows.length} remain (events were removed)`,
    };
  if (prevHash !== kase.last_event_hash)
    return { seq: rows.length, eventId: null, problem: "the case's head does not match its last event" };
  return { events };
}

/**
 * The scrubbed content each erasure on the chain vouches for: event seq → the hash of its content
 * after scrubbing. The stored hash of a scrubbed event stays the original one, so the links and every
 * checkpoint hold; its content is checked against what the later erasure event recorded, and that
 * event is itself checked like any other, so scrubbing is the only change an erasure lets through.
 */
function redactionsOf(rows: { seq: number; kind: string; data: string }[]): Map<number, string> {
  const hashes = new Map<number, string>();
  for (const r of rows) {
    if (r.kind !== 'personal_data_erased') continue;
    try {
      const data = JSON.parse(r.data) as { redacted?: { seq: number; hash: string }[] };
      for (const x of data.redacted ?? []) if (x.seq < r.seq) hashes.set(x.seq, x.hash);
    } catch {
      // An unreadable erasure event vouches for nothing; the main pass reports it.
    }
  }
  return hashes;
}

async function checkBeside(db: Db, kase: Head, events: Parsed[], report: VerifyReport): Promise<Problem | null> {
  const statements = await statementsById(db, kase.id);
  const salts = await saltsOf(db, kase.workspace_id, [...statements.keys()]);
  const recorded = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'statement_added') continue;
    const id = String(e.data.statementId);
    recorded.add(id);
    const s = statements.get(id);
    const problem = s ? statementProblem(s, e, salts.get(id)) : 'the statement it records was removed';
    if (problem === 'erased') report.statementsErased++;
    else if (problem) return { seq: e.seq, eventId: e.id, problem };
  }
  const head = kase.event_count;
  for (const id of statements.keys())
    if (!recorded.has(id)) return { seq: head, eventId: null, problem: 'a statement on the case was never recorded on its timeline' };

  const projection = projectCase(events);
  const facts = await caseFactsBeside(db, kase.workspace_id, kase.id, kase.customer_id);
  const rowProblem = firstDifference(projection, {
    title: kase.title,
    status: kase.status,
    severity: kase.severity,
    assigneeId: kase.assignee_id,
    teamId: kase.team_id,
    customerId: kase.customer_id,
    mergedIntoId: kase.merged_into_id,
  });
  if (rowProblem) return { seq: head, eventId: null, problem: rowProblem };
  if (tagsDiffer(projection, JSON.parse(kase.tags) as string[], await tagsOfCase(db, kase.workspace_id, kase.id)))
    return { seq: head, eventId: null, problem: "the case's tags differ from those its timeline records" };
  const parties = new Map(facts.parties.map((p) => [p.employee_id, p.role]));
  const samePartyCount = parties.size === projection.parties.size && facts.parties.length === parties.size;
  if (!samePartyCount || [...projection.parties].some(([id, role]) => parties.get(id) !== role))
    return { seq: head, eventId: null, problem: "the case's parties differ from those its timeline names" };
  const r = facts.resolution;
  const p = projection.resolution;
  if (
    (r === undefined) !== (p === null) ||
    (r && p && (r.cost_minor !== p.costMinor || r.currency !== p.currency || r.approval_state !== p.approvalState))
  )
    return { seq: head, eventId: null, problem: "the case's resolution (cost or approval) differs from what its timeline records" };
  const created = events[0];
  if (kase.customer_id) {
    const c = facts.customer;
    if (!c) return { seq: 1, eventId: created?.id ?? null, problem: "the case's customer was removed" };
    // After a merge the case points at the kept record, whose commitment the merge event names.
    const merged = events.filter((e) => e.kind === 'customer_merged').at(-1);
    const digest = merged ? merged.data.customerDigest : created?.data.customerDigest;
    if (typeof digest === 'string' && c.details_digest !== digest)
      return { seq: 1, eventId: created?.id ?? null, problem: "the customer's details differ from those the case was opened with" };
  }
  return null;
}

/** Why a statement row disagrees with its event ('erased' when its words were erased on purpose), or null. */
function statementProblem(s: StatementRow, e: Parsed, salt: string | undefined): string | null {
  const d = e.data;
  if (s.party !== d.party || s.employee_id !== (d.employeeId ?? null) || s.corrects_id !== (d.correctsId ?? null))
    return "the statement's party or author differs from what its event recorded";
  if (s.taken_by !== e.actorId || s.taken_at !== e.at) return 'the statement says it was taken by someone else or at another time';
  if (typeof d.authorName === 'string' && d.authorName !== s.author_name)
    return "the statement's author differs from what its event recorded";
  if (typeof d.bodySha256 === 'string') return sha256(s.body) === d.bodySha256 ? null : 'the statement it records was altered or removed';
  if (typeof d.textCommitment !== 'string') return 'its event commits to no statement text';
  if (salt === undefined) return s.body === '' && s.author_name === '' ? 'erased' : 'the salt of its words is gone but the words remain';
  return commitTo(salt, statementText(s)) === d.textCommitment ? null : 'the statement it records was altered or removed';
}
