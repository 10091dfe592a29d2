import { HOLD_SCOPES, type HoldScope } from '../domain/data-rights.js';
import { AppError, invalid, notFound } from '../domain/errors.js';
import {
  casesCountedByOpenReviews,
  findLegalHold,
  type HoldSubject,
  holdSubjectsOf,
  insertLegalHold,
  listLegalHoldRows,
  releaseLegalHold as releaseHoldRow,
} from '../store/data-rights.js';
import { newId } from '../store/ids.js';
import type { Db, LegalHoldRow } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export type LegalHoldView = {
  id: string;
  matter: string;
  reason: string;
  subjects: { kind: HoldScope; id: string; label: string }[];
  createdBy: string | null;
  createdAt: string;
  released: { by: string | null; at: string; reason: string } | null;
};

/** A case held because a review not yet decided counts it: its dossier must not change under HR. */
export type ReviewHoldView = { reviewId: string; caseId: string; caseRef: string };

export type NewLegalHold = { matter: string; reason: string; subjects: HoldSubject[] };

/** Puts a legal hold on cases, customers or employees (any mix); several holds may name the same record. */
export async function createLegalHold(ctx: ServiceContext, input: NewLegalHold): Promise<LegalHoldView> {
  requirePermission(ctx.actor, 'create', 'legal_hold');
  const matter = input.matter.trim();
  const reason = input.reason.trim();
  if (!matter) throw invalid('matter', 'name the matter the hold is for');
  if (!reason) throw invalid('reason', 'say why the records are held');
  if (input.subjects.length === 0) throw invalid('subjects', 'name at least one case, customer or employee to hold');
  return inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const unique = [...new Map(input.subjects.map((s) => [`${s.kind}:${s.id}`, s])).values()];
    for (const [i, s] of unique.entries()) {
      if (!(HOLD_SCOPES as readonly string[]).includes(s.kind)) throw invalid(`subjects.${i}.kind`, 'must be case, customer or employee');
      if (!(await subjectLabel(db, ws, s))) throw invalid(`subjects.${i}.id`, `no such ${s.kind} in this workspace`);
    }
    const row: LegalHoldRow = {
      id: newId(),
      workspace_id: ws,
      matter,
      reason,
      created_by: ctx.actor.userId,
      created_at: ctx.now.toISOString(),
      released_by: null,
      released_at: null,
      release_reason: null,
    };
    await insertLegalHold(db, row, unique);
    return (await viewsOf(db, ws, [row]))[0] as LegalHoldView;
  });
}

/** Releases a hold, with the reason; what it held may be erased again unless another hold remains. */
export async function releaseLegalHold(ctx: ServiceContext, id: string, reason: string): Promise<LegalHoldView> {
  requirePermission(ctx.actor, 'update', 'legal_hold');
  if (!reason.trim()) throw invalid('reason', 'say why the hold is released');
  return inTransaction(ctx.db, async (db) => {
    const ws = ctx.actor.workspaceId;
    const hold = await findLegalHold(db, ws, id);
    if (!hold) throw notFound('Legal hold');
    const patch = { released_by: ctx.actor.userId, released_at: ctx.now.toISOString(), release_reason: reason.trim() };
    if (!(await releaseHoldRow(db, ws, id, patch))) throw new AppError('conflict', `The hold "${hold.matter}" was released already`);
    return (await viewsOf(db, ws, [{ ...hold, ...patch }]))[0] as LegalHoldView;
  });
}

/** Every legal hold (in force first) and the cases held by open reviews. */
export async function listLegalHolds(ctx: ServiceContext): Promise<{ items: LegalHoldView[]; reviewHolds: ReviewHoldView[] }> {
  requirePermission(ctx.actor, 'list', 'legal_hold');
  const ws = ctx.actor.workspaceId;
  const rows = await listLegalHoldRows(ctx.db, ws);
  const reviews = await casesCountedByOpenReviews(ctx.db, ws);
  return {
    items: await viewsOf(ctx.db, ws, rows),
    reviewHolds: reviews.map((r) => ({ reviewId: r.review_id, caseId: r.case_id, caseRef: r.ref })),
  };
}

/** How a held record is named on the page: a case by its reference, a person by name (an erased customer as such). */
async function subjectLabel(db: Db, ws: string, s: HoldSubject): Promise<string | null> {
  if (s.kind === 'case') {
    const c = await db.selectFrom('cases').select('ref').where('workspace_id', '=', ws).where('id', '=', s.id).executeTakeFirst();
    return c?.ref ?? null;
  }
  if (s.kind === 'customer') {
    const c = await db
      .selectFrom('customers')
      .select(['name', 'erased_at'])
      .where('workspace_id', '=', ws)
      .where('id', '=', s.id)
      .executeTakeFirst();
    return c ? (c.erased_at ? 'an erased customer' : c.name) : null;
  }
  const e = await db.selectFrom('employees').select('name').where('workspace_id', '=', ws).where('id', '=', s.id).executeTakeFirst();
  return e?.name ?? null;
}

async function viewsOf(db: Db, ws: string, rows: LegalHoldRow[]): Promise<LegalHoldView[]> {
  const subjects = await holdSubjectsOf(
    db,
    ws,
    rows.map((r) => r.id),
  );
  const views: LegalHoldView[] = [];
  for (const r of rows) {
    const mine = subjects.filter((s) => s.hold_id === r.id);
    const labelled = [];
    for (const s of mine) {
      const subject = { kind: s.subject_kind, id: s.subject_id };
      labelled.push({ ...subject, label: (await subjectLabel(db, ws, subject)) ?? 'removed' });
    }
    views.push({
      id: r.id,
      matter: r.matter,
      reason: r.reason,
      subjects: labelled,
      createdBy: r.created_by,
      createdAt: r.created_at,
      released: r.released_at ? { by: r.released_by, at: r.released_at, reason: r.release_reason ?? '' } : null,
    });
  }
  return views;
}
