import { notFound } from '../domain/errors.js';
import { type WorkspaceAbilities, workspaceAbilities } from '../presenters/workspace-abilities.js';
import { findUser, findWorkspace } from '../store/workspaces.js';
import type { Actor, ServiceContext } from './context.js';

export type Me = {
  id: string;
  email: string;
  name: string;
  role: Actor['role'];
  teamIds: string[];
  employeeId: string | null;
  workspace: { id: string; name: string; slug: string; currency: string; timeZone: string };
  can: WorkspaceAbilities;
};

/** The signed-in user as the web app needs them: who, which role, which teams, which workspace. */
export async function describeMe(ctx: Pick<ServiceContext, 'db' | 'actor'>): Promise<Me> {
  const { actor } = ctx;
  const [user, workspace] = await Promise.all([
    findUser(ctx.db, actor.workspaceId, actor.userId),
    findWorkspace(ctx.db, actor.workspaceId),
  ]);
  if (!user || !workspace) throw notFound('Your account');
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: actor.role,
    teamIds: [...actor.teamIds],
    employeeId: actor.employeeId,
    workspace: {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      currency: workspace.currency,
      timeZone: workspace.time_zone,
    },
    can: workspaceAbilities(actor),
  };
}
