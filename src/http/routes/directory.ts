import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZEmployeeHistory, ZIdParam } from '../../contracts/accounts.js';
import { ZCustomer, ZEmployee, ZNewCustomer, ZNewEmployee, ZNewTeam, ZTeam, ZTeamChange } from '../../contracts/directory.js';
import {
  createCustomer,
  createEmployee,
  createTeam,
  listCustomersOf,
  listEmployeesOf,
  listTeamsOf,
  updateTeam,
} from '../../services/directory.js';
import { getEmployeeHistory } from '../../services/employee-history.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['directory'];

/** The people and places a case refers to. */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/teams',
    {
      config: can('list', 'team'),
      schema: { tags, summary: 'Teams of the workspace', response: { 200: listOf(ZTeam), ...errorResponses } },
    },
    async (req) => ({
      items: await listTeamsOf(contextOf(req)),
    }),
  );
  app.post(
    '/teams',
    {
      config: can('create', 'team'),
      schema: { tags, summary: 'Create a team', body: ZNewTeam, response: { 201: ZTeam, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createTeam(contextOf(req), req.body.name)),
  );
  app.patch(
    '/teams/:id',
    {
      config: can('update', 'team'),
      schema: {
        tags,
        summary: 'Rename a team, or archive it (it keeps its cases and takes no new ones) or bring it back',
        params: ZIdParam,
        body: ZTeamChange,
        response: { 200: ZTeam, ...errorResponses },
      },
    },
    async (req) => updateTeam(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/employees',
    {
      config: can('list', 'employee'),
      schema: { tags, summary: 'Employees of the workspace', response: { 200: listOf(ZEmployee), ...errorResponses } },
    },
    async (req) => ({
      items: await listEmployeesOf(contextOf(req)),
    }),
  );
  app.post(
    '/employees',
    {
      config: can('create', 'employee'),
      schema: { tags, summary: 'Add an employee', body: ZNewEmployee, response: { 201: ZEmployee, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createEmployee(contextOf(req), req.body)),
  );
  app.get(
    '/customers',
    {
      config: can('list', 'customer'),
      schema: { tags, summary: 'Customers of the workspace', response: { 200: listOf(ZCustomer), ...errorResponses } },
    },
    async (req) => ({
      items: await listCustomersOf(contextOf(req)),
    }),
  );
  app.post(
    '/customers',
    {
      config: can('create', 'customer'),
      schema: { tags, summary: 'Add a customer', body: ZNewCustomer, response: { 201: ZCustomer, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createCustomer(contextOf(req), req.body)),
  );
  app.get(
    '/employees/:id/history',
    {
      config: can('read', 'employee_history'),
      schema: {
        tags,
        summary: "An employee's conflict history (HR data: every read is written to the access log)",
        params: ZIdParam,
        response: { 200: ZEmployeeHistory, ...errorResponses },
      },
    },
    async (req) => getEmployeeHistory(contextOf(req), req.params.id),
  );
};
