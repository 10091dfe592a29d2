import { z } from 'zod';
import { text } from './common.js';

/** Teams, employees, customers and users: the records a case points at. */

export const ZNewTeam = z.object({ name: text(120) }).strict();
export const ZTeam = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** When the team was archived: it keeps its cases and history, and takes no new cases. */
  archivedAt: z.string().nullable(),
});
export const ZTeamChange = z
  .object({ name: text(120).optional(), archived: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.archived !== undefined, 'give a new name or archived');

export const ZNewEmployee = z
  .object({ name: text(200), email: z.email().max(320).nullable().optional(), teamId: z.uuid().nullable().optional() })
  .strict();
export const ZEmployee = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  teamId: z.string().nullable(),
  userId: z.string().nullable(),
});

export const ZNewCustomer = z
  .object({ name: text(200), email: z.email().max(320).nullable().optional(), phone: z.string().trim().max(40).nullable().optional() })
  .strict();
export const ZCustomer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contactHidden: z.boolean().describe('true when the caller may not see this customer’s contact details'),
});
