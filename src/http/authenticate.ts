import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { authenticateToken } from '../services/accounts.js';
import type { Actor, ServiceContext } from '../services/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** preHandler for /api/v1: a valid bearer token names the actor and so the workspace. */
export async function requireActor(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1])
    throw new AppError('unauthenticated', 'Send an API token as "Authorization: Bearer <token>" (create one with `defuse token create`)');
  const actor = await authenticateToken(request.server.db, match[1], new Date());
  if (!actor) throw new AppError('unauthenticated', 'The API token is unknown or revoked');
  request.actor = actor;
}

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign-in required');
  return { db: request.server.db, actor: request.actor, now: new Date() };
}
