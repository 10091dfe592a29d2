import { AppError, invalid } from '../domain/errors.js';
import { type PlaybookProgress, progress } from '../domain/playbooks.js';
import type { Strategy } from '../domain/strategy.js';
import type { CaseView } from '../presenters/case-presenter.js';
import { listStepsDone } from '../store/playbooks.js';
import type { CaseRow, Db } from '../store/schema.js';
import { commitChange } from './case-change.js';
import { loadCase, lockCase } from './case-helpers.js';
import { inTransaction, type ServiceContext } from './context.js';
import { recommendForCase } from './recommend-strategy.js';
import { type PlaybookView, resolvePlaybook } from './workspace-playbooks.js';

export type StartPlaybookInput = {
  key: string;
  version?: number | undefined;
  strategy?: Strategy | undefined;
  reason?: string | undefined;
};

/**
 * Starts a playbook version on a case with a strategy (the recommended one by default). Choosing a
 * strategy other than the recommender's, or switching away from a playbook already running, needs
 * a reason; both the choice and the start go on the timeline.
 */
export function startPlaybook(ctx: ServiceContext, ref: string, input: StartPlaybookInput): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    const playbook = await resolvePlaybook(db, row.workspace_id, input.key, input.version);
    if (!playbook) throw invalid('key', input.version === undefined ? 'no such playbook' : 'no such playbook version');
    const recommendation = await recommendForCase({ ...ctx, db }, ref);
    const chosen = input.strategy ?? recommendation.strategy;
    const reason = input.reason?.trim() || null;
    const same = row.playbook_key === playbook.key && row.playbook_version === playbook.version;
    if (same && row.strategy === chosen) {
      throw new AppError('conflict', `${ref} is already running ${playbook.name} (version ${playbook.version}) with this strategy`);
    }
    if (chosen !== recommendation.strategy && !reason) {
      throw invalid('reason', `say why you chose ${chosen} rather than the recommended ${recommendation.strategy}`);
    }
    if (row.playbook_key !== null && !reason) throw invalid('reason', 'say why you are changing the playbook or strategy mid-case');
    const at = ctx.now.toISOString();
    const by = ctx.actor.userId;
    const previous = row.playbook_key === null ? null : { key: row.playbook_key, version: row.playbook_version, strategy: row.strategy };
    return commitChange(ctx, db, row, { playbook_key: playbook.key, playbook_version: playbook.version, strategy: chosen }, [
      {
        kind: 'strategy_chosen',
        actorId: by,
        at,
        data: { recommended: recommendation.strategy, chosen, reason, reasons: recommendation.reasons },
      },
      { kind: 'playbook_started', actorId: by, at, data: { key: playbook.key, version: playbook.version, name: playbook.name, previous } },
    ]);
  });
}

/** Records one step of the running playbook as done; steps may be done in any order, each once. */
export function markStepDone(ctx: ServiceContext, ref: string, input: { stepKey: string; note?: string | undefined }): Promise<CaseView> {
  return inTransaction(ctx.db, async (db) => {
    const row = await lockCase(db, ctx.actor, ref, 'update');
    const playbook = await runningPlaybook(db, row);
    if (!playbook) throw new AppError('conflict', `No playbook is running on ${ref}; start one first`);
    const step = playbook.steps.find((s) => s.key === input.stepKey);
    if (!step) throw invalid('stepKey', `${playbook.name} has no step "${input.stepKey}"`);
    const done = await listStepsDone(db, row.workspace_id, row.id, playbook.key, playbook.version);
    if (done.some((d) => d.stepKey === step.key)) throw new AppError('conflict', `"${step.title}" is already done on ${ref}`);
    const note = input.note?.trim() || null;
    return commitChange(ctx, db, row, {}, [
      {
        kind: 'step_done',
        actorId: ctx.actor.userId,
        at: ctx.now.toISOString(),
        // Where the step sits and in which playbook, so the timeline reads "Step 3 of Five steps — Empathise — done".
        data: {
          key: playbook.key,
          version: playbook.version,
          playbookName: playbook.name,
          stepKey: step.key,
          title: step.title,
          position: playbook.steps.indexOf(step) + 1,
          of: playbook.steps.length,
          note,
        },
      },
    ]);
  });
}

type CaseRecommendation = Awaited<ReturnType<typeof recommendForCase>>;

export type PlaybookRunView =
  | { playbook: null; strategy: Strategy | null; recommendation: CaseRecommendation }
  | {
      playbook: PlaybookView;
      strategy: Strategy | null;
      recommendation: CaseRecommendation;
      progress: PlaybookProgress;
      steps: { key: string; title: string; done: { at: string; by: string | null; note: string | null } | null }[];
    };

/** The playbook a case runs (the exact version it started), how far it has got, and today's recommendation. */
export async function readPlaybookRun(ctx: ServiceContext, ref: string): Promise<PlaybookRunView> {
  const { row } = await loadCase(ctx.db, ctx.actor, ref);
  const recommendation = await recommendForCase(ctx, ref);
  const strategy = row.strategy as Strategy | null;
  const playbook = await runningPlaybook(ctx.db, row);
  if (!playbook) return { playbook: null, strategy, recommendation };
  const done = await listStepsDone(ctx.db, row.workspace_id, row.id, playbook.key, playbook.version);
  const byStep = new Map(done.map((d) => [d.stepKey, d]));
  return {
    playbook,
    strategy,
    recommendation,
    progress: progress(playbook, byStep.keys()),
    steps: playbook.steps.map((s) => {
      const d = byStep.get(s.key);
      return { key: s.key, title: s.title, done: d ? { at: d.at, by: d.actorId, note: d.note } : null };
    }),
  };
}

async function runningPlaybook(db: Db, row: CaseRow): Promise<PlaybookView | undefined> {
  if (row.playbook_key === null || row.playbook_version === null) return undefined;
  return resolvePlaybook(db, row.workspace_id, row.playbook_key, row.playbook_version);
}
