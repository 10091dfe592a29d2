import { z } from 'zod';
import { FOLLOW_UP_PARTIES, FOLLOW_UP_STATUSES } from '../domain/follow-through.js';
import { ZIsoTimestamp } from './time.js';

const score = z.number().int('must be a whole number').min(1, 'from 1').max(5, 'to 5');
const comment = z.string().trim().max(2000, 'at most 2000 characters').optional();

export const ZCustomerAnswer = z.object({ satisfaction: score, wouldReturn: z.boolean(), comment: z.string().nullable() });
export const ZEmployeeAnswer = z.object({
  feltSupported: score,
  wantsTraining: z.boolean(),
  wantsHelp: z.boolean(),
  comment: z.string().nullable(),
});

export const ZFollowUp = z.object({
  id: z.string(),
  party: z.enum(FOLLOW_UP_PARTIES),
  employeeId: z.string().nullable(),
  name: z.string(),
  userId: z.string().nullable(),
  dueAt: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  sentAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answer: z.union([ZCustomerAnswer, ZEmployeeAnswer]).nullable(),
  answerHidden: z.boolean(),
  can: z.object({
    answer: z.boolean().describe('the caller is the employee asked and may answer now'),
    reschedule: z.boolean().describe('the caller may move its due time (it is still waiting to be sent)'),
  }),
});

export const ZPlanFollowUp = z.object({ party: z.enum(FOLLOW_UP_PARTIES), employeeId: z.uuid().optional(), dueAt: ZIsoTimestamp }).strict();

export const ZMyFollowUpsQuery = z.object({ mine: z.enum(['true']).optional() }).strict();
export const ZMyFollowUp = z.object({
  id: z.string(),
  caseRef: z.string(),
  caseTitle: z.string(),
  dueAt: z.string(),
  sentAt: z.string().nullable(),
});

export const ZFollowUpId = z.object({ id: z.uuid('must be a follow-up id') });
export const ZEmployeeAnswerInput = z
  .object({ feltSupported: score, wantsTraining: z.boolean(), wantsHelp: z.boolean(), comment })
  .strict();

/** The customer's survey as a JSON body (the HTML form posts the same fields as text). */
export const ZSurveyAnswerInput = z.object({ satisfaction: score, wouldReturn: z.boolean(), comment }).strict();
