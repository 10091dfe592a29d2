import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type DemoLogin, type DemoResult, seedDemo } from '../src/demo/seed-demo.js';
import { createMailer } from '../src/email/mailer.js';
import { parseInbound } from '../src/email/parse-inbound.js';
import { createEventRunner } from '../src/events/event-runner.js';
import { createLocalHub } from '../src/events/live-hub.js';
import { eventProcessors } from '../src/events/processors.js';
import { buildApp } from '../src/http/app.js';
import { jobDefinitions } from '../src/jobs/definitions.js';
import { createEmbeddedRunner, type RunCounts } from '../src/jobs/embedded-runner.js';
import { type ReceiveOutcome, receiveEmail } from '../src/services/receive-email.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { TEST_SIGNING_KEY } from '../test/signing-key.js';
import { type SmtpListener, startSmtpListener } from '../test/smtp.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = fileURLToPath(new URL('../.test-results/screenshots/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The server's background jobs over the harness database, on a clock the test moves (no poll loop). */
export type HarnessJobs = {
  /** The jobs' clock: starts at the real time the harness started and only moves by advance(). */
  now(): Date;
  advance(ms: number): void;
  /** Runs every job due at now() (reminders, escalations, follow-up sends, SLA marks, outbox delivery), then the event processors. */
  runDue(): Promise<RunCounts>;
  /** Runs due jobs, then passes 10 s apart (the outbox sends a batch per pass) until no more mail goes out. */
  runUntilQuiet(): Promise<void>;
};

export type Harness = {
  baseUrl: string;
  demo: DemoResult;
  /** A real SMTP server on 127.0.0.1; the jobs deliver the outbox to it. */
  smtp: SmtpListener;
  jobs: HarnessJobs;
  browser: Browser;
  /** gzip bytes of every JS file the built app ships. */
  jsGzipBytes: number;
  login(role: string, name?: string): DemoLogin;
  /** Files a raw email (RFC 5322 source) as the inbound SMTP listener would, at the jobs' clock. */
  receiveEmail(raw: Buffer): Promise<ReceiveOutcome>;
  /** GET an API path as a demo user (bearer token), for set-up and checks outside the browser. */
  apiAs<T>(login: DemoLogin, path: string): Promise<{ status: number; body: T }>;
  /** A fresh browser context (own cookies) with CSP violations and page errors collected. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  close(): Promise<void>;
};

/**
 * The real server (buildApp over a fresh SQLite file with the demo workspace) serving a fresh build
 * of the web app, on a free port, and a headless Debian Chromium driven by playwright-core.
 */
export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-e2e-'));
  const webRoot = join(dir, 'web');
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    build: { outDir: webRoot, emptyOutDir: true },
    logLevel: 'error',
  });
  process.env.NODE_ENV = nodeEnv;
  const jsGzipBytes = readdirSync(join(webRoot, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(webRoot, 'assets', f))).length, 0);

  const database: Database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const attachmentsDir = join(dir, 'attachments');
  const demo = await seedDemo(database.db, new Date(), attachmentsDir);
  // Links in mail point at this server, so its address is known before the app is built.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const live = createLocalHub();
  const app: FastifyInstance = await buildApp({
    config: { logLevel: 'warn', publicUrl: baseUrl, attachmentsDir },
    database,
    logger: false,
    webRoot,
    live,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const smtp = await startSmtpListener();
  const quiet = { info() {}, warn() {}, error() {} };
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Defuse <defuse@example.test>', log: quiet, ignoreTLS: true });
  let clock = Date.now();
  const runner = createEmbeddedRunner({
    db: database.db,
    definitions: jobDefinitions({ mailer, publicUrl: baseUrl, signingKey: TEST_SIGNING_KEY, attachmentsDir }),
    log: quiet,
    now: () => new Date(clock),
  });
  // Event processors poll as on a real server (live updates, notifications), on the same clock.
  const events = createEventRunner({
    db: database.db,
    processors: eventProcessors({ publicUrl: baseUrl, live }),
    log: quiet,
    now: () => new Date(clock),
  });
  events.start();
  const runDue = async () => {
    const counts = await runner.runDue();
    await events.drain();
    return counts;
  };
  const jobs: HarnessJobs = {
    now: () => new Date(clock),
    advance(ms) {
      clock += ms;
    },
    runDue,
    async runUntilQuiet() {
      await runDue();
      for (let pass = 0; pass < 100; pass++) {
        const before = smtp.messages.length;
        clock += 10_000;
        await runDue();
        if (smtp.messages.length === before) return;
      }
      throw new Error('the jobs still send mail after 100 passes');
    },
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    baseUrl,
    demo,
    smtp,
    jobs,
    browser,
    jsGzipBytes,
    login(role, name) {
      const found = demo.logins.find((l) => l.role === role && (!name || l.name === name));
      if (!found) throw new Error(`no demo login with role ${role}${name ? ` named ${name}` : ''}`);
      return found;
    },
    async receiveEmail(raw) {
      return receiveEmail(database.db, await parseInbound(raw), new Date(clock), {
        publicUrl: baseUrl,
        replyDomain: undefined,
        attachmentsDir,
      });
    },
    async apiAs<T>(login: DemoLogin, path: string) {
      const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${login.token}` } });
      return { status: res.status, body: (await res.json()) as T };
    },
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      return { context, page, problems };
    },
    async close() {
      await browser.close();
      await events.stop();
      await app.close();
      mailer.close();
      await smtp.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now, from the OS. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Signs in through the sign-in page, as a person would, and waits for the home page. */
export async function signIn(page: Page, login: DemoLogin): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(login.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A full-page screenshot into .test-results/screenshots (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const suffix = size && size.width < 600 ? 'phone' : 'desktop';
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`), fullPage: true });
}
