import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** How the other mailbox answers what it gets. */
export type AutoReplyStyle =
  /** Answers to the Reply-To, threaded (In-Reply-To), with no header saying it is automatic. */
  | 'threaded'
  /** Sends a fresh mail to a fixed address each time (a helpdesk opening a ticket), unmarked. */
  | 'fresh'
  /** Answers like `fresh`, but marked `Auto-Submitted: auto-replied`, as RFC 3834 asks. */
  | 'marked';

export type AutoReplier = { url: string; address: string; received: number; sent: number; close(): Promise<void> };

/**
 * A second mailbox that answers every mail it receives automatically, the way another helpdesk or an
 * out-of-office reply does, by sending to our inbound SMTP listener. Its answer is sent before it
 * accepts the mail, so one delivery to it runs the whole round trip.
 */
export async function startAutoReplier(options: {
  address: string;
  style: AutoReplyStyle;
  intakeUrl: string;
  freshTo: string;
}): Promise<AutoReplier> {
  const transport = nodemailer.createTransport({ url: options.intakeUrl, ignoreTLS: true });
  const state = { received: 0, sent: 0 };
  let n = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          state.received++;
          const replyTo = Array.isArray(mail.replyTo) ? mail.replyTo[0] : mail.replyTo;
          const threaded = options.style === 'threaded';
          await transport.sendMail({
            from: options.address,
            to: threaded ? (replyTo?.value[0]?.address ?? options.freshTo) : options.freshTo,
            subject: threaded ? `Re: ${mail.subject ?? ''}` : `Ticket #${++n} received`,
            text: 'Thank you for your message. We will get back to you shortly.',
            messageId: `<auto.${Date.now()}.${n}.${Math.random().toString(36).slice(2)}@other.test>`,
            ...(threaded && mail.messageId ? { inReplyTo: mail.messageId } : {}),
            ...(options.style === 'marked' ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
          });
          state.sent++;
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    address: options.address,
    get received() {
      return state.received;
    },
    get sent() {
      return state.sent;
    },
    close: async () => {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
