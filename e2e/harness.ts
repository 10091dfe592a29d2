import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type DemoLogin, type DemoResult, seedDemo } from '../src/demo/seed-demo.js';
import { buildApp } from '../src/http/app.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';

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

export type Harness = {
  baseUrl: string;
  demo: DemoResult;
  browser: Browser;
  /** gzip bytes of every JS file the built app ships. */
  jsGzipBytes: number;
  login(role: string, name?: string): DemoLogin;
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
  const demo = await seedDemo(database.db, new Date());
  const app: FastifyInstance = await buildApp({ config: { logLevel: 'warn' }, database, logger: false, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    baseUrl,
    demo,
    browser,
    jsGzipBytes,
    login(role, name) {
      const found = demo.logins.find((l) => l.role === role && (!name || l.name === name));
      if (!found) throw new Error(`no demo login with role ${role}${name ? ` named ${name}` : ''}`);
      return found;
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
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
