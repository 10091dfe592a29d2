import { invalid } from '../domain/errors.js';
import { toMajorOrNull, toMinor } from '../domain/money.js';
import { isRole, ROLES, type Role } from '../domain/permissions.js';
import { DEFAULT_ROLE_LIMITS, effectiveLimitMinor } from '../domain/resolution.js';
import type { Db } from '../store/schema.js';
import { roleLimits, setRoleLimit, setUserLimit } from '../store/settings.js';
import { findUser, listUsers } from '../store/workspaces.js';
import { requirePermission } from './authorization.js';
import { inTransaction, type ServiceContext } from './context.js';

/** Amounts are in major units (e.g. 250 = 250.00); null on a role means no limit, on a user "use the role's". */
export type AuthorityLimits = {
  roles: Record<Role, number | null>;
  users: { userId: string; name: string; role: Role; amount: number | null }[];
  currencyNote: string;
};
export type AuthorityLimitsInput = { roles: Record<Role, number | null>; users: { userId: string; amount: number | null }[] };

const CURRENCY_NOTE =
  'Limits are plain amounts compared with the cost of a resolution in the case’s own currency; there is no conversion between currencies.';

/** The limit (minor units, null = none) that applies to a user of the workspace. */
export async function authorityLimitOf(db: Db, workspaceId: string, userId: string): Promise<number | null> {
  const user = await findUser(db, workspaceId, userId);
  if (!user || !isRole(user.role)) return 0;
  const roles = await roleLimits(db, workspaceId);
  return effectiveLimitMinor(user.role, user.authority_limit_minor, roles.get(user.role));
}

export async function getAuthorityLimits(ctx: ServiceContext): Promise<AuthorityLimits> {
  requirePermission(ctx.actor, 'read', 'settings');
  const ws = ctx.actor.workspaceId;
  const [set, users] = await Promise.all([roleLimits(ctx.db, ws), listUsers(ctx.db, ws)]);
  const roles = Object.fromEntries(
    ROLES.map((r) => [r, set.has(r) ? toMajorOrNull(set.get(r) ?? null) : DEFAULT_ROLE_LIMITS[r]]),
  ) as Record<Role, number | null>;
  return {
    roles,
    users: users
      .filter((u) => u.deactivated_at === null)
      .map((u) => ({ userId: u.id, name: u.name, role: u.role as Role, amount: toMajorOrNull(u.authority_limit_minor) })),
    currencyNote: CURRENCY_NOTE,
  };
}

/** Sets every role's limit and the listed users' overrides (admins only). */
export async function setAuthorityLimits(ctx: ServiceContext, input: AuthorityLimitsInput): Promise<AuthorityLimits> {
  requirePermission(ctx.actor, 'update', 'settings');
  const ws = ctx.actor.workspaceId;
  await inTransaction(ctx.db, async (db) => {
    for (const [i, u] of input.users.entries()) {
      if (!(await findUser(db, ws, u.userId))) throw invalid(`users.${i}.userId`, 'no such user in this workspace');
    }
    for (const role of ROLES) {
      const amount = input.roles[role];
      await setRoleLimit(db, ws, role, amount === null ? null : toMinor(amount));
    }
    for (const u of input.users) await setUserLimit(db, ws, u.userId, u.amount === null ? null : toMinor(u.amount));
  });
  return getAuthorityLimits(ctx);
}
