import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../domain/errors.js';
import { type Action, authorize, conditionsFor, type Resource, ROLES } from '../domain/permissions.js';
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
  interface FastifyInstance {
    /** Every /api/v1 route's declared permission, keyed "METHOD /path/{param}" as in the OpenAPI document. */
    routePermissions: Map<string, RoutePermission>;
  }
}

export const can = (action: Action, resource: Resource): { permission: RoutePermission } => ({ permission: { action, resource } });
export const signedIn = { permission: 'signed-in' } as const;
export const publicRoute = { permission: 'public' } as const;

/**
 * Refuses to start when a route under /api/v1 declares no permission, so no route can slip past the
 * table; records each declaration and states it in the route's OpenAPI description.
 */
export function requireDeclaredPermissions(app: FastifyInstance, registry: Map<string, RoutePermission>): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.method === 'HEAD') return;
    const config = route.config as { permission?: RoutePermission } | undefined;
    const permission = config?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    registry.set(`${String(route.method)} ${route.url.replace(/:(\w+)/g, '{$1}')}`, permission);
    if (route.schema) route.schema.description = describePermission(permission);
  });
}

function describePermission(permission: RoutePermission): string {
  if (permission === 'public') return 'Open to anyone.';
  if (permission === 'signed-in') return 'Any signed-in user, for their own account.';
  const who = ROLES.map((role) => [role, conditionsFor(role, permission.action, permission.resource)] as const)
    .filter(([, conditions]) => conditions.length > 0)
    .map(([role, conditions]) => (conditions.includes('any') ? role : `${role} (${conditions.join(' or ')})`));
  return `Permission ${permission.action} ${permission.resource}: ${who.join(', ')}.`;
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
