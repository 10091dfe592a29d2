import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAcceptInvite, ZChangePassword, ZMe, ZSignIn } from '../../contracts/accounts.js';
import { ZProblem } from '../../contracts/cases.js';
import { describeMe } from '../../services/me.js';
import { acceptInvite, changePassword, signIn, signOut } from '../../services/sessions.js';
import { clearSessionCookie, clientOf, contextOf, setSessionCookie } from '../authenticate.js';
import { publicRoute, signedIn } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['account'];

/** Beyond the per-account lockout, one address may try at most this many sign-ins a minute. */
const SIGN_IN_PER_IP = { max: 20, timeWindow: '1 minute' };

/** Signing in and out, the signed-in user, and their password. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/sign-in',
    {
      config: { ...publicRoute, rateLimit: SIGN_IN_PER_IP },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: ZSignIn,
        response: { 200: ZMe, 429: ZProblem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await signIn(req.server.db, req.body, clientOf(req), new Date());
      setSessionCookie(req, reply, session);
      return describeMe({ db: req.server.db, actor: session.actor });
    },
  );

  app.post(
    '/auth/accept-invite',
    {
      config: { ...publicRoute, rateLimit: SIGN_IN_PER_IP },
      schema: {
        tags,
        summary: 'Choose a password from an invitation link; signs in',
        security: [],
        body: ZAcceptInvite,
        response: { 200: ZMe, 429: ZProblem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await acceptInvite(req.server.db, req.body, clientOf(req), new Date());
      setSessionCookie(req, reply, session);
      return describeMe({ db: req.server.db, actor: session.actor });
    },
  );

  app.post(
    '/auth/sign-out',
    { config: signedIn, schema: { tags, summary: 'End this session', response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      if (req.sessionId) await signOut(req.server.db, req.sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { config: signedIn, schema: { tags, summary: 'The signed-in user', response: { 200: ZMe, ...errorResponses } } },
    async (req) => describeMe(contextOf(req)),
  );

  app.post(
    '/me/password',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change your password; every other session of yours ends',
        body: ZChangePassword,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const session = await changePassword(contextOf(req), req.body, clientOf(req));
      if (req.sessionId) setSessionCookie(req, reply, session);
      return reply.status(204).send(null);
    },
  );
};
