import { notFound } from '../domain/errors.js';
import { setWorkspaceCurrency } from '../store/business-hours.js';
import { setTimeZone } from '../store/settings.js';
import { findWorkspace } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

export type WorkspaceSettings = { name: string; currency: string; timeZone: string };

/** The workspace's defaults: its currency and its time zone. */
export async function getWorkspaceSettings(ctx: ServiceContext): Promise<WorkspaceSettings> {
  requirePermission(ctx.actor, 'read', 'settings');
  const ws = await findWorkspace(ctx.db, ctx.actor.workspaceId);
  if (!ws) throw notFound('Workspace');
  return { name: ws.name, currency: ws.currency, timeZone: ws.time_zone };
}

/** Sets the currency money fields start from and the zone the workspace's clocks read (each when given). */
export async function setWorkspaceSettings(
  ctx: ServiceContext,
  input: { currency?: string | undefined; timeZone?: string | undefined },
): Promise<WorkspaceSettings> {
  requirePermission(ctx.actor, 'update', 'settings');
  await inTransaction(ctx.db, async (db) => {
    if (input.currency) await setWorkspaceCurrency(db, ctx.actor.workspaceId, input.currency);
    if (input.timeZone) await setTimeZone(db, ctx.actor.workspaceId, input.timeZone);
  });
  return getWorkspaceSettings(ctx);
}
