import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZReviewSession, ZScenario, ZSession, ZSessionId } from '../../contracts/training.js';
import {
  ZAssignInput,
  ZAssignment,
  ZAssignmentId,
  ZAssignmentListQuery,
  ZCalibrationReport,
  ZCertificationQuery,
  ZCertificationRow,
  ZCompletionReport,
  ZDraftFromCase,
  ZTrainingEffect,
  ZTrainingHistory,
  ZTrainingRules,
  ZUserIdParam,
} from '../../contracts/training-assignments.js';
import { listCertifications } from '../../services/certification.js';
import { draftScenarioFromCase } from '../../services/scenario-from-case.js';
import { calibrationReport, reviewSession } from '../../services/session-review.js';
import { assignTraining, cancelAssignment, listAssignments } from '../../services/training-assignments.js';
import { completionReport, readTrainingHistory, trainingEffectReport } from '../../services/training-reports.js';
import { readTrainingRules, updateTrainingRules } from '../../services/training-rules.js';
import { contextOf } from '../authenticate.js';
import { can } from '../route-permission.js';
import { errorResponses } from './responses.js';

const tags = ['training'];

/** Assignments, the training rules, certification standings, a supervisor's review of a session, reports and scenario drafts from cases. */
export const trainingAssignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/training/assignments',
    {
      config: can('list', 'training_assignment'),
      schema: {
        tags,
        summary: 'Assignments, open ones first by due time: your own; supervisors also their teams’; HR and admins everyone’s',
        querystring: ZAssignmentListQuery,
        response: { 200: z.object({ items: z.array(ZAssignment) }), ...errorResponses },
      },
    },
    async (req) => listAssignments(contextOf(req), req.query),
  );

  app.post(
    '/training/assignments',
    {
      config: can('create', 'training_assignment'),
      schema: {
        tags,
        summary: 'Assign a scenario or a set to people or a whole team, to practise or certify in by a due time',
        body: ZAssignInput,
        response: { 201: z.object({ items: z.array(ZAssignment) }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await assignTraining(contextOf(req), req.body)),
  );

  app.post(
    '/training/assignments/:id/cancel',
    {
      config: can('update', 'training_assignment'),
      schema: {
        tags,
        summary: 'Withdraw an open assignment',
        params: ZAssignmentId,
        response: { 200: ZAssignment, ...errorResponses },
      },
    },
    async (req) => cancelAssignment(contextOf(req), req.params.id),
  );

  app.get(
    '/training/rules',
    {
      config: can('read', 'settings'),
      schema: {
        tags,
        summary: 'The automatic training rules: the starter set, low scores, spaced re-practice, reminders and certification terms',
        response: { 200: ZTrainingRules, ...errorResponses },
      },
    },
    async (req) => readTrainingRules(contextOf(req)),
  );

  app.put(
    '/training/rules',
    {
      config: can('update', 'settings'),
      schema: { tags, summary: 'Save the training rules', body: ZTrainingRules, response: { 200: ZTrainingRules, ...errorResponses } },
    },
    async (req) => updateTrainingRules(contextOf(req), req.body),
  );

  app.get(
    '/training/certifications',
    {
      config: can('list', 'training_session'),
      schema: {
        tags,
        summary: 'Where each person stands on each certification: certified until, expired, attempts used and left',
        querystring: ZCertificationQuery,
        response: { 200: z.object({ items: z.array(ZCertificationRow) }), ...errorResponses },
      },
    },
    async (req) => listCertifications(contextOf(req), req.query),
  );

  app.post(
    '/training/sessions/:id/review',
    {
      config: can('approve', 'training_session'),
      schema: {
        tags,
        summary: 'Review a finished session of someone in your team and override its score, with the reason',
        params: ZSessionId,
        body: ZReviewSession,
        response: { 200: ZSession, ...errorResponses },
      },
    },
    async (req) => reviewSession(contextOf(req), req.params.id, req.body),
  );

  app.post(
    '/training/scenarios/from-case',
    {
      config: can('annotate', 'training_scenario'),
      schema: {
        tags,
        summary: 'Turn a closed case into a draft scenario: the story redacted, the persona drafted from its statements and customer state',
        body: ZDraftFromCase,
        response: { 201: ZScenario, ...errorResponses },
      },
    },
    async (req, reply) => {
      const draft = await draftScenarioFromCase(contextOf(req), req.body.caseRef);
      return reply.status(201).header('location', `/api/v1/training/scenarios/${draft.key}`).send(draft);
    },
  );

  app.get(
    '/training/reports/completion',
    {
      config: can('read', 'training_report'),
      schema: {
        tags,
        summary: 'Completion and pass rates per team and per scenario',
        response: { 200: ZCompletionReport, ...errorResponses },
      },
    },
    async (req) => completionReport(contextOf(req)),
  );

  app.get(
    '/training/reports/effect',
    {
      config: can('read', 'training_report'),
      schema: {
        tags,
        summary: 'Coach parts of real replies before and after training, beside the same change for colleagues not yet trained',
        response: { 200: ZTrainingEffect, ...errorResponses },
      },
    },
    async (req) => trainingEffectReport(contextOf(req)),
  );

  app.get(
    '/training/reports/calibration',
    {
      config: can('read', 'training_report'),
      schema: {
        tags,
        summary: 'The coach’s session scores beside supervisors’ overrides: differences and agreement on pass or fail',
        response: { 200: ZCalibrationReport, ...errorResponses },
      },
    },
    async (req) => calibrationReport(contextOf(req)),
  );

  app.get(
    '/training/people/:userId/history',
    {
      config: can('read', 'training_report'),
      schema: {
        tags,
        summary: 'A person’s training: assignments, certifications, and (not for HR) a summary of their practice',
        params: ZUserIdParam,
        response: { 200: ZTrainingHistory, ...errorResponses },
      },
    },
    async (req) => readTrainingHistory(contextOf(req), req.params.userId),
  );
};
