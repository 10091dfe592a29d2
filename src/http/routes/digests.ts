import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAgenda,
  ZAgendaList,
  ZAgendaPatch,
  ZAgendaQuery,
  ZDigest,
  ZDigestId,
  ZManagementSummary,
  ZNewAgenda,
  ZNewNewsletter,
  ZNewsletterList,
  ZNewsletterPatch,
  ZNewsletterSend,
  ZSummaryQuery,
} from '../../contracts/digests.js';
import { approveAgenda, getAgenda, listAgendas, prepareAgenda, sendAgenda, updateAgenda } from '../../services/agendas.js';
import { managementSummary } from '../../services/management-summary.js';
import {
  approveNewsletter,
  createNewsletter,
  getNewsletter,
  listNewsletters,
  sendNewsletter,
  updateNewsletter,
} from '../../services/newsletters.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['digests'];

/** Learning digests: each team's weekly meeting agenda, the management summary, and the newsletter. */
export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/digests/agendas',
    {
      config: can('list', 'agenda'),
      schema: {
        tags,
        summary: "A week's team-meeting agendas (this week by default) for the teams you lead or oversee",
        querystring: ZAgendaQuery,
        response: { 200: ZAgendaList, ...errorResponses },
      },
    },
    async (req) => listAgendas(contextOf(req), req.query),
  );

  app.post(
    '/digests/agendas',
    {
      config: can('create', 'agenda'),
      schema: {
        tags,
        summary: "Prepare a team's agenda for a week (returns the one it has, if any)",
        body: ZNewAgenda,
        response: { 201: ZAgenda, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await prepareAgenda(contextOf(req), req.body)),
  );

  app.get(
    '/digests/agendas/:id',
    {
      config: can('read', 'agenda'),
      schema: {
        tags,
        summary: 'One agenda, with the cases it could tell instead',
        params: ZDigestId,
        response: { 200: ZAgenda, ...errorResponses },
      },
    },
    async (req) => getAgenda(contextOf(req), req.params.id),
  );

  app.patch(
    '/digests/agendas/:id',
    {
      config: can('update', 'agenda'),
      schema: {
        tags,
        summary: 'Swap the case, redact more or restore a false positive; the agenda goes back to draft',
        params: ZDigestId,
        body: ZAgendaPatch,
        response: { 200: ZAgenda, ...errorResponses },
      },
    },
    async (req) => updateAgenda(contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/digests/agendas/:id/approve',
    {
      config: can('approve', 'agenda'),
      schema: {
        tags,
        summary: 'Approve the agenda as it reads now',
        params: ZDigestId,

        response: { 200: ZAgenda, ...errorResponses },
      },
    },
    async (req) => approveAgenda(contextOf(req), req.params.id),
  );

  app.post(
    '/digests/agendas/:id/send',
    {
      config: can('approve', 'agenda'),
      schema: {
        tags,
        summary: "Mail an approved agenda to the team's supervisors now (409 when not approved: nothing is sent)",
        params: ZDigestId,

        response: { 200: ZAgenda, ...errorResponses },
      },
    },
    async (req) => sendAgenda(contextOf(req), req.params.id),
  );

  app.get(
    '/digests/management-summary',
    {
      config: can('read', 'management_summary'),
      schema: {
        tags,
        summary: 'What repeats across teams over four weeks: shared themes and root causes, with counts',
        querystring: ZSummaryQuery,
        response: { 200: ZManagementSummary, ...errorResponses },
      },
    },
    async (req) => managementSummary(contextOf(req), req.query),
  );

  app.get(
    '/digests/newsletters',
    {
      config: can('list', 'newsletter'),
      schema: {
        tags,
        summary: 'Newsletters, newest first (drafts only for reviewers)',
        response: { 200: ZNewsletterList, ...errorResponses },
      },
    },
    async (req) => listNewsletters(contextOf(req)),
  );

  app.post(
    '/digests/newsletters',
    {
      config: can('create', 'newsletter'),
      schema: {
        tags,
        summary: 'Draft a newsletter from the cases finished since a date',
        body: ZNewNewsletter,
        response: { 201: ZDigest, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createNewsletter(contextOf(req), req.body)),
  );

  app.get(
    '/digests/newsletters/:id',
    {
      config: can('read', 'newsletter'),
      schema: {
        tags,
        summary: 'One newsletter (a draft only for reviewers)',
        params: ZDigestId,
        response: { 200: ZDigest, ...errorResponses },
      },
    },
    async (req) => getNewsletter(contextOf(req), req.params.id),
  );

  app.patch(
    '/digests/newsletters/:id',
    {
      config: can('update', 'newsletter'),
      schema: {
        tags,
        summary: "Change one story's redactions, or leave it out; the newsletter goes back to draft",
        params: ZDigestId,
        body: ZNewsletterPatch,
        response: { 200: ZDigest, ...errorResponses },
      },
    },
    async (req) => updateNewsletter(contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/digests/newsletters/:id/approve',
    {
      config: can('approve', 'newsletter'),
      schema: {
        tags,
        summary: 'Approve the newsletter as it reads now: employees see it',
        params: ZDigestId,

        response: { 200: ZDigest, ...errorResponses },
      },
    },
    async (req) => approveNewsletter(contextOf(req), req.params.id),
  );

  app.post(
    '/digests/newsletters/:id/send',
    {
      config: can('approve', 'newsletter'),
      schema: {
        tags,
        summary: 'Mail an approved newsletter to a list (409 when not approved: nothing is sent)',
        params: ZDigestId,
        body: ZNewsletterSend,
        response: { 200: ZDigest, ...errorResponses },
      },
    },
    async (req) => sendNewsletter(contextOf(req), req.params.id, req.body),
  );
};
