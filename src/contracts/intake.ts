import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../domain/attachment-files.js';
import { id, ZCaseRefText } from './common.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The public complaint form, as posted (every field a string); messages are worded for the customer. */
export const ZComplaintForm = z.object({
  name: z.string().trim().min(1, 'Please tell us your name.').max(200, 'Please keep your name under 200 characters.'),
  email: z.string().trim().max(254, 'That email address is too long.').pipe(z.email('Please give an email address we can write to.')),
  phone: optionalText(40),
  story: z
    .string()
    .trim()
    .min(10, 'Please tell us what happened, in a sentence or more.')
    .max(5000, 'Please keep what happened under 5000 characters.'),
  when: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Please give the date as year-month-day.')
    .optional()
    .transform((v) => (v ? v : undefined)),
  teamId: z
    .union([z.literal(''), id])
    .optional()
    .transform((v) => (v ? v : undefined)),
  employeeName: optionalText(200),
  wants: optionalText(2000),
});

/** What the customer adds on their status page. */
export const ZStatusPageMessage = z.object({
  message: z.string().trim().min(1, 'Please write what you want to add.').max(5000, 'Please keep it under 5000 characters.'),
});

export const ZStatusLink = z.object({
  active: z.boolean().describe('whether the customer has a status link that works'),
  createdAt: z.string().nullable(),
});
export const ZStatusLinkRevoked = z.object({ revoked: z.number().int().describe('how many working links were revoked') });

/** A file a customer's email carried: kept (an attachment of the case, or waiting while the mail is held) or refused. */
export const ZMailFile = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES).nullable().describe('the type read from its bytes; null when it was refused'),
  size: z.number().int(),
  attachmentId: z.string().nullable().describe('the case attachment it became; null while the mail is held or when refused'),
  refused: z.string().nullable().describe('why it was not kept (a type we do not take, over 10 MB, too many files)'),
  erasedAt: z.string().nullable().describe('when it was erased with the customer’s personal data; null while kept'),
});

export const ZCustomerMessage = z.object({
  id: z.string(),
  via: z.enum(['web', 'email']).describe('the status page or an email'),
  body: z.string(),
  receivedAt: z.string(),
  files: z.array(ZMailFile).describe('the files the email carried (none for the status page)'),
});

export const ZInboundEmail = z.object({
  id: z.string(),
  from: z.string(),
  fromName: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  receivedAt: z.string(),
  status: z.enum(['held', 'placed', 'opened', 'dismissed']),
  reason: z.string().describe('why it was held (or how it was placed)'),
  caseRef: z.string().nullable().describe('the case it names or was placed on'),
  files: z.array(ZMailFile).describe('the files it carried; a held mail’s kept files join the case when it is placed'),
});
export const ZInboundEmailQuery = z.object({
  status: z.enum(['held', 'placed', 'opened', 'dismissed']).default('held'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZPlaceInboundEmail = z.object({ ref: ZCaseRefText }).strict();

export const ZAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  sha256: z.string().describe('of the bytes as stored (a photo without its location data), also in the timeline event'),
  statementId: z.string().nullable(),
  source: z.enum(['upload', 'email']),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
  erasedAt: z
    .string()
    .nullable()
    .describe('when it was erased with the customer’s personal data: the bytes are gone (a download answers 410), this record stays'),
});
export const ZAttachmentUpload = z.object({
  fileName: z.string().trim().min(1).max(255),
  statementId: id.optional(),
});
export const ZAttachmentParams = z.object({ ref: ZCaseRefText, id });
