import { AppError, notFound } from '../domain/errors.js';
import { builtInPlaybooks, copyPlaybook, findPlaybook, type Playbook, type PlaybookChanges, revisePlaybook } from '../domain/playbooks.js';
import {
  findWorkspacePlaybook,
  insertPlaybookVersion,
  listLatestWorkspacePlaybooks,
  listWorkspacePlaybookKeys,
} from '../store/playbooks.js';
import type { Db } from '../store/schema.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

/** A playbook as the API shows it: built-ins are read-only, workspace playbooks are copies admins edit. */
export type PlaybookView = Playbook & { builtIn: boolean };

/**
 * Finds a playbook by key: a built-in (which only has version 1) or one of the workspace's, at the
 * given version or its latest. Undefined when there is no such key or version.
 */
export async function resolvePlaybook(db: Db, workspaceId: string, key: string, version?: number): Promise<PlaybookView | undefined> {
  const builtIn = findPlaybook(key);
  if (builtIn) return version === undefined || version === builtIn.version ? { ...builtIn, builtIn: true } : undefined;
  const own = await findWorkspacePlaybook(db, workspaceId, key, version);
  return own ? { ...own, builtIn: false } : undefined;
}

/** The built-in playbooks, then the latest version of each of the workspace's own. */
export async function listPlaybooks(ctx: ServiceContext): Promise<PlaybookView[]> {
  requirePermission(ctx.actor, 'list', 'playbook');
  const own = await listLatestWorkspacePlaybooks(ctx.db, ctx.actor.workspaceId);
  return [...builtInPlaybooks().map((p) => ({ ...p, builtIn: true })), ...own.map((p) => ({ ...p, builtIn: false }))];
}

/** One playbook at a version (its latest by default); 404 when the key or version is unknown. */
export async function readPlaybook(ctx: ServiceContext, key: string, version?: number): Promise<PlaybookView> {
  requirePermission(ctx.actor, 'read', 'playbook');
  const found = await resolvePlaybook(ctx.db, ctx.actor.workspaceId, key, version);
  if (!found) throw notFound(version === undefined ? `Playbook ${key}` : `Version ${version} of playbook ${key}`);
  return found;
}

export type CopyPlaybookInput = { fromKey: string; fromVersion?: number | undefined; name: string };

/** Copies a playbook (built-in or the workspace's own) into a new workspace playbook, version 1. */
export async function copyWorkspacePlaybook(ctx: ServiceContext, input: CopyPlaybookInput): Promise<PlaybookView> {
  requirePermission(ctx.actor, 'create', 'playbook');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    const from = await resolvePlaybook(db, ws, input.fromKey, input.fromVersion);
    if (!from) {
      const what = input.fromVersion === undefined ? `Playbook ${input.fromKey}` : `Version ${input.fromVersion} of ${input.fromKey}`;
      throw new AppError('validation', `${what} was not found`, [{ path: 'fromKey', message: 'no such playbook or version' }]);
    }
    const { builtIn: _, ...source } = from;
    const copy = copyPlaybook(source, input.name, await listWorkspacePlaybookKeys(db, ws));
    await insertPlaybookVersion(db, ws, copy, ctx.actor.userId, ctx.now.toISOString());
    return { ...copy, builtIn: false };
  });
}

/** Saves the next version of a workspace playbook; built-ins are refused (copy them first). Old versions stay. */
export async function reviseWorkspacePlaybook(ctx: ServiceContext, key: string, changes: PlaybookChanges): Promise<PlaybookView> {
  requirePermission(ctx.actor, 'update', 'playbook');
  const ws = ctx.actor.workspaceId;
  return inTransaction(ctx.db, async (db) => {
    if (findPlaybook(key)) throw new AppError('conflict', `${key} is a built-in playbook and cannot be changed; copy it and edit the copy`);
    const latest = await findWorkspacePlaybook(db, ws, key, undefined, true);
    if (!latest) throw notFound(`Playbook ${key}`);
    const next = revisePlaybook(latest, changes);
    await insertPlaybookVersion(db, ws, next, ctx.actor.userId, ctx.now.toISOString());
    return { ...next, builtIn: false };
  });
}
