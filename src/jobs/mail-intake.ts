import type { Config } from '../config/config.js';
import type { InboundMail } from '../domain/inbound-mail.js';
import { PLACEHOLDER_REPLY_DOMAIN } from '../domain/reply-address.js';
import { startImapPolling } from '../email/imap-poller.js';
import { type IntakeLog, startSmtpIntake } from '../email/smtp-intake.js';
import { receiveEmail } from '../services/receive-email.js';
import type { Db } from '../store/schema.js';

/** How often a mailbox is polled (DEFUSE_IMAP_URL). */
export const IMAP_POLL_MS = 60_000;

type IntakeConfig = Pick<Config, 'smtpIn' | 'imapUrl' | 'imapWorkspace' | 'publicUrl' | 'replyDomain' | 'attachmentsDir'>;

/** Files one inbound mail through the use case and logs what became of it (never the text). */
export function mailFiler(db: Db, config: IntakeConfig, log: IntakeLog, defaultWorkspaceSlug?: string) {
  return async (mail: InboundMail): Promise<void> => {
    const outcome = await receiveEmail(db, mail, new Date(), {
      publicUrl: config.publicUrl,
      replyDomain: config.replyDomain,
      defaultWorkspaceSlug,
      attachmentsDir: config.attachmentsDir,
    });
    log.info(
      { messageId: mail.messageId, outcome: outcome.kind, ...('caseRef' in outcome ? { caseRef: outcome.caseRef } : {}) },
      'inbound email',
    );
  };
}

/**
 * Starts what the configuration asks for: the SMTP listener (DEFUSE_SMTP_IN) and the mailbox poller
 * (DEFUSE_IMAP_URL, whose new mail opens cases in DEFUSE_IMAP_WORKSPACE). Returns how to stop them.
 */
export async function startMailIntake(db: Db, config: IntakeConfig, log: IntakeLog): Promise<{ close(): Promise<void> }> {
  const smtp = config.smtpIn
    ? await startSmtpIntake({
        ...config.smtpIn,
        domain: config.replyDomain ?? PLACEHOLDER_REPLY_DOMAIN,
        onMail: mailFiler(db, config, log),
        log,
      })
    : undefined;
  const imap = config.imapUrl
    ? startImapPolling({ url: config.imapUrl, intervalMs: IMAP_POLL_MS, onMail: mailFiler(db, config, log, config.imapWorkspace), log })
    : undefined;
  return {
    async close() {
      await Promise.all([smtp?.close(), imap?.stop()]);
    },
  };
}
