import { z } from 'zod';
import { ROOT_CAUSE_CATEGORIES } from '../domain/root-cause.js';
import { ZCaseStatus, ZChannel } from './cases.js';
import { id, text } from './common.js';
import { ZTag } from './tag.js';

const short = z.string().max(200);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();

/** The inbox's filters and sort, as its address holds them; a view keeps exactly these. */
export const ZViewFilters = z
  .object({
    q: short.optional(),
    status: list(ZCaseStatus),
    severity: list(z.number().int().min(1).max(4)),
    channel: list(ZChannel),
    rootCause: list(z.enum(ROOT_CAUSE_CATEGORIES)),
    teamId: id.optional(),
    assignee: short.optional().describe('"me", "unassigned" or a user id'),
    attention: z.boolean().optional(),
    repeatCustomer: z.boolean().optional(),
    threat: z.boolean().optional(),
    abuseFlagged: z.boolean().optional(),
    reportedFrom: short.optional(),
    reportedTo: short.optional(),
    caseTypeId: id.optional(),
    employeeId: id.optional(),
    breached: z.boolean().optional(),
    satisfaction: list(z.number().int().min(1).max(5)),
    tag: list(ZTag),
    sort: z.enum(['reported_at', 'updated_at', 'severity', 'resolve_due_at', 'next_due_at']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();

export const ZNewView = z
  .object({
    name: text(60),
    filters: ZViewFilters,
    teamId: id.nullable().optional().describe('share it with this team (one you lead); left out or null: yours alone'),
  })
  .strict();

export const ZView = z.object({
  id: z.string(),
  name: z.string(),
  // As saved (checked by ZViewFilters then); a response schema holds no transforms.
  filters: z
    .record(z.string(), z.unknown())
    .describe('the inbox filters and sort the view applies, with the same fields as a new view’s filters'),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  ownerName: z.string().nullable(),
  mine: z.boolean().describe('whether the caller saved it'),
  canDelete: z.boolean(),
});

export const ZViewList = z.object({ items: z.array(ZView) });
export const ZViewParam = z.object({ id });
