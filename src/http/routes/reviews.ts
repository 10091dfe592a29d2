import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../contracts/accounts.js';
import {
  ZAppeal,
  ZDecisionInput,
  ZFindingInput,
  ZFindingParams,
  ZFlagDecision,
  ZFlagQuery,
  ZMyReview,
  ZMyStatement,
  ZNewReview,
  ZReview,
  ZReviewEvidence,
  ZReviewFlag,
  ZReviewListItem,
  ZReviewQuery,
  ZReviewRule,
  ZReviewRuleInput,
} from '../../contracts/reviews.js';
import { exportDossier } from '../../services/review-dossier.js';
import { decideReviewFlag, evaluateRulesNow, listReviewFlags } from '../../services/review-flags.js';
import { openReviewByHand } from '../../services/review-opening.js';
import { addMyStatement, appealMyReview, listMyReviews, waiveMyWindow } from '../../services/review-response.js';
import { createReviewRule, listReviewRules, updateReviewRule } from '../../services/review-rules.js';
import { decideReview, getReview, getReviewEvidence, listReviews, recordFinding, signOffReview } from '../../services/reviews.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses, listOf } from './responses.js';

const tags = ['reviews'];

/** Review rules, flags, reviews (HR data: every read is access-logged) and the employee's own side of a review. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/review-rules',
    {
      config: can('list', 'review_rule'),
      schema: { tags, summary: 'The rules that flag an employee for review', response: { 200: listOf(ZReviewRule), ...errorResponses } },
    },
    async (req) => ({ items: await listReviewRules(contextOf(req)) }),
  );
  app.post(
    '/review-rules',
    {
      config: can('create', 'review_rule'),
      schema: { tags, summary: 'Add a review rule', body: ZReviewRuleInput, response: { 201: ZReviewRule, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await createReviewRule(contextOf(req), req.body)),
  );
  app.put(
    '/review-rules/:id',
    {
      config: can('update', 'review_rule'),
      schema: {
        tags,
        summary: 'Change a review rule',
        params: ZIdParam,
        body: ZReviewRuleInput,
        response: { 200: ZReviewRule, ...errorResponses },
      },
    },
    async (req) => updateReviewRule(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/review-rules/evaluate',
    {
      config: can('update', 'review_rule'),
      schema: {
        tags,
        summary: 'Check every rule now (it also runs hourly and when a case closes)',
        response: { 200: z.object({ raised: z.number() }), ...errorResponses },
      },
    },
    async (req) => evaluateRulesNow(contextOf(req)),
  );

  app.get(
    '/review-flags',
    {
      config: can('list', 'review'),
      schema: {
        tags,
        summary: 'Flags raised by the rules, for HR to decide on',
        querystring: ZFlagQuery,
        response: { 200: listOf(ZReviewFlag), ...errorResponses },
      },
    },
    async (req) => ({ items: await listReviewFlags(contextOf(req), req.query.status) }),
  );
  app.post(
    '/review-flags/:id/decision',
    {
      config: can('create', 'review'),
      schema: {
        tags,
        summary: 'Open a review from a flag, or dismiss it, with a reason (the supervisor hears only of an opened review)',
        params: ZIdParam,
        body: ZFlagDecision,
        response: { 200: ZReviewFlag, ...errorResponses },
      },
    },
    async (req) => decideReviewFlag(contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/reviews',
    {
      config: can('list', 'review'),
      schema: {
        tags,
        summary: 'Reviews, newest first',
        querystring: ZReviewQuery,
        response: { 200: listOf(ZReviewListItem), ...errorResponses },
      },
    },
    async (req) => ({ items: await listReviews(contextOf(req), req.query) }),
  );
  app.post(
    '/reviews',
    {
      config: can('create', 'review'),
      schema: { tags, summary: 'Open a review by hand', body: ZNewReview, response: { 201: ZReview, ...errorResponses } },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const review = await openReviewByHand(ctx, req.body);
      return reply.status(201).send(await getReview(ctx, review.id));
    },
  );
  app.get(
    '/reviews/:id',
    {
      config: can('read', 'review'),
      schema: { tags, summary: 'One review (the read is access-logged)', params: ZIdParam, response: { 200: ZReview, ...errorResponses } },
    },
    async (req) => getReview(contextOf(req), req.params.id),
  );
  app.get(
    '/reviews/:id/evidence',
    {
      config: can('read', 'review'),
      schema: {
        tags,
        summary: 'The evidence gathered for a review (the read is access-logged)',
        params: ZIdParam,
        response: { 200: ZReviewEvidence, ...errorResponses },
      },
    },
    async (req) => getReviewEvidence(contextOf(req), req.params.id),
  );
  app.put(
    '/reviews/:id/cases/:ref/finding',
    {
      config: can('update', 'review'),
      schema: {
        tags,
        summary: 'Record the allegation, finding and policy for one case of the review',
        params: ZFindingParams,
        body: ZFindingInput,
        response: { 200: ZReview, ...errorResponses },
      },
    },
    async (req) => recordFinding(contextOf(req), req.params.id, req.params.ref, req.body),
  );
  app.post(
    '/reviews/:id/decision',
    {
      config: can('update', 'review'),
      schema: {
        tags,
        summary: 'Record the decision with its rationale (after the response window; a termination then needs a sign-off)',
        params: ZIdParam,
        body: ZDecisionInput,
        response: { 200: ZReview, ...errorResponses },
      },
    },
    async (req) => decideReview(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/reviews/:id/sign-off',
    {
      config: can('approve', 'review'),
      schema: {
        tags,
        summary: 'Second sign-off of a termination, by HR or an admin other than the decider',
        params: ZIdParam,
        response: { 200: ZReview, ...errorResponses },
      },
    },
    async (req) => signOffReview(contextOf(req), req.params.id),
  );
  app.get(
    '/reviews/:id/dossier.pdf',
    {
      config: can('read', 'review'),
      schema: {
        tags,
        summary: 'The review dossier as PDF; its SHA-256 is recorded on the review’s audit trail',
        params: ZIdParam,
        produces: ['application/pdf'],
        response: { 200: z.instanceof(Buffer).describe('the dossier, application/pdf'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { pdf, sha256, fileName } = await exportDossier(contextOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('x-dossier-sha256', sha256)
        .send(pdf);
    },
  );

  app.get(
    '/me/reviews',
    {
      config: can('read', 'review_response'),
      schema: {
        tags,
        summary: 'Reviews of me: what they are about, my statement, the decision',
        response: { 200: listOf(ZMyReview), ...errorResponses },
      },
    },
    async (req) => ({ items: await listMyReviews(contextOf(req)) }),
  );
  app.post(
    '/me/reviews/:id/statement',
    {
      config: can('create', 'review_response'),
      schema: {
        tags,
        summary: 'Add my statement to a review of me, once, within the response window',
        params: ZIdParam,
        body: ZMyStatement,
        response: { 200: ZMyReview, ...errorResponses },
      },
    },
    async (req) => addMyStatement(contextOf(req), req.params.id, req.body.body),
  );
  app.post(
    '/me/reviews/:id/waive',
    {
      config: can('update', 'review_response'),
      schema: { tags, summary: 'Waive the rest of my response window', params: ZIdParam, response: { 200: ZMyReview, ...errorResponses } },
    },
    async (req) => waiveMyWindow(contextOf(req), req.params.id),
  );
  app.post(
    '/me/reviews/:id/appeal',
    {
      config: can('update', 'review_response'),
      schema: {
        tags,
        summary: 'Appeal the decision (once)',
        params: ZIdParam,
        body: ZAppeal,
        response: { 200: ZMyReview, ...errorResponses },
      },
    },
    async (req) => appealMyReview(contextOf(req), req.params.id, req.body.reason),
  );
};
