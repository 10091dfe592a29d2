import type { Coach } from '../coach/index.js';
import type { CoachResult, MoveKind } from '../domain/coach.js';
import { findWorkspace } from '../store/workspaces.js';
import type { ServiceContext } from './context.js';

let coach: Promise<Coach> | undefined;

/** The one coach of the process. Its language model takes a few hundred ms to load, so it loads on first use and server start stays fast. */
export function getCoach(): Promise<Coach> {
  coach ??= import('../coach/index.js').then(({ createCoach }) => createCoach());
  return coach;
}

export type CoachRequest = {
  customer?: string | undefined;
  reply?: string | undefined;
  glossary?: readonly string[] | undefined;
  expectedMoves?: readonly MoveKind[] | undefined;
};

/** The coach's reading for someone of a workspace: due times are read on the workspace's clock. */
export async function analyzeForWorkspace(ctx: Pick<ServiceContext, 'db' | 'actor' | 'now'>, input: CoachRequest): Promise<CoachResult> {
  const [coach, workspace] = await Promise.all([getCoach(), findWorkspace(ctx.db, ctx.actor.workspaceId)]);
  return coach.analyze({
    ...(input.customer !== undefined ? { customer: input.customer } : {}),
    ...(input.reply !== undefined ? { reply: input.reply } : {}),
    ...(input.glossary ? { glossary: input.glossary } : {}),
    ...(input.expectedMoves ? { expectedMoves: input.expectedMoves } : {}),
    now: ctx.now,
    ...(workspace ? { timeZone: workspace.time_zone } : {}),
  });
}
