import { deliverOutbox } from '../email/deliver-outbox.js';
import type { Mailer } from '../email/mailer.js';
import { runWeeklyAgendas } from '../services/agendas.js';
import { signDueCheckpoints } from '../services/audit-checkpoints.js';
import { recordReplyDelivery } from '../services/reply-delivery.js';
import { applyRetention } from '../services/retention.js';
import { evaluateAllReviewRules } from '../services/review-flags.js';
import { sendDueFollowUps } from '../services/send-due-follow-ups.js';
import { markSlaBreaches } from '../services/sla-breaches.js';
import { sweepCommitments } from '../services/sweep-commitments.js';
import { runDueThemeMining } from '../services/theme-mining.js';
import { runTrainingRules } from '../services/training-rule-runs.js';
import { deliverDueWebhooks, purgeWebhookLog } from '../services/webhook-delivery.js';
import { sendWeeklyReports } from '../services/weekly-report.js';
import type { Db } from '../store/schema.js';
import { type JobDefinition, recurringJob } from './job-runner.js';
import { webhookSender } from './webhook-sender.js';

/**
 * What jobs need from the outside: how to send mail, the address people reach us at (for links in
 * mail), the key that signs audit checkpoints, and where files' bytes are kept (erasure removes them).
 */
export type JobDeps = { mailer: Mailer; publicUrl: string; signingKey: string; attachmentsDir: string };

/** How often the record is checkpointed (when it grew): an hour's writes at most rest on the database alone. */
export const CHECKPOINT_EVERY_SECONDS = 3600;

/** Every job the server runs, on either engine. A periodic `(db, now)` task is one recurringJob(...) line. */
export function jobDefinitions(deps: JobDeps): JobDefinition[] {
  const postWebhook = webhookSender();
  return [
    {
      name: 'deliver-outbox',
      everySeconds: 5,
      // A failed pass waits for the next one; each email keeps its own attempts and backoff.
      retryLimit: 0,
      // Sending mail is an outside effect: the job manages its own writes, each row once per claim.
      transactional: false,
      handler: async (_payload, ctx) => {
        const counts = await deliverOutbox(ctx.db, deps.mailer, ctx.now, { onDelivery: recordReplyDelivery });
        if (counts.sent + counts.retrying + counts.failed > 0) ctx.log.info(counts, 'outbox delivered');
      },
    },
    // Time-driven work. Each task keeps its own state in its rows, so a pass that runs twice does nothing
    // twice, and each item commits in its own short transaction (a pass never holds many cases locked).
    sweep('remind-and-escalate-commitments', (db, now) => sweepCommitments(db, now)),
    sweep('send-due-follow-ups', (db, now) => sendDueFollowUps(db, now, deps.publicUrl)),
    sweep('mark-sla-breaches', (db, now) => markSlaBreaches(db, now)),
    // Review rules also run when a case closes (the reviews processor); this pass catches windows that moved.
    {
      ...recurringJob('evaluate-review-rules', 3600, async (db, now) => void (await evaluateAllReviewRules(db, now))),
      transactional: false,
    },
    // Training rules (new hires, low scores, spaced re-practice, renewals), then reminders and overdue notices.
    sweep('run-training-rules', (db, now) => runTrainingRules(db, now)),
    // Each team's agenda for the week is drafted when the week begins; an agenda a supervisor approved
    // is mailed to the team's supervisors on the next pass. A draft is never mailed.
    sweep('team-meeting-agendas', (db, now) => runWeeklyAgendas(db, now)),
    // Monday morning, the week's headline figures go to supervisors (their teams) and admins.
    sweep('weekly-report-email', (db, now) => sendWeeklyReports(db, now, deps.publicUrl)),
    {
      // Theme mining: runs asked for on the Themes page, and each workspace's nightly re-mine at 02:00
      // its time. It writes its progress as it goes, so it manages its own transactions.
      name: 'mine-themes',
      everySeconds: 5,
      retryLimit: 0,
      transactional: false,
      handler: async (_payload, ctx) => {
        const ran = await runDueThemeMining(ctx.db, () => new Date());
        if (ran > 0) ctx.log.info({ runs: ran }, 'themes mined');
      },
    },
    {
      // One signer at a time (the engines run one instance of a recurring job); each workspace's
      // checkpoint commits on its own, and a record that lost what its last checkpoint pinned is refused.
      name: 'sign-audit-checkpoints',
      everySeconds: CHECKPOINT_EVERY_SECONDS,
      retryLimit: 0,
      transactional: false,
      handler: async (_payload, ctx) => {
        const { signed, refused } = await signDueCheckpoints(ctx.db, deps.signingKey, ctx.now);
        if (signed > 0) ctx.log.info({ signed }, 'audit checkpoints signed');
        if (refused.length > 0) ctx.log.error({ refused }, 'audit checkpoints refused: the record no longer holds an earlier checkpoint');
      },
    },
    {
      // The retention rule: each customer whose cases all closed long enough ago is erased in their own
      // transaction; a held one waits for the next pass after its hold is released.
      ...recurringJob('apply-retention', 3600, async (db, now) => void (await applyRetention(db, deps.attachmentsDir, now))),
      transactional: false,
    },
    {
      // Webhook deliveries: each keeps its own tries and backoff in its row, like the mail outbox.
      name: 'deliver-webhooks',
      everySeconds: 5,
      retryLimit: 0,
      transactional: false,
      handler: async (_payload, ctx) => {
        const counts = await deliverDueWebhooks(ctx.db, ctx.now, postWebhook, { publicUrl: deps.publicUrl });
        if (counts.succeeded + counts.retrying + counts.failed + counts.disabled > 0) ctx.log.info(counts, 'webhooks delivered');
      },
    },
    // The delivery log keeps 30 days.
    recurringJob('purge-webhook-log', 3600, async (db, now) => void (await purgeWebhookLog(db, now))),
  ];
}

/** A once-a-minute pass over rows whose time has come; its items commit one by one. */
function sweep(name: string, run: (db: Db, now: Date) => Promise<unknown>): JobDefinition {
  return {
    ...recurringJob(name, 60, async (db, now) => {
      await run(db, now);
    }),
    transactional: false,
  };
}
