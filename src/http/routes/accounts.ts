import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAccessLogEntry,
  ZAccessLogQuery,
  ZCreatedToken,
  ZIdParam,
  ZInvitation,
  ZNewToken,
  ZNewUser,
  ZToken,
  ZUser,
  ZUserPatch,
} from '../../contracts/accounts.js';
import { listAccessLog } from '../../services/access-log.js';
import { createMyToken, listMyTokens, revokeToken } from '../../services/tokens.js';
import { inviteUser, listUsers, reissueInvite, updateUser } from '../../services/users.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

/** The link a person follows to choose their password, for the admin to pass on (it is also mailed to them). */
function inviteUrl(req: { protocol: string; host: string }, token: string): string {
  return `${req.protocol}://${req.host}/invite/${token}`;
}

/** Users (admin), the caller's API tokens, and the access log of HR data. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: can('list', 'user'),
      schema: { tags: ['users'], summary: 'Accounts of the workspace', response: { 200: listOf(ZUser), ...errorResponses } },
    },
    async (req) => ({ items: await listUsers(contextOf(req)) }),
  );

  app.post(
    '/users',
    {
      config: can('create', 'user'),
      schema: {
        tags: ['users'],
        summary: 'Invite someone: creates the account and a one-time link to choose a password',
        body: ZNewUser,
        response: { 201: ZInvitation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { user, inviteToken } = await inviteUser(contextOf(req), req.body);
      const url = inviteUrl(req, inviteToken);
      return reply.status(201).send({ user, inviteUrl: url });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: can('update', 'user'),
      schema: {
        tags: ['users'],
        summary: 'Change name, role or teams; deactivate (ends sessions, stops tokens) or reactivate',
        params: ZIdParam,
        body: ZUserPatch,
        response: { 200: ZUser, ...errorResponses },
      },
    },
    async (req) => updateUser(contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/users/:id/invitation',
    {
      config: can('update', 'user'),
      schema: {
        tags: ['users'],
        summary: 'A fresh invitation link for an account that has not chosen a password yet',
        params: ZIdParam,
        response: { 201: ZInvitation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { user, inviteToken } = await reissueInvite(contextOf(req), req.params.id);
      return reply.status(201).send({ user, inviteUrl: inviteUrl(req, inviteToken) });
    },
  );

  app.get(
    '/tokens',
    {
      config: can('list', 'token'),
      schema: { tags: ['tokens'], summary: 'Your API tokens', response: { 200: listOf(ZToken), ...errorResponses } },
    },
    async (req) => ({ items: await listMyTokens(contextOf(req)) }),
  );

  app.post(
    '/tokens',
    {
      config: can('create', 'token'),
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token acting with your role (the secret is shown once)',
        body: ZNewToken,
        response: { 201: ZCreatedToken, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createMyToken(contextOf(req), req.body.name)),
  );

  app.delete(
    '/tokens/:id',
    {
      config: can('delete', 'token'),
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: ZIdParam, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await revokeToken(contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/access-log',
    {
      config: can('list', 'access_log'),
      schema: {
        tags: ['users'],
        summary: 'Who read HR data or exported records, when and from where (newest first)',
        querystring: ZAccessLogQuery,
        response: { 200: z.object({ items: z.array(ZAccessLogEntry), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => listAccessLog(contextOf(req), req.query),
  );
};
