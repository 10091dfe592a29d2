import { ImapFlow } from 'imapflow';
import type { InboundMail } from '../domain/inbound-mail.js';
import { parseInbound } from './parse-inbound.js';
import type { IntakeLog } from './smtp-intake.js';

export type ImapPollerOptions = {
  /** imap[s]://user:password@host[:port][/mailbox] (DEFUSE_IMAP_URL); the mailbox defaults to INBOX. */
  url: string;
  intervalMs: number;
  onMail: (mail: InboundMail) => Promise<void>;
  log: IntakeLog;
};

/** The connection settings an IMAP URL names. */
export function imapSettings(url: string): { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string } {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\/+/, '')) || 'INBOX',
  };
}

/**
 * One pass over the mailbox: every unseen message is fetched, filed, and only then marked seen, so
 * a message that failed to file is tried again next pass (filing is idempotent by Message-ID).
 */
export async function pollMailboxOnce(options: Omit<ImapPollerOptions, 'intervalMs'>): Promise<number> {
  const s = imapSettings(options.url);
  const client = new ImapFlow({ host: s.host, port: s.port, secure: s.secure, auth: { user: s.user, pass: s.pass }, logger: false });
  await client.connect();
  let filed = 0;
  try {
    const lock = await client.getMailboxLock(s.mailbox);
    try {
      const sources: { uid: number; source: Buffer }[] = [];
      for await (const message of client.fetch({ seen: false }, { uid: true, source: true }, { uid: true }))
        if (message.source) sources.push({ uid: message.uid, source: message.source });
      // Flags change only after the fetch ends: IMAP answers no other command in the middle of one.
      for (const { uid, source } of sources) {
        try {
          await options.onMail(await parseInbound(source));
          await client.messageFlagsAdd({ uid: String(uid) }, ['\\Seen'], { uid: true });
          filed++;
        } catch (error) {
          options.log.warn(
            { uid, err: error instanceof Error ? error.message : String(error) },
            'inbound email could not be filed; will retry',
          );
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return filed;
}

/** Polls the mailbox every `intervalMs` until stopped; a failed pass is logged and the next one tries again. */
export function startImapPolling(options: ImapPollerOptions): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = pollMailboxOnce(options)
      .then((filed) => {
        if (filed > 0) options.log.info({ filed }, 'filed inbound email from the mailbox');
      })
      .catch((error: unknown) => options.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'mailbox poll failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, options.intervalMs);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(pass, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
