import { AppError, type FieldError } from '../domain/errors.js';
import { DEFAULT_TRAINING_RULES, type TrainingRules, validateTrainingRules } from '../domain/training-rules.js';
import type { Db } from '../store/schema.js';
import { listLatestWorkspaceScenarios } from '../store/training.js';
import { findTrainingSettings, saveTrainingSettings } from '../store/training-assignments.js';
import { builtInScenarios } from '../training/scenarios.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

/** The workspace's training rules: the defaults until an admin saves their own. */
export async function rulesOf(db: Db, workspaceId: string): Promise<TrainingRules> {
  const body = await findTrainingSettings(db, workspaceId);
  if (!body) return structuredClone(DEFAULT_TRAINING_RULES);
  const saved = JSON.parse(body) as Partial<TrainingRules>;
  return { ...structuredClone(DEFAULT_TRAINING_RULES), ...saved };
}

export async function readTrainingRules(ctx: ServiceContext): Promise<TrainingRules> {
  requirePermission(ctx.actor, 'read', 'settings');
  return rulesOf(ctx.db, ctx.actor.workspaceId);
}

/** Saves the rules as a whole; every field is checked, scenario keys against the library. */
export async function updateTrainingRules(ctx: ServiceContext, rules: TrainingRules): Promise<TrainingRules> {
  requirePermission(ctx.actor, 'update', 'settings');
  const ws = ctx.actor.workspaceId;
  const keys = new Set([...builtInScenarios(), ...(await listLatestWorkspaceScenarios(ctx.db, ws))].map((s) => s.key));
  const errors = validateTrainingRules(rules, keys);
  if (errors.length > 0) {
    const first = errors[0] as FieldError;
    throw new AppError('validation', `The training rules are not valid: ${first.path} ${first.message}`, errors);
  }
  await saveTrainingSettings(ctx.db, ws, JSON.stringify(rules), ctx.actor.userId, ctx.now.toISOString());
  return rules;
}
