import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../domain/errors.js';
import { type Action, authorize, type Resource } from '../domain/permissions.js';
import { forbidden } from '../services/authorization.js';

/**
 * What a route needs, declared next to it: an (action, resource) pair of the permission table, or
 * 'signed-in' for the caller's own account, or 'public' for sign-in itself. The matrix test walks
 * every route and reads this declaration.
 */
export type RoutePermission = { action: Action; resource: Resource } | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

export const can = (action: Action, resource: Resource): { permission: RoutePermission } => ({ permission: { action, resource } });
export const signedIn = { permission: 'signed-in' } as const;
export const publicRoute = { permission: 'public' } as const;

/** Refuses to start when a route under /api/v1 declares no permission: no route can slip past the table. */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.method === 'HEAD' || route.url.endsWith('*')) return;
    const config = route.config as { permission?: RoutePermission } | undefined;
    if (!config?.permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
  });
}

export function routePermission(request: FastifyRequest): RoutePermission | undefined {
  return (request.routeOptions.config as { permission?: RoutePermission }).permission;
}

/**
 * The role-level gate, before any record is loaded: a role with no rule for this action answers 403.
 * Record-level conditions (team, involved, self) are decided by the service with the record's facts.
 */
export async function gateByRole(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const permission = routePermission(request);
  if (permission === undefined || permission === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
  if (permission === 'signed-in') return;
  if (!authorize(actor, permission.action, permission.resource)) throw forbidden(actor, permission.action, permission.resource);
}
