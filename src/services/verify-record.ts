import type { SignedCheckpoint } from '../domain/audit-log.js';
import { hashAccessEntry } from '../domain/audit-log.js';
import { customerDigest, isErasedDetails } from '../domain/personal-data.js';
import { GENESIS_HASH } from '../domain/timeline.js';
import { accessEntryContent, accessLogChain, accessLogHead } from '../store/access-log.js';
import { customersForVerification, listCheckpoints } from '../store/audit.js';
import type { Db } from '../store/schema.js';
import { checkpointChainProblem, checkpointProblem, toSigned } from './audit-checkpoints.js';
import { verifyTimelines } from './verify-timelines.js';

export type RecordReport = {
  workspaceId: string;
  intact: boolean;
  /** What is wrong, first problem of each part; empty when intact. */
  problems: string[];
  cases: number;
  events: number;
  customers: number;
  accessLogEntries: number;
  /** Erasures of personal data found: reported so they read as what they are, not as tampering. */
  erased: { customers: number; statements: number; events: number };
  checkpoints: number;
  latestCheckpoint: { seq: number; at: string } | null;
  /** The exported checkpoints checked, each with its problem or null (the record only grew since). */
  against: { seq: number; at: string; problem: string | null }[];
};

/**
 * Verifies a workspace's whole record: every case chain and the rows beside it, every customer's
 * commitment, the access-log chain, the chain of stored checkpoints and the latest one against the
 * database — and, given copies of checkpoints kept elsewhere, each of those. Only such a copy stops
 * someone who holds the database and the signing key: they can rewrite and re-sign everything inside.
 */
export async function verifyRecord(db: Db, workspaceId: string, external: SignedCheckpoint[] = []): Promise<RecordReport> {
  const problems: string[] = [];
  const timelines = await verifyTimelines(db, { workspaceId });
  const b = timelines.firstBreak;
  if (b) problems.push(`case ${b.caseRef} event #${b.seq}${b.eventId ? ` (${b.eventId})` : ''}: ${b.problem}`);

  const customers = await customersForVerification(db, workspaceId);
  let erasedCustomers = 0;
  for (const c of customers) {
    const problem = customerProblem(c);
    if (problem === 'erased') erasedCustomers += 1;
    else if (problem) {
      problems.push(`customer ${c.id}: ${problem}`);
      break;
    }
  }

  const access = await accessProblem(db, workspaceId);
  if (access.problem) problems.push(`access log: ${access.problem}`);

  const stored = await listCheckpoints(db, workspaceId);
  const chain = checkpointChainProblem(stored);
  if (chain) problems.push(`checkpoints: ${chain}`);
  const latest = stored.at(-1);
  if (latest && !chain) {
    const problem = await checkpointProblem(db, toSigned(latest));
    if (problem) problems.push(problem);
  }
  const against = [];
  for (const signed of external) {
    const problem =
      signed.checkpoint.workspaceId === workspaceId ? await checkpointProblem(db, signed) : 'it is a checkpoint of another workspace';
    against.push({ seq: signed.checkpoint.seq, at: signed.checkpoint.at, problem });
    if (problem) problems.push(`exported ${problem}`);
  }
  return {
    workspaceId,
    intact: problems.length === 0,
    problems,
    cases: timelines.casesChecked,
    events: timelines.eventsChecked,
    customers: customers.length,
    accessLogEntries: access.entries,
    erased: { customers: erasedCustomers, statements: timelines.statementsErased, events: timelines.eventsRedacted },
    checkpoints: stored.length,
    latestCheckpoint: latest ? { seq: latest.seq, at: latest.at } : null,
    against,
  };
}

type CustomerCheck = Awaited<ReturnType<typeof customersForVerification>>[number];

/** Why a customer's row disagrees with its commitment ('erased' for a proper erasure), or null. */
function customerProblem(c: CustomerCheck): string | null {
  if (!c.details_digest) return 'holds no commitment to their details';
  if (c.erased_at !== null) {
    if (!isErasedDetails(c) || c.salt !== null) return 'is marked erased but still holds personal data';
    return 'erased';
  }
  if (c.salt === null) return 'the salt of their details is gone but they are not marked erased';
  return customerDigest(c.salt, c.id, c) === c.details_digest ? null : 'their name or contact details were changed';
}

async function accessProblem(db: Db, workspaceId: string): Promise<{ entries: number; problem: string | null }> {
  const rows = await accessLogChain(db, workspaceId);
  const head = await accessLogHead(db, workspaceId);
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const seq = i + 1;
    if (r.seq !== seq) return { entries: rows.length, problem: `entry #${seq} is missing or out of place` };
    if (r.prev_hash !== prev) return { entries: rows.length, problem: `entry #${seq} does not follow the one before it` };
    if (hashAccessEntry(accessEntryContent({ ...r, seq, prev_hash: prev })) !== r.hash)
      return { entries: rows.length, problem: `entry #${seq} was altered (its content does not match its hash)` };
    prev = r.hash;
  }
  if (head.seq !== rows.length || head.head !== prev)
    return { entries: rows.length, problem: `the log records ${head.seq} entries but ${rows.length} remain (entries were removed)` };
  return { entries: rows.length, problem: null };
}
