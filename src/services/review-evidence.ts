import type { TrainingRecord } from '../domain/reviews.js';
import { listAttachmentRows } from '../store/attachments.js';
import { listAllEventRows, listStatements } from '../store/cases.js';
import { listFollowUpRows } from '../store/follow-ups.js';
import { findResolution } from '../store/resolutions.js';
import { listDecisionRows, listReviewCases, listReviewRows } from '../store/reviews.js';
import type { Db, EmployeeRow, ReviewRow } from '../store/schema.js';
import { listSupportRequestRows } from '../store/support-requests.js';
import { listSessions } from '../store/training.js';
import { findUsers } from '../store/workspaces.js';
import { finalDecision } from './review-status.js';
import { verifyTimelines } from './verify-timelines.js';

export type CaseEvidence = {
  caseId: string;
  ref: string;
  title: string;
  summary: string;
  status: string;
  occurredAt: string;
  reportedAt: string;
  counted: boolean;
  outcome: string | null;
  rootCause: { category: string | null; whys: string[] };
  cost: {
    impact: { amount: number; currency: string; kind: string | null } | null;
    agreed: { amount: number; currency: string; approved: boolean } | null;
  };
  statements: { id: string; party: string; author: string; body: string; takenAt: string }[];
  followUps: { id: string; party: string; status: string; answeredAt: string | null; answer: Record<string, unknown> | null }[];
  replyScores: { at: string; total: number }[];
  /** The case's files, by name and SHA-256; one erased with the customer's personal data says when. */
  files: { fileName: string; contentType: string; sha256: string; source: string; addedAt: string; erasedAt: string | null }[];
  timeline: { seq: number; kind: string; at: string; actor: string | null; hash: string }[];
  chain: { intact: boolean; problem: string | null; eventsChecked: number };
};

export type ReviewEvidence = {
  cases: CaseEvidence[];
  training: TrainingRecord[];
  /** Support asked for and given: kinds, dates and status only; what was said stays with the people involved. */
  support: {
    id: string;
    kind: string | null;
    source: string;
    status: string;
    createdAt: string;
    answeredAt: string | null;
    caseRef: string | null;
  }[];
  earlierReviews: { id: string; openedAt: string; status: string; outcome: string | null }[];
};

const major = (minor: number) => minor / 100;

/** The training the employee has done: finished practice sessions (certifications join here when recorded). */
export async function trainingRecordsOf(db: Db, workspaceId: string, employee: EmployeeRow): Promise<TrainingRecord[]> {
  if (!employee.user_id) return [];
  const sessions = await listSessions(db, workspaceId, { userIds: [employee.user_id], status: 'finished', limit: 500 });
  return sessions
    .map((s) => ({
      kind: 'practice' as const,
      key: s.scenario_key,
      title: s.scenario_title,
      finishedAt: s.finished_at ?? s.updated_at,
      passed: s.passed === null ? null : s.passed === 1,
    }))
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.key.localeCompare(b.key));
}

