import { deliverOutbox } from '../email/deliver-outbox.js';
import type { Mailer } from '../email/mailer.js';
import type { JobDefinition } from './job-runner.js';

export type JobDeps = { mailer: Mailer };

/** Every job the server runs, on either engine. A periodic `(db, now)` task is one recurringJob(...) line. */
export function jobDefinitions(deps: JobDeps): JobDefinition[] {
  return [
    {
      name: 'deliver-outbox',
      everySeconds: 5,
      // A failed pass waits for the next one; each email keeps its own attempts and backoff.
      retryLimit: 0,
      // Sending mail is an outside effect: the job manages its own writes, each row once per claim.
      transactional: false,
      handler: async (_payload, ctx) => {
        const counts = await deliverOutbox(ctx.db, deps.mailer, ctx.now);
        if (counts.sent + counts.retrying + counts.failed > 0) ctx.log.info(counts, 'outbox delivered');
      },
    },
  ];
}
