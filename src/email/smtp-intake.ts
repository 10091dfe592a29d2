import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { InboundMail } from '../domain/inbound-mail.js';
import { parseInbound } from './parse-inbound.js';

/** The largest message we take (attachments included); bigger ones are refused at DATA with 552. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

export type IntakeLog = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };

export type SmtpIntakeOptions = {
  host: string;
  port: number;
  /** Only recipients at this domain are taken (550 for others), so the listener is never a relay. */
  domain: string;
  /** Files one received mail; a throw answers 451 (try again later), so the sender keeps the mail. */
  onMail: (mail: InboundMail) => Promise<void>;
  log: IntakeLog;
};

export type SmtpIntake = { port: number; close(): Promise<void> };

/**
 * Listens for inbound email on DEFUSE_SMTP_IN, behind the business's mail exchanger (which does TLS,
 * spam filtering and authentication checks): plain SMTP without authentication, recipients only at
 * our reply domain, a size limit, each message parsed and handed over before it is accepted.
 */
export async function startSmtpIntake(options: SmtpIntakeOptions): Promise<SmtpIntake> {
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: MAX_INBOUND_BYTES,
    banner: 'Defuse mail intake',
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${domain}`)) return callback();
      callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      parseInbound(stream, recipients)
        .then(async (mail) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          await options.onMail(mail);
          callback();
        })
        .catch((error: unknown) => {
          options.log.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'inbound email could not be filed; the sender will retry',
          );
          callback(Object.assign(new Error('Please try again later'), { responseCode: 451 }));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (error) => options.log.warn({ err: error.message }, 'inbound SMTP error'));
  const { port } = server.server.address() as AddressInfo;
  options.log.info({ host: options.host, port }, 'listening for inbound email');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
