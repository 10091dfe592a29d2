import { z } from 'zod';
import { ROLES } from '../domain/permissions.js';
import { text } from './common.js';
import { ZSupportSummary } from './support.js';
import { ZTrainingHistory } from './training-assignments.js';

/** Sign-in, the signed-in user, accounts, API tokens and the access log. */
const password = z.string().min(1, 'must not be empty').max(200, 'at most 200 characters');

export const ZSignIn = z
  .object({
    email: z.email().max(320),
    password,
    workspace: z.string().trim().max(60).optional().describe('short name of the workspace, needed only when the email has several'),
  })
  .strict();

export const ZAcceptInvite = z.object({ token: z.string().min(1).max(100), password }).strict();
export const ZChangePassword = z.object({ currentPassword: password, newPassword: password }).strict();

export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamIds: z.array(z.string()),
  employeeId: z.string().nullable(),
  workspace: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    currency: z.string().describe('ISO 4217: money fields start from it'),
    timeZone: z.string().describe('IANA zone of the business'),
  }),
  can: z
    .object({
      workCaseInbox: z.boolean(),
      reportIncident: z.boolean(),
      readEmployeeHistories: z.boolean(),
      readCoachingReport: z.boolean(),
      readCommitmentReport: z.boolean(),
      readDashboard: z.boolean(),
      readPeopleReport: z.boolean(),
      readAccessLog: z.boolean(),
      manageUsers: z.boolean(),
      manageTeams: z.boolean(),
      managePlaybooks: z.boolean(),
      manageTrainingScenarios: z.boolean(),
      readOthersPractice: z.boolean(),
      assignTraining: z.boolean(),
      readTrainingReports: z.boolean(),
      reviewPractice: z.boolean(),
      draftScenarios: z.boolean(),
      steerThemes: z.boolean(),
      manageImprovements: z.boolean(),
      readAgendas: z.boolean(),
      reviewNewsletters: z.boolean(),
      readManagementSummary: z.boolean(),
      manageSettings: z.boolean(),
      createTokens: z.boolean(),
      readReviews: z.boolean(),
      manageReviewRules: z.boolean(),
      answerSupport: z.boolean(),
      manageDataRights: z.boolean(),
      manageWebhooks: z.boolean(),
      importTickets: z.boolean(),
      manageSavedReplies: z.boolean(),
      shareViews: z.boolean(),
      placeHeldMail: z.boolean(),
    })
    .describe('what you may do across the workspace, from the permission table'),
});

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamIds: z.array(z.string()),
  active: z.boolean(),
  invitePending: z.boolean(),
  createdAt: z.string(),
});

export const ZNewUser = z
  .object({
    email: z.email().max(320),
    name: text(200),
    role: z.enum(ROLES),
    teamIds: z.array(z.uuid()).max(50).default([]),
    employeeId: z.uuid().nullable().optional().describe('link an existing employee record instead of creating one'),
  })
  .strict();

export const ZUserPatch = z
  .object({
    name: text(200).optional(),
    role: z.enum(ROLES).optional(),
    teamIds: z.array(z.uuid()).max(50).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const ZInvitation = z.object({ user: ZUser, inviteUrl: z.string() });

export const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZNewToken = z.object({ name: text(100) }).strict();
export const ZCreatedToken = ZToken.extend({ token: z.string().describe('shown once; only its hash is kept') });

export const ZIdParam = z.object({ id: z.uuid() });

export const ZAccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  resource: z.string(),
  subjectId: z.string().nullable(),
  subjectLabel: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const ZAccessLogQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.uuid().optional() })
  .strict();

export const ZEmployeeHistory = z.object({
  employee: z.object({ id: z.string(), name: z.string(), teamId: z.string().nullable() }),
  summary: z.object({
    cases: z.number().int(),
    casesLast12Months: z.number().int(),
    asPrimaryLast12Months: z.number().int(),
    lossLast12Months: z.array(z.object({ currency: z.string(), amount: z.number() })),
  }),
  cases: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      status: z.string(),
      severity: z.number().int(),
      role: z.string(),
      teamId: z.string().nullable(),
      reportedAt: z.string(),
      customerState: z.string(),
      financialImpact: z.object({ amount: z.number(), currency: z.string(), kind: z.string() }).nullable(),
    }),
  ),
  /** Support asked for or offered: what kind, where it stands; never what was said. */
  support: z.array(ZSupportSummary),
  training: ZTrainingHistory.omit({ practice: true })
    .nullable()
    .describe('assignments and certifications of the person’s account; never practice scores, so practising stays safe'),
});
