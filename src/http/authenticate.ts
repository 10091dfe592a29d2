import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { authenticateToken } from '../services/accounts.js';
import type { Actor, ServiceContext } from '../services/context.js';
import { authenticateSession, type SignedIn } from '../services/sessions.js';
import { routePermission } from './route-permission.js';

export const SESSION_COOKIE = 'defuse_session';
/**
 * Set beside the session cookie and readable by the web app, holding nothing secret: a page loaded
 * without it knows there is no session and goes to sign-in without asking the API (whose 401
 * browsers print as an error in the console).
 */
export const SIGNED_IN_HINT_COOKIE = 'defuse_signed_in';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set when the actor came from a session cookie rather than a bearer token. */
    sessionId: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest for /api/v1: a bearer token or the session cookie names the actor. A bad token is an
 * error even on public routes (the caller meant to authenticate); a stale cookie is simply dropped.
 */
export async function identify(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const now = new Date();
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Send an API token as "Authorization: Bearer <token>"');
    const actor = await authenticateToken(request.server.db, match[1], now);
    if (!actor) throw new AppError('unauthenticated', 'The API token is unknown or revoked, or its user is deactivated');
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const unsafe = !SAFE_METHODS.has(request.method);
  if (unsafe && (cookie !== undefined || routePermission(request) === 'public')) assertSameOrigin(request);
  if (cookie === undefined) return;
  const session = await authenticateSession(request.server.db, cookie, now);
  if (!session) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  request.actor = session.actor;
  request.sessionId = session.sessionId;
}

/**
 * CSRF defence for cookie-authenticated changes (OWASP: verify the origin with standard headers).
 * Browsers send Origin on every cross-site POST/PUT/PATCH/DELETE and Sec-Fetch-Site on all
 * requests; a forged form or fetch from another site therefore carries a foreign origin.
 */
function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw csrf(`the request came from another site (${site})`);
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) {
    if (request.cookies[SESSION_COOKIE] !== undefined) throw csrf('a change made with the session cookie must send an Origin header');
    return;
  }
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    throw csrf('the Origin header is not a URL');
  }
  // The whole origin (scheme, host, port: RFC 6454) must match, so a page served over plain HTTP
  // cannot act on an HTTPS session and the reverse. Normalised through URL on both sides, so an
  // explicit default port (":80", ":443") still matches.
  const own = new URL(`${request.protocol}://${request.host}`).origin;
  if (origin !== own) throw csrf(`the request came from ${origin}, not ${own}`);
}

const csrf = (why: string) => new AppError('forbidden', `Cross-site request refused: ${why}`);

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn): void {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: signedIn.expiresAt,
  });
  reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', {
    httpOnly: false,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: signedIn.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(SIGNED_IN_HINT_COOKIE, { path: '/' });
}

/** The service context of an authenticated request. */
export function contextOf(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign-in required');
  return {
    db: request.server.db,
    actor: request.actor,
    now: new Date(),
    origin: { ip: request.ip, requestId: request.id },
    publicUrl: request.server.publicUrl,
    ...(request.server.replyDomain ? { replyDomain: request.server.replyDomain } : {}),
  };
}

export const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
