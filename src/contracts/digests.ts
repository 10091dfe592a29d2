import { z } from 'zod';
import { isIsoWeek } from '../domain/iso-week.js';
import { ZCaseRefText } from './common.js';

/** Shapes of /api/v1/digests: team-meeting agendas, the management summary and the newsletter. */

const ZSegment = z.object({
  text: z.string(),
  redaction: z
    .object({
      kind: z.string().describe('name, email, phone, address, order, account, card, iban, case_ref, date, or manual'),
      original: z.string().optional().describe('What was removed: only for a reviewer who may open the case, and only in a draft'),
    })
    .optional(),
});

const ZStory = z.object({
  caseRef: z.string().nullable().describe('For a reviewer who may open the case, in a draft; otherwise null'),
  heading: z.array(ZSegment),
  chosenBecause: z.array(z.string()),
  points: z.number(),
  whatHappened: z.array(ZSegment),
  sides: z.array(z.object({ who: z.string(), said: z.array(ZSegment) })),
  whatWasDone: z.array(ZSegment),
  playbook: z.object({ name: z.string(), suggests: z.array(z.string()) }).nullable(),
  questions: z.array(z.string()),
  lesson: z.array(ZSegment),
  suggestions: z.array(z.string()),
  links: z.array(z.object({ label: z.string(), href: z.string() })),
  redact: z.array(z.string()).describe('Words the reviewer removed by hand'),
  restore: z.array(z.string()).describe('Detections the reviewer put back as false positives'),
  restorable: z.array(z.string()).describe('Detections a reviewer may put back'),
});

export const ZDigest = z.object({
  id: z.string(),
  kind: z.enum(['team_meeting', 'newsletter']),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  period: z.string().describe('The ISO week of an agenda; the first day a newsletter covers'),
  status: z.enum(['draft', 'approved']),
  title: z.string(),
  rules: z.array(z.string()).describe('The selection rule, the minimum group size and what redaction removes'),
  stories: z.array(ZStory),
  leftOut: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  sentAt: z.string().nullable(),
  sentTo: z.array(z.string()),
  can: z.object({ update: z.boolean(), approve: z.boolean(), send: z.boolean() }),
});

export const ZAgenda = ZDigest.extend({
  candidates: z
    .array(z.object({ caseRef: z.string(), title: z.string(), points: z.number(), reasons: z.array(z.string()), chosen: z.boolean() }))
    .describe('Cases the agenda could tell instead, best first (reviewers of a draft only)'),
});

const ZWeek = z.string().refine(isIsoWeek, 'must be an ISO week such as 2026-W49');

export const ZAgendaList = z.object({
  week: z.string(),
  previousWeek: z.string(),
  nextWeek: z.string(),
  items: z.array(ZAgenda),
  teamsWithout: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Teams you may prepare an agenda for that have none this week'),
  nextCursor: z.null(),
});
export const ZAgendaQuery = z.object({ week: ZWeek.optional(), teamId: z.uuid('must be a team id').optional() }).strict();
export const ZNewAgenda = z.object({ teamId: z.uuid('must be a team id'), week: ZWeek.optional() }).strict();

const ZTerms = z.array(z.string().trim().min(2, 'at least two characters').max(100, 'at most 100 characters')).max(50);

export const ZAgendaPatch = z
  .object({
    caseRef: ZCaseRefText.optional().describe('Tell this case of the team instead'),
    redact: ZTerms.optional().describe('Every word or phrase to remove by hand (replaces the list)'),
    restore: ZTerms.optional().describe('Every detection to put back as a false positive (replaces the list)'),
  })
  .strict();

export const ZDigestId = z.object({ id: z.uuid('must be a digest id') });

export const ZNewsletterList = z.object({
  items: z.array(ZDigest),
  minGroupSize: z.number().int().describe('A story is left out when its team has fewer people than this'),
  nextCursor: z.null(),
});
export const ZNewNewsletter = z
  .object({
    since: z.iso.date('must be a date such as 2026-11-01').optional().describe('First day of cases it covers (30 days back by default)'),
  })
  .strict();
export const ZNewsletterPatch = z
  .object({
    story: z.number().int().min(0).max(20).describe('Which story, from 0'),
    redact: ZTerms.optional(),
    restore: ZTerms.optional(),
    remove: z.boolean().optional().describe('Leave this story out'),
  })
  .strict();
export const ZNewsletterSend = z.object({ to: z.array(z.email('must be an email address')).min(1).max(500) }).strict();

const ZTeamCount = z.object({ teamId: z.string(), name: z.string(), count: z.number().int() });
export const ZManagementSummary = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      cases: z.number().int(),
      agendaId: z.string().nullable(),
      agendaStatus: z.string().nullable(),
    }),
  ),
  sharedThemes: z.array(z.object({ id: z.string(), label: z.string(), total: z.number().int(), teams: z.array(ZTeamCount) })),
  sharedRootCauses: z.array(z.object({ category: z.string(), total: z.number().int(), teams: z.array(ZTeamCount) })),
  localThemes: z.number().int(),
  localRootCauses: z.number().int(),
  rule: z.string(),
});
export const ZSummaryQuery = z.object({ week: ZWeek.optional() }).strict();
