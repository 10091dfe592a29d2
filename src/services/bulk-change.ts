import type { CaseStatus } from '../domain/case-status.js';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { CaseView } from '../presenters/case-presenter.js';
import { requirePermission } from './authorization.js';
import { tagCase } from './case-tags.js';
import { assignCase, transitionCase } from './change-case.js';
import type { ServiceContext } from './context.js';

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'transition'; to: CaseStatus; reason?: string | undefined }
  | { kind: 'tag'; tags: string[] };

export type BulkOutcome = {
  ref: string;
  ok: boolean;
  case?: CaseView;
  problem?: { status: number; code: ErrorCode; detail: string };
};

/** The HTTP status each refusal would have had on its own, so a client can word it the same way. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
};

/**
 * One action on many cases. Each case is its own change, in its own transaction, through the same
 * service (and the same permission check) as the single-case action, so each writes its own event
 * and a case that refuses leaves the others changed; the answer says, per case, which.
 */
export async function changeCasesInBulk(ctx: ServiceContext, refs: readonly string[], action: BulkAction): Promise<BulkOutcome[]> {
  requirePermission(ctx.actor, 'update', 'case');
  const out: BulkOutcome[] = [];
  for (const ref of refs) {
    try {
      out.push({ ref, ok: true, case: await applyOne(ctx, ref, action) });
    } catch (error) {
      if (!(error instanceof AppError) || STATUS[error.code] === undefined) throw error;
      out.push({ ref, ok: false, problem: { status: STATUS[error.code] as number, code: error.code, detail: error.detail } });
    }
  }
  return out;
}

function applyOne(ctx: ServiceContext, ref: string, action: BulkAction): Promise<CaseView> {
  switch (action.kind) {
    case 'assign':
      return assignCase(ctx, ref, action.assigneeId);
    case 'transition':
      return transitionCase(ctx, ref, { to: action.to, ...(action.reason ? { reason: action.reason } : {}) });
    case 'tag':
      return tagCase(ctx, ref, action.tags);
  }
}
