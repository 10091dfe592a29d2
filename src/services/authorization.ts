import { AppError } from '../domain/errors.js';
import { type Action, authorize, conditionsFor, type Resource, type Subject } from '../domain/permissions.js';
import { refusal } from '../domain/refusal.js';
import type { CaseListScope } from '../store/cases.js';
import type { Actor } from './context.js';

/** Throws 403 unless the table lets the actor do this (to this subject, when one is given). */
export function requirePermission(actor: Actor, action: Action, resource: Resource, subject?: Subject): void {
  if (!authorize(actor, action, resource, subject)) throw forbidden(actor, action, resource);
}

/** 403 worded for people: who can do it ("Only a supervisor or an admin can assign this case."), and whom to ask when known. */
export function forbidden(_actor: Actor, action: Action, resource: Resource, options: Parameters<typeof refusal>[2] = {}): AppError {
  return new AppError('forbidden', refusal(action, resource, options));
}

/**
 * Which records of a resource a list may show the actor: all of them, or those of their teams and
 * those they are involved in. Read from the same table as single-record decisions.
 */
export type ListScope = { all: true } | { all: false; teamIds: readonly string[]; userId: string; involved: boolean };

export function listScope(actor: Actor, resource: Resource): ListScope {
  const conditions = conditionsFor(actor.role, 'read', resource);
  if (conditions.includes('any')) return { all: true };
  return {
    all: false,
    teamIds: conditions.includes('team') ? actor.teamIds : [],
    userId: actor.userId,
    involved: conditions.includes('involved'),
  };
}

/** The cases a list scope covers, as the store filters them; undefined means every case of the workspace. */
export function caseScopeOf(scope: ListScope): CaseListScope | undefined {
  return scope.all ? undefined : { teamIds: scope.teamIds, involvedUserId: scope.involved ? scope.userId : null };
}
