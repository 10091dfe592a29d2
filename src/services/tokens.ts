import { notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { findToken, listUserTokens, revokeTokenRow } from '../store/tokens.js';
import { createToken } from './accounts.js';
import { requirePermission } from './authorization.js';
import type { ServiceContext } from './context.js';

export type TokenView = { id: string; name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** The actor's own API tokens (never the secrets: only their hashes are kept). */
export async function listMyTokens(ctx: ServiceContext): Promise<TokenView[]> {
  requirePermission(ctx.actor, 'list', 'token', { ownerUserId: ctx.actor.userId });
  const rows = await listUserTokens(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  return rows.map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at }));
}

/** A new token acting with the actor's own role; the secret is returned this once. */
export async function createMyToken(ctx: ServiceContext, name: string): Promise<TokenView & { token: string }> {
  requirePermission(ctx.actor, 'create', 'token', { ownerUserId: ctx.actor.userId });
  const { id, token } = await createToken(ctx.db, { workspaceId: ctx.actor.workspaceId, userId: ctx.actor.userId, name }, ctx.now);
  return { id, name, createdAt: ctx.now.toISOString(), lastUsedAt: null, revokedAt: null, token };
}

/** Revokes a token at once. Someone else's token reads as unknown unless the actor may manage all tokens. */
export async function revokeToken(ctx: ServiceContext, id: string): Promise<void> {
  const token = await findToken(ctx.db, ctx.actor.workspaceId, id);
  if (!token || !authorize(ctx.actor, 'delete', 'token', { ownerUserId: token.user_id })) throw notFound(`Token ${id}`);
  await revokeTokenRow(ctx.db, token.id, ctx.now);
}
