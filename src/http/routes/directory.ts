import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCustomer, ZEmployee, ZNewCustomer, ZNewEmployee, ZNewTeam, ZTeam, ZUser } from '../../contracts/directory.js';
import { createCustomer, createEmployee, createTeam, directory } from '../../services/directory.js';
import { contextOf } from '../authenticate.js';
import { errorResponses } from './responses.js';

const tags = ['directory'];
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The people and places a case refers to. */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/teams',
    { schema: { tags, summary: 'Teams of the workspace', response: { 200: list(ZTeam), ...errorResponses } } },
    async (req) => ({
      items: await directory(contextOf(req)).teams(),
    }),
  );
  app.post(
    '/teams',
    { schema: { tags, summary: 'Create a team', body: ZNewTeam, response: { 201: ZTeam, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createTeam(contextOf(req), req.body.name)),
  );
  app.get(
    '/employees',
    { schema: { tags, summary: 'Employees of the workspace', response: { 200: list(ZEmployee), ...errorResponses } } },
    async (req) => ({
      items: await directory(contextOf(req)).employees(),
    }),
  );
  app.post(
    '/employees',
    { schema: { tags, summary: 'Add an employee', body: ZNewEmployee, response: { 201: ZEmployee, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createEmployee(contextOf(req), req.body)),
  );
  app.get(
    '/customers',
    { schema: { tags, summary: 'Customers of the workspace', response: { 200: list(ZCustomer), ...errorResponses } } },
    async (req) => ({
      items: await directory(contextOf(req)).customers(),
    }),
  );
  app.post(
    '/customers',
    { schema: { tags, summary: 'Add a customer', body: ZNewCustomer, response: { 201: ZCustomer, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createCustomer(contextOf(req), req.body)),
  );
  app.get(
    '/users',
    { schema: { tags, summary: 'Users of the workspace', response: { 200: list(ZUser), ...errorResponses } } },
    async (req) => ({
      items: await directory(contextOf(req)).users(),
    }),
  );
};
