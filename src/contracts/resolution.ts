import { z } from 'zod';
import { APPROVAL_STATES } from '../domain/resolution.js';
import { text } from './common.js';

/** Request and response shapes of a case's resolution, its approval and the abuse report. */

export const ZResolutionInput = z
  .object({
    problem: text(5000).describe('the problem both sides agree on'),
    options: z.array(text(1000)).min(1, 'list at least one option you considered').max(10, 'at most 10 options'),
    solution: text(5000),
    policyRefs: z.array(text(300)).max(20, 'at most 20 policy references'),
    cost: z
      .object({
        amount: z.number().nonnegative('must be 0 or more').max(1_000_000_000),
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
      })
      .strict(),
  })
  .strict();

export const ZDecision = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(2000).optional() }).strict();

export const ZAbuseReport = z.object({ note: text(2000).describe('what the customer said or did') }).strict();

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZResolution = z.object({
  problem: z.string(),
  options: z.array(z.string()),
  solution: z.string(),
  policyRefs: z.array(z.string()),
  cost: z.object({ amount: z.number(), currency: z.string() }),
  approvalState: z.enum(APPROVAL_STATES),
  proposedBy: ZPerson.nullable(),
  proposedAt: z.string(),
  limitApplied: z.number().nullable().describe("the proposer's authority limit; null means no limit"),
  approver: ZPerson.nullable(),
  askedToApprove: z
    .array(ZPerson.extend({ role: z.string() }))
    .describe('while approval is pending: the people asked to decide (the team’s supervisors whose limit covers the cost, else admins)'),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean().describe('whether the caller may approve or reject it now (team, role, own limit, not their own proposal)'),
});

export const ZResolutionEnvelope = z.object({ resolution: ZResolution.nullable() });
