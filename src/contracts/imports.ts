import { z } from 'zod';
import { IMPORT_ENCODINGS, IMPORT_SOURCES } from '../domain/ticket-import.js';

export const ZImportSource = z.enum(IMPORT_SOURCES);

/** How an upload is to be read: the file's bytes are the body (application/octet-stream or text/csv). */
export const ZImportUpload = z
  .object({
    format: ZImportSource.describe('zendesk (CSV or JSON lines), freshdesk (CSV) or defuse (our own CSV)'),
    fileName: z.string().trim().min(1).max(200),
    dryRun: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe('true: read the file and report what would happen, changing nothing'),
    timeZone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe("the time zone the file's dates are written in; the workspace's when absent"),
    encoding: z.enum(IMPORT_ENCODINGS).optional().describe('auto (the default): valid UTF-8, else Windows-1252'),
  })
  .strict();

const ZRowError = z.object({ line: z.number().int(), reason: z.string() });

/** What an import did, or on a dry run would do. */
export const ZImportReport = z.object({
  importId: z.string().nullable(),
  source: ZImportSource,
  dryRun: z.boolean(),
  encoding: z.string(),
  timeZone: z.string(),
  rows: z.number().int().describe('data rows in the file'),
  created: z.number().int(),
  skipped: z.number().int().describe('tickets imported before (by their id in the source) or seen earlier in the file'),
  failed: z.number().int(),
  customersCreated: z.number().int(),
  errors: z.array(ZRowError).describe('each refused row with its line (up to 500)'),
  sample: z.array(z.object({ line: z.number().int(), externalId: z.string(), ref: z.string().nullable(), title: z.string() })),
});

/** One import and how far it got. */
export const ZImport = z.object({
  id: z.string(),
  source: ZImportSource,
  fileName: z.string(),
  timeZone: z.string(),
  encoding: z.string(),
  status: z
    .enum(['running', 'done', 'failed', 'interrupted'])
    .describe('interrupted: the server stopped before it finished; import the file again'),
  rows: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  customersCreated: z.number().int(),
  errors: z.array(ZRowError),
  failure: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