async function caseEvidence(db: Db, workspaceId: string, employee: EmployeeRow, reviewId: string): Promise<CaseEvidence[]> {
  const cases = await listReviewCases(db, workspaceId, reviewId);
  const out: CaseEvidence[] = [];
  for (const rc of cases) {
    const kase = await db.selectFrom('cases').selectAll().where('id', '=', rc.case_id).executeTakeFirstOrThrow();
    const [statements, events, resolution, followUps, files] = await Promise.all([
      listStatements(db, workspaceId, kase.id),
      listAllEventRows(db, kase.id),
      findResolution(db, workspaceId, kase.id),
      listFollowUpRows(db, workspaceId, kase.id),
      listAttachmentRows(db, workspaceId, kase.id),
    ]);
    const actors = new Map(
      (await findUsers(db, workspaceId, [...new Set(events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])))])).map((u) => [u.id, u.name]),
    );
    const check = await verifyTimelines(db, { caseRef: kase.ref, workspaceId });
    const rootCause = kase.root_cause ? (JSON.parse(kase.root_cause) as { whys?: string[] }) : {};
    out.push({
      caseId: kase.id,
      ref: kase.ref,
      title: kase.title,
      summary: kase.summary,
      status: kase.status,
      occurredAt: kase.occurred_at,
      reportedAt: kase.reported_at,
      counted: rc.counted === 1,
      outcome: kase.outcome,
      rootCause: { category: kase.root_cause_category, whys: rootCause.whys ?? [] },
      cost: {
        impact:
          kase.impact_amount_minor === null
            ? null
            : { amount: major(kase.impact_amount_minor), currency: kase.impact_currency ?? 'EUR', kind: kase.impact_kind },
        agreed: resolution
          ? { amount: major(resolution.cost_minor), currency: resolution.currency, approved: resolution.approval_state === 'approved' }
          : null,
      },
      statements: statements.map((s) => ({ id: s.id, party: s.party, author: s.author_name, body: s.body, takenAt: s.taken_at })),
      followUps: followUps
        .filter((f) => f.party === 'customer' || f.employee_id === employee.id)
        .map((f) => ({
          id: f.id,
          party: f.party,
          status: f.status,
          answeredAt: f.answered_at,
          answer: f.answer ? (JSON.parse(f.answer) as Record<string, unknown>) : null,
        })),
      replyScores: events
        .filter((e) => e.kind === 'reply' && employee.user_id !== null && e.actor_id === employee.user_id)
        .flatMap((e) => {
          const score = (JSON.parse(e.data) as { score?: { total: number } | null }).score;
          return score ? [{ at: e.at, total: score.total }] : [];
        }),
      files: files.map((f) => ({
        fileName: f.file_name,
        contentType: f.content_type,
        sha256: f.sha256,
        source: f.source,
        addedAt: f.added_at,
        erasedAt: f.erased_at,
      })),
      timeline: events.map((e) => ({
        seq: e.seq,
        kind: e.kind,
        at: e.at,
        actor: e.actor_id ? (actors.get(e.actor_id) ?? null) : null,
        hash: e.hash,
      })),
      chain: { intact: check.firstBreak === null, problem: check.firstBreak?.problem ?? null, eventsChecked: check.eventsChecked },
    });
  }
  return out;
}

/** Everything a fair decision rests on, gathered from what Defuse already holds. */
export async function gatherEvidence(db: Db, review: ReviewRow, employee: EmployeeRow): Promise<ReviewEvidence> {
  const ws = review.workspace_id;
  const [cases, training, support, reviews] = await Promise.all([
    caseEvidence(db, ws, employee, review.id),
    trainingRecordsOf(db, ws, employee),
    listSupportRequestRows(db, ws, { employeeIds: [employee.id] }),
    listReviewRows(db, ws, { employeeId: employee.id }),
  ]);
  const refs = new Map(
    (
      await db
        .selectFrom('cases')
        .select(['id', 'ref'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', [...support.flatMap((s) => (s.case_id ? [s.case_id] : [])), ''])
        .execute()
    ).map((c) => [c.id, c.ref]),
  );
  const earlier = reviews.filter((r) => r.id !== review.id && r.opened_at < review.opened_at);
  const decisions = await listDecisionRows(
    db,
    ws,
    earlier.map((r) => r.id),
  );
  return {
    cases,
    training,
    support: support
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        source: s.source,
        status: s.status,
        createdAt: s.created_at,
        answeredAt: s.answered_at,
        caseRef: s.case_id ? (refs.get(s.case_id) ?? null) : null,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    earlierReviews: earlier.map((r) => ({
      id: r.id,
      openedAt: r.opened_at,
      status: r.status,
      outcome: finalDecision(decisions.filter((d) => d.review_id === r.id))?.outcome ?? null,
    })),
  };
}
