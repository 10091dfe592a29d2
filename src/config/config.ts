import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number between 1 and 65535' })
    .int('must be a port number between 1 and 65535')
    .min(1, 'must be a port number between 1 and 65535')
    .max(65535, 'must be a port number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DEFUSE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DEFUSE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  DEFUSE_MAIL_FROM: z.string().min(3).default('Defuse <no-reply@localhost>'),
  DEFUSE_REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain name such as replies.example.com')
    .optional(),
  DEFUSE_JOBS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  DEFUSE_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http:// or https:// address')
    .optional(),
  DEFUSE_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  DEFUSE_SIGNING_KEY: z.string().optional(),
  DEFUSE_SIGNING_KEY_FILE: z.string().min(1).optional(),
  DEFUSE_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  DEFUSE_SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds between 1 and 600' })
    .int('must be a whole number of seconds')
    .min(1, 'must be a number of seconds between 1 and 600')
    .max(600, 'must be a number of seconds between 1 and 600')
    .default(10),
  DEFUSE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DEFUSE_STATUS_LINK_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(90),
  DEFUSE_SMTP_IN: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, such as 127.0.0.1:2526')
    .optional(),
  DEFUSE_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^/]+/, 'must start with imap:// or imaps://')
    .optional(),
  DEFUSE_ATTACHMENTS_DIR: z.string().min(1).optional(),
  DEFUSE_IMAP_WORKSPACE: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'must be a workspace slug')
    .optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * DEFUSE_SECRET, reserved for signing: nothing reads it yet. Session, API, invitation and survey
   * tokens are random 256-bit values kept only as SHA-256 hashes, so there is nothing to sign.
   */
  secret: string;
  smtpUrl: string | undefined;
  /** The From address of every email (DEFUSE_MAIL_FROM). */
  mailFrom: string;
  /**
   * The domain of each case's Reply-To address (`reply+c-2026-000229@<domain>`) and of reply
   * Message-IDs (DEFUSE_REPLY_DOMAIN); unset, replies use a `.invalid` placeholder until inbound mail is set up.
   */
  replyDomain: string | undefined;
  /** Whether this process runs background jobs (DEFUSE_JOBS=off turns them off, e.g. for a second web-only process). */
  jobs: boolean;
  /** Where people reach this server: the base of links in emails (survey links, case links). */
  publicUrl: string;
  logLevel: z.infer<typeof ZEnv>['DEFUSE_LOG_LEVEL'];
  /** Behind a reverse proxy: believe X-Forwarded-For/-Proto, so cookies get Secure and limits see real addresses. */
  trustProxy: boolean;
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints: DEFUSE_SIGNING_KEY (the PEM, or
   * its base64 DER), else the file DEFUSE_SIGNING_KEY_FILE, else `signing-key.pem` generated in the
   * data dir. Never in the database, so a copy of the database alone cannot sign.
   */
  signingKey: string;
  /** A scraper's bearer token for `/api/metrics` (DEFUSE_METRICS_TOKEN); admins may read it without one. */
  metricsToken: string | undefined;
  /** How long a stopping server lets in-flight requests and jobs finish before it cuts connections. */
  shutdownGraceSeconds: number;
  /** Days a customer's status link keeps working after their case closes (DEFUSE_STATUS_LINK_DAYS). */
  statusLinkDays: number;
  /** Where to listen for inbound email (DEFUSE_SMTP_IN, host:port); unset, no listener. */
  smtpIn: { host: string; port: number } | undefined;
  /** A mailbox to poll for inbound email (DEFUSE_IMAP_URL, imap[s]://user:password@host[:port][/mailbox]). */
  imapUrl: string | undefined;
  /** The workspace whose new cases the polled mailbox opens (DEFUSE_IMAP_WORKSPACE, a slug). */
  imapWorkspace: string | undefined;
  /** Where attachments' bytes are kept (DEFUSE_ATTACHMENTS_DIR; default `attachments` in the data dir). */
  attachmentsDir: string;
}>;

/** Thrown when an environment variable has a bad value; its message is one line naming the variable. */
export class ConfigError extends Error {}

/** Parses the environment once into a frozen Config; creates the data dir and its secret on first run. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = ZEnv.safeParse(blankToUndefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(env[name])})`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DEFUSE_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secret: e.DEFUSE_SECRET ?? readOrCreateSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.DEFUSE_MAIL_FROM,
    jobs: e.DEFUSE_JOBS === 'on',
    publicUrl: (e.DEFUSE_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    replyDomain: e.DEFUSE_REPLY_DOMAIN?.toLowerCase(),
    logLevel: e.DEFUSE_LOG_LEVEL,
    trustProxy: e.DEFUSE_TRUST_PROXY,
    signingKey: signingKeyFrom(e.DEFUSE_SIGNING_KEY, e.DEFUSE_SIGNING_KEY_FILE, dataDir),
    metricsToken: e.DEFUSE_METRICS_TOKEN,
    shutdownGraceSeconds: e.DEFUSE_SHUTDOWN_GRACE_SECONDS,
    statusLinkDays: e.DEFUSE_STATUS_LINK_DAYS,
    smtpIn: smtpInFrom(e.DEFUSE_SMTP_IN),
    imapUrl: e.DEFUSE_IMAP_URL,
    imapWorkspace: e.DEFUSE_IMAP_WORKSPACE?.toLowerCase(),
    attachmentsDir: resolve(e.DEFUSE_ATTACHMENTS_DIR ?? join(dataDir, 'attachments')),
  });
}

function smtpInFrom(value: string | undefined): { host: string; port: number } | undefined {
  if (value === undefined) return undefined;
  const at = value.lastIndexOf(':');
  const port = Number(value.slice(at + 1));
  if (port < 1 || port > 65535)
    throw new ConfigError(`Invalid configuration: DEFUSE_SMTP_IN must name a port between 1 and 65535 (got ${JSON.stringify(value)})`);
  return { host: value.slice(0, at), port };
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function signingKeyFrom(inline: string | undefined, file: string | undefined, dataDir: string): string {
  const [name, text] = inline
    ? [
        'DEFUSE_SIGNING_KEY',
        inline.includes('BEGIN') ? inline : `-----BEGIN PRIVATE KEY-----\n${inline.trim()}\n-----END PRIVATE KEY-----\n`,
      ]
    : file
      ? ['DEFUSE_SIGNING_KEY_FILE', readKeyFile(file)]
      : ['signing-key.pem', readOrCreateSigningKey(dataDir)];
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
    return key.export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new ConfigError(`Invalid configuration: ${name} must be an Ed25519 private key (PKCS#8 PEM, or its base64 DER)`);
  }
}

function readKeyFile(file: string): string {
  if (!existsSync(file))
    throw new ConfigError(`Invalid configuration: DEFUSE_SIGNING_KEY_FILE names a missing file (got ${JSON.stringify(file)})`);
  return readFileSync(file, 'utf8');
}

function readOrCreateSigningKey(dataDir: string): string {
  const file = join(dataDir, 'signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dataDir, { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}
