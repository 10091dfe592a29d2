import { verify } from '@node-rs/argon2';
import { AppError, invalid } from '../domain/errors.js';
import type { Db, UserRow } from '../store/schema.js';
import { deleteSession, deleteUserSessions, findSession, insertSession, touchSession } from '../store/sessions.js';
import { clearCounter, hitCounter } from '../store/shared-counters.js';
import { findUserByInviteHash, loadUserFacts, updateUserRow } from '../store/users.js';
import { findUsersByEmail, findWorkspaceBySlug } from '../store/workspaces.js';
import { actorOf, hashPassword, hashToken, loadActor, MIN_PASSWORD_LENGTH, newSecret } from './accounts.js';
import { type Actor, inTransaction, type ServiceContext } from './context.js';

/** Sessions last two weeks from the last request, and never more than 90 days from sign-in. */
const IDLE_MS = 14 * 24 * 3600_000;
const ABSOLUTE_MS = 90 * 24 * 3600_000;
const TOUCH_EVERY_MS = 10 * 60_000;

/** Five wrong passwords for one account within 15 minutes lock it for the rest of that window. */
export const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

export type ClientInfo = { ip: string | null; userAgent: string | null };
export type SignedIn = { actor: Actor; sessionId: string; sessionToken: string; expiresAt: Date };

// Verifying against a real hash when the email is unknown keeps the answer time the same, so
// response timing does not reveal which emails have accounts.
const DUMMY_HASH = hashPassword('not a real password, only a timing decoy');

/** Checks an email and password and opens a session; wrong credentials and lockouts say nothing about which part was wrong. */
export async function signIn(
  db: Db,
  input: { email: string; password: string; workspace?: string | undefined },
  client: ClientInfo,
  now: Date,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  // The attempt is counted before the password is checked and only a success takes it back, so
  // parallel guesses (on any number of instances) get at most MAX_FAILURES password checks.
  const lockout = `sign-in:${email}`;
  const attempt = await hitCounter(db, lockout, FAILURE_WINDOW_MS, now);
  if (attempt.hits > MAX_FAILURES) {
    const retryAfter = Math.max(1, Math.ceil((Date.parse(attempt.resetsAt) - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfter / 60);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins for this account. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`,
      undefined,
      retryAfter,
    );
  }
  let candidates = (await findUsersByEmail(db, email)).filter((u) => u.deactivated_at === null && u.password_hash !== null);
  if (input.workspace) {
    const ws = await findWorkspaceBySlug(db, input.workspace);
    candidates = candidates.filter((u) => u.workspace_id === ws?.id);
  }
  const matching: UserRow[] = [];
  for (const user of candidates) if (await verify(user.password_hash as string, input.password)) matching.push(user);
  if (candidates.length === 0) await verify(await DUMMY_HASH, input.password);
  if (matching.length === 0) throw new AppError('unauthenticated', 'The email or password is not right');
  await clearCounter(db, lockout);
  if (matching.length > 1) {
    throw new AppError('validation', 'This email signs in to several workspaces: name the workspace', [
      { path: 'workspace', message: 'name the workspace (its short name, e.g. "harbor-pine-outfitters")' },
    ]);
  }
  const user = matching[0] as UserRow;
  return openSession(db, user, client, now);
}

async function openSession(db: Db, user: UserRow, client: ClientInfo, now: Date): Promise<SignedIn> {
  const facts = await loadUserFacts(db, user.id);
  const sessionToken = newSecret();
  const expiresAt = new Date(now.getTime() + IDLE_MS);
  const session = await insertSession(
    db,
    {
      workspaceId: user.workspace_id,
      userId: user.id,
      tokenHash: hashToken(sessionToken),
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
    now,
  );
  return { actor: actorOf(user, facts?.teamIds ?? [], facts?.employeeId ?? null), sessionId: session.id, sessionToken, expiresAt };
}

/** The actor behind a session cookie, or null when it is unknown, expired or its user deactivated. */
export async function authenticateSession(db: Db, token: string, now: Date): Promise<{ actor: Actor; sessionId: string } | null> {
  if (token.length > 100) return null;
  const session = await findSession(db, hashToken(token));
  if (!session) return null;
  const absoluteEnd = Date.parse(session.created_at) + ABSOLUTE_MS;
  if (Date.parse(session.expires_at) <= now.getTime() || absoluteEnd <= now.getTime()) {
    await deleteSession(db, session.id);
    return null;
  }
  const actor = await loadActor(db, session.user_id);
  if (!actor) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    await touchSession(db, session.id, now, new Date(Math.min(now.getTime() + IDLE_MS, absoluteEnd)));
  }
  return { actor, sessionId: session.id };
}

export async function signOut(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

export function assertPasswordStrength(password: string, path = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(path, `use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 200) throw invalid(path, 'use at most 200 characters');
}

/** Changes the actor's own password; every other session of theirs ends, the current one is replaced. */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<SignedIn> {
  assertPasswordStrength(input.newPassword, 'newPassword');
  const facts = await loadUserFacts(ctx.db, ctx.actor.userId);
  const user = facts?.user;
  if (!user?.password_hash || !(await verify(user.password_hash, input.currentPassword))) {
    throw invalid('currentPassword', 'this is not your current password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx.db, async (db) => {
    await updateUserRow(db, user.workspace_id, user.id, { password_hash: passwordHash, password_changed_at: ctx.now.toISOString() });
    await deleteUserSessions(db, user.id);
    return openSession(db, user, client, ctx.now);
  });
}

/** Sets the password of an invited account from its one-time link and signs the person in. */
export async function acceptInvite(db: Db, input: { token: string; password: string }, client: ClientInfo, now: Date): Promise<SignedIn> {
  assertPasswordStrength(input.password);
  const user = input.token.length <= 100 ? await findUserByInviteHash(db, hashToken(input.token)) : undefined;
  const expired = user?.invite_expires_at ? Date.parse(user.invite_expires_at) <= now.getTime() : true;
  if (!user || expired || user.deactivated_at !== null) {
    throw new AppError('not_found', 'This invitation link is unknown, already used or expired; ask an admin for a new one');
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    await updateUserRow(trx, user.workspace_id, user.id, {
      password_hash: passwordHash,
      password_changed_at: now.toISOString(),
      invite_token_hash: null,
      invite_expires_at: null,
    });
    return openSession(trx, user, client, now);
  });
}
