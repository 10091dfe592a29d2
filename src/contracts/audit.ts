import { z } from 'zod';

export const ZCheckpointBody = z.object({
  format: z.literal('defuse-checkpoint/1'),
  workspaceId: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  previous: z.string(),
  root: z.string(),
  cases: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  accessLogEntries: z.number().int().nonnegative(),
  publicKey: z.string(),
});

/** A signed checkpoint as exported: keep a copy outside the database (mail, a webhook, a cron job). */
export const ZSignedCheckpoint = z
  .object({ checkpoint: ZCheckpointBody, signature: z.string() })
  .meta({ id: 'SignedCheckpoint', description: 'A signed checkpoint of the workspace record (Ed25519 over its canonical JSON)' });

export const ZAuditReport = z.object({
  intact: z.boolean(),
  problems: z.array(z.string()),
  cases: z.number().int(),
  events: z.number().int(),
  customers: z.number().int(),
  accessLogEntries: z.number().int(),
  erased: z.object({ customers: z.number().int(), statements: z.number().int(), events: z.number().int() }),
  checkpoints: z.number().int(),
  latestCheckpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  against: z.array(z.object({ seq: z.number().int(), at: z.string(), problem: z.string().nullable() })),
});
