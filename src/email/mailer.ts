import nodemailer from 'nodemailer';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where the recipient's answer should go (a per-case address for replies to customers). */
  replyTo?: string | undefined;
  /** The Message-ID header to send, with angle brackets; absent, one is made from `outboxId`. */
  messageId?: string | undefined;
  /**
   * The outbox row the mail comes from. Its Message-ID is derived from it, so a mail sent again after
   * a crash (delivery is at least once) carries the same Message-ID and reads as one message.
   */
  outboxId?: string | undefined;
  /** RFC 3834 Auto-Submitted value for mail no person wrote (acknowledgements). */
  autoSubmitted?: string | undefined;
};

/** `<outbox-id@domain of the From address>`: stable for one outbox row however often it is sent. */
export function outboxMessageId(outboxId: string, from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${outboxId}@${domain}>`;
}

const messageIdOf = (mail: Mail, from: string): string | undefined =>
  mail.messageId ?? (mail.outboxId ? outboxMessageId(mail.outboxId, from) : undefined);

/** Sends one mail; throws when the server refuses it or cannot be reached. */
export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export type MailerLog = { info(obj: object, msg?: string): void };

export type MailerOptions = {
  /** smtp:// or smtps:// URL (SMTP_URL); without one, mails are written to the log instead. */
  smtpUrl: string | undefined;
  from: string;
  log: MailerLog;
  /** For a local test listener without TLS: never upgrade with STARTTLS. */
  ignoreTLS?: boolean;
};

/** nodemailer over SMTP_URL, or the log when no SMTP server is configured (development, demos). */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from, log } = options;
  if (!smtpUrl) {
    return {
      async send(mail) {
        const messageId = messageIdOf(mail, from);
        const headers = { ...(mail.replyTo ? { replyTo: mail.replyTo } : {}), ...(messageId ? { messageId } : {}) };
        log.info(
          { to: mail.to, subject: mail.subject, text: mail.text, ...headers },
          'email (no SMTP_URL set, so written here instead of sent)',
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    ignoreTLS: options.ignoreTLS ?? false,
    // Fail a stuck server quickly: the outbox retries later with backoff.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const messageId = messageIdOf(mail, from);
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(messageId ? { messageId } : {}),
        ...(mail.autoSubmitted ? { headers: { 'Auto-Submitted': mail.autoSubmitted } } : {}),
      });
    },
    close: () => transport.close(),
  };
}
