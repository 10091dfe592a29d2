import type { Role } from './permissions.js';
import { orList } from './words.js';

/** Where a resolution stands with respect to approval. */
export const APPROVAL_STATES = ['not_needed', 'pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/**
 * What each role may offer on its own, in major units of the case currency, when an admin has not
 * set a limit. null means no limit. HR reads cases but does not hand out money, so its limit is 0.
 */
export const DEFAULT_ROLE_LIMITS: Readonly<Record<Role, number | null>> = {
  employee: 100,
  supervisor: 1000,
  hr: 0,
  admin: null,
};

/** The limit the workspace set for a role: a number, null for "no limit", undefined when never set. */
export type RoleLimitSetting = number | null | undefined;

/**
 * The authority limit that applies to one person, in minor units (null = no limit): their own
 * override first, then their role's limit in this workspace, then the built-in default of the role.
 */
export function effectiveLimitMinor(role: Role, userOverrideMinor: number | null, roleSettingMinor: RoleLimitSetting): number | null {
  if (userOverrideMinor !== null) return userOverrideMinor;
  if (roleSettingMinor !== undefined) return roleSettingMinor;
  const fallback = DEFAULT_ROLE_LIMITS[role];
  return fallback === null ? null : fallback * 100;
}

/** Whether a cost (minor units) is within a limit (minor units, null = no limit). */
export const withinLimit = (costMinor: number, limitMinor: number | null): boolean => limitMinor === null || costMinor <= limitMinor;

/** A resolution lets a case be resolved once it needs no approval or has it. */
export const allowsResolving = (state: ApprovalState | null): boolean => state === 'not_needed' || state === 'approved';

/** Why a case cannot be resolved yet, in words for the caller, naming who was asked to approve when known; null when it can. */
export function resolvingBlocker(state: ApprovalState | null, askedNames: readonly string[] = []): string | null {
  if (state === null) return 'Record a resolution (problem, options, solution and cost) before resolving the case';
  if (state === 'pending') {
    const who = askedNames.length > 0 ? `${orList(askedNames)} must approve it first` : 'someone with a higher limit must approve it first';
    return `The resolution costs more than its proposer may approve; ${who}`;
  }
  if (state === 'rejected') return 'The resolution was rejected; propose a new one before resolving the case';
  return null;
}
