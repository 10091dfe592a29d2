import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { AppError } from '../domain/errors.js';
import { isRole, type Role } from '../domain/permissions.js';
import type { Db, UserRow } from '../store/schema.js';
import { findTokenOwner, insertToken, touchToken } from '../store/tokens.js';
import { loadUserFacts } from '../store/users.js';
import { findUsersByEmail, findWorkspaceBySlug, insertUser, insertWorkspace } from '../store/workspaces.js';
import type { Actor } from './context.js';
import { inTransaction } from './context.js';

export { ROLES, type Role } from '../domain/permissions.js';

export const MIN_PASSWORD_LENGTH = 10;
const TOKEN_PREFIX = 'dfs_';

/** Tokens carry 256 random bits, so one fast SHA-256 is enough to store them safely (unlike passwords). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random secret for a session cookie, an API token or an invitation link. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'workspace'
  );
}

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP-recommended baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Creates a workspace with its first admin (password hashed with argon2id). */
export async function initWorkspace(
  db: Db,
  input: {
    workspace: string;
    email: string;
    password: string;
    name?: string;
    currency?: string | undefined;
    timeZone?: string | undefined;
  },
  now: Date,
) {
  const slug = slugify(input.workspace);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    if (await findWorkspaceBySlug(trx, slug)) throw new AppError('conflict', `A workspace named "${input.workspace}" already exists`);
    const workspace = await insertWorkspace(trx, { name: input.workspace, slug, currency: input.currency, timeZone: input.timeZone }, now);
    const user = await insertUser(
      trx,
      {
        workspaceId: workspace.id,
        email: input.email,
        name: input.name ?? input.email.split('@')[0] ?? input.email,
        role: 'admin',
        passwordHash,
      },
      now,
    );
    return { workspace, user };
  });
}

/** Issues a new API token for a user; the token itself is shown once and only its hash is kept. */
export async function createToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string },
  now: Date,
): Promise<{ id: string; token: string }> {
  const token = newSecret(TOKEN_PREFIX);
  const row = await insertToken(db, { ...input, tokenHash: hashToken(token) }, now);
  return { id: row.id, token };
}

/** Finds the single user with this email; ambiguous across workspaces needs the workspace named. */
export async function findUserByEmail(db: Db, email: string, workspaceSlug?: string) {
  const users = await findUsersByEmail(db, email);
  let matches = users;
  if (workspaceSlug) {
    const ws = await findWorkspaceBySlug(db, workspaceSlug);
    matches = users.filter((u) => u.workspace_id === ws?.id);
  }
  if (matches.length === 0)
    throw new AppError('not_found', `No user with email ${email}${workspaceSlug ? ` in workspace ${workspaceSlug}` : ''}`);
  if (matches.length > 1) throw new AppError('conflict', `${email} has accounts in several workspaces; name one with --workspace`);
  return matches[0] as (typeof matches)[number];
}

/** The actor a user acts as, or null when the account is gone or deactivated. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const facts = await loadUserFacts(db, userId);
  if (!facts || facts.user.deactivated_at !== null || !isRole(facts.user.role)) return null;
  return actorOf(facts.user, facts.teamIds, facts.employeeId);
}

export function actorOf(user: UserRow, teamIds: readonly string[], employeeId: string | null): Actor {
  return { userId: user.id, workspaceId: user.workspace_id, role: user.role as Role, teamIds, employeeId };
}

const TOUCH_EVERY_MS = 60_000;

/** The actor behind a bearer token, or null. Last-used time is written at most once a minute. */
export async function authenticateToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const owner = await findTokenOwner(db, hashToken(token));
  if (!owner || !isRole(owner.user.role)) return null;
  if (!owner.lastUsedAt || now.getTime() - Date.parse(owner.lastUsedAt) > TOUCH_EVERY_MS) await touchToken(db, owner.tokenId, now);
  return actorOf(owner.user, owner.teamIds, owner.employeeId);
}
