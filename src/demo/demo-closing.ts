import type { CaseStatus } from '../domain/case-status.js';
import type { TransitionInput } from '../services/case-input.js';
import { listCommitments } from '../services/commitments.js';
import type { ServiceContext } from '../services/context.js';
import { listCaseFollowUps } from '../services/follow-ups.js';
import { readPlaybookRun } from '../services/run-playbook.js';

/**
 * What a handler settles when resolving or closing a demo case, the way the product asks them to:
 * the reason to resolve with playbook steps left; at close, each open promise kept, a survey already
 * sent kept, a check-in not yet sent cancelled (they spoke on the phone instead).
 */
export async function demoLeftovers(ctx: ServiceContext, ref: string, to: CaseStatus): Promise<Partial<TransitionInput>> {
  if (to === 'resolved') {
    const run = await readPlaybookRun(ctx, ref);
    const left = run.playbook !== null && !run.progress.isComplete;
    return left ? { proceedReason: 'The customer was satisfied before the remaining steps were needed.' } : {};
  }
  if (to !== 'closed') return {};
  const [commitments, followUps] = await Promise.all([listCommitments(ctx, ref), listCaseFollowUps(ctx, ref)]);
  const promises = commitments.filter((c) => c.status === 'open').map((c) => ({ id: c.id, status: 'kept' as const }));
  const planned = followUps.filter((f) => f.status === 'scheduled' || f.status === 'sent');
  if (promises.length === 0 && planned.length === 0) return {};
  return {
    proceedReason: 'Everything agreed with the customer is done.',
    promises,
    followUps: planned.map((f) =>
      f.status === 'sent'
        ? { id: f.id, action: 'keep' as const }
        : { id: f.id, action: 'cancel' as const, reason: 'We talked it through on the phone; no check-in needed.' },
    ),
  };
}
