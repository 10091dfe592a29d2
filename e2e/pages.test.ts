import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTokenIn } from '../src/domain/follow-through.js';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, page checks skipped (apt-get install -y chromium)');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
type SlowNetwork = typeof SLOW_4G;

/**
 * Counts the bytes each response took on the wire (headers and compressed body, as Chromium's
 * network layer reports them), by resource type, optionally under throttling.
 */
async function watchTransfers(page: Page, network?: SlowNetwork) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  const types = new Map<string, string>();
  const bytes: Record<string, number> = {};
  const scripts: string[] = [];
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    if (e.type === 'Script') scripts.push(new URL(e.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    bytes[type] = (bytes[type] ?? 0) + e.encodedDataLength;
  });
  return {
    soFar: () => ({ ...bytes }),
    /** The scripts fetched so far, by path. */
    scripts: () => [...scripts],
    stop: () => cdp.detach(),
  };
}

type Visit = { name: string; role: string | null; path: string; ready: (page: Page) => Promise<unknown> };

describe.skipIf(!hasChromium)('main pages (Chromium): accessibility, screenshots, weight and speed', () => {
  let h: Harness;
  let caseRef = '';
  let employeeId = '';
  let surveyToken = '';
  beforeAll(async () => {
    h = await startHarness();
    // Four days on, the jobs have emailed survey links for the demo's recently resolved cases: take one still open.
    h.jobs.advance(4 * 24 * 3_600_000);
    await h.jobs.runUntilQuiet();
    for (const mail of h.smtp.messages) {
      const token = surveyTokenIn(mail.text ?? '');
      if (token && (await fetch(`${h.baseUrl}/public/survey/${token}`)).status === 200) {
        surveyToken = token;
        break;
      }
    }
    type Page = { items: { ref: string }[] };
    const sup = h.login('supervisor');
    caseRef = (await h.apiAs<Page>(sup, '/cases?status=investigating&limit=1')).body.items[0]?.ref ?? '';
    const employees = (await h.apiAs<{ items: { id: string; name: string }[] }>(h.login('hr'), '/employees')).body.items;
    employeeId = employees.find((e) => e.name === 'Tom Okafor')?.id ?? employees[0]?.id ?? '';
  });
  afterAll(async () => {
    await h?.close();
  });

  const visits = (): Visit[] => [
    { name: 'sign-in', role: null, path: '/sign-in', ready: (p) => p.getByRole('button', { name: 'Sign in' }).waitFor() },
    { name: 'employee-home', role: 'employee', path: '/', ready: (p) => p.getByRole('heading', { name: 'My cases' }).waitFor() },
    { name: 'report', role: 'employee', path: '/report', ready: (p) => p.getByLabel('Title').waitFor() },
    { name: 'inbox', role: 'supervisor', path: '/cases', ready: (p) => p.locator('.case-row').first().waitFor() },
    { name: 'case', role: 'supervisor', path: `/cases/${caseRef}`, ready: (p) => p.getByTestId('next-action').waitFor() },
    {
      name: 'case-reply',
      role: 'supervisor',
      path: `/cases/${caseRef}`,
      ready: async (p) => {
        await p.getByRole('tab', { name: 'Reply to the customer' }).click();
        await p.getByRole('textbox', { name: 'Your reply' }).fill('Calm down. Per our SLA this is not my department.');
        await p.getByTestId('coach-preview').waitFor();
      },
    },
    {
      name: 'playbook',
      role: 'supervisor',
      path: `/cases/${caseRef}`,
      ready: async (p) => {
        await p.getByRole('button', { name: 'Open the playbook →' }).click();
        await p.getByRole('dialog').getByText('Done when:').first().waitFor();
      },
    },
    ...(
      [
        ['Playbook', (p: Page) => p.getByTestId('playbook-panel').or(p.getByTestId('playbook-none')).waitFor()],
        ['Resolution', (p: Page) => p.getByRole('button', { name: /Propose a resolution|Change the resolution/ }).waitFor()],
        ['Promises & follow-ups', (p: Page) => p.getByRole('heading', { name: 'Follow-ups with both sides' }).waitFor()],
      ] as const
    ).map(
      ([tab, shown]): Visit => ({
        name: `case-${tab.split(' ')[0]?.toLowerCase()}`,
        role: 'supervisor',
        path: `/cases/${caseRef}`,
        ready: async (p) => {
          await p.getByRole('tab', { name: tab }).click();
          await shown(p);
        },
      }),
    ),
    {
      name: 'attention',
      role: 'supervisor',
      path: '/cases',
      ready: async (p) => {
        await p.getByRole('button', { name: 'Needs attention' }).click();
        await p.getByTestId('attention-reasons').first().waitFor();
      },
    },
    {
      name: 'commitments-report',
      role: 'supervisor',
      path: '/reports/commitments',
      ready: (p) => p.getByRole('heading', { name: 'Promises kept' }).waitFor(),
    },
    { name: 'coaching', role: 'supervisor', path: '/coaching', ready: (p) => p.getByTestId('coaching-row').first().waitFor() },
    { name: 'people', role: 'hr', path: '/people', ready: (p) => p.getByRole('table').waitFor() },
    { name: 'themes', role: 'supervisor', path: '/themes', ready: (p) => p.getByTestId('theme-card').first().waitFor() },
    { name: 'improvements', role: 'supervisor', path: '/improvements', ready: (p) => p.getByTestId('improvement').first().waitFor() },
    { name: 'themes-employee', role: 'employee', path: '/themes', ready: (p) => p.getByTestId('theme-card').first().waitFor() },
    { name: 'agenda', role: 'supervisor', path: '/agenda', ready: (p) => p.getByTestId('agenda').first().getByTestId('story').waitFor() },
    { name: 'newsletter-review', role: 'hr', path: '/newsletter', ready: (p) => p.getByTestId('redaction-panel').first().waitFor() },
    { name: 'newsletter-employee', role: 'employee', path: '/newsletter', ready: (p) => p.getByTestId('story').first().waitFor() },
    {
      name: 'employee-history',
      role: 'hr',
      path: `/people/${employeeId}`,
      ready: (p) => p.getByText('Conflict history').waitFor(),
    },
    { name: 'access-log', role: 'hr', path: '/access-log', ready: (p) => p.getByTestId('access-log').waitFor() },
    { name: 'users', role: 'admin', path: '/settings/users', ready: (p) => p.getByRole('table').waitFor() },
    { name: 'teams', role: 'admin', path: '/settings/teams', ready: (p) => p.getByRole('table').waitFor() },
    {
      name: 'workspace-settings',
      role: 'admin',
      path: '/settings/workspace',
      ready: (p) => p.getByRole('heading', { name: 'Deadlines and limits' }).waitFor(),
    },
    {
      name: 'playbooks',
      role: 'admin',
      path: '/settings/playbooks',
      ready: (p) => p.getByRole('heading', { name: 'Playbooks' }).waitFor(),
    },
    { name: 'tokens', role: 'admin', path: '/account/tokens', ready: (p) => p.getByRole('heading', { name: 'API tokens' }).waitFor() },
    { name: 'account', role: 'employee', path: '/account', ready: (p) => p.getByRole('heading', { name: 'Change password' }).waitFor() },
    {
      name: 'survey',
      role: null,
      path: `/public/survey/${surveyToken}`,
      ready: (p) => p.getByRole('button', { name: 'Send my answer' }).waitFor(),
    },
    { name: 'reviews', role: 'hr', path: '/reviews', ready: (p) => p.getByRole('table', { name: 'Reviews' }).waitFor() },
    {
      name: 'review-rules',
      role: 'admin',
      path: '/settings/reviews',
      ready: (p) => p.getByRole('heading', { name: 'Review rules' }).waitFor(),
    },
    {
      name: 'support',
      role: 'supervisor',
      path: '/support',
      ready: (p) => p.getByRole('heading', { name: 'Support', level: 1 }).waitFor(),
    },
    {
      name: 'my-reviews',
      role: 'employee',
      path: '/my-reviews',
      ready: (p) => p.getByRole('heading', { name: 'Reviews of my cases' }).waitFor(),
    },
    { name: 'not-found', role: 'employee', path: '/cases/C-1999-000001', ready: (p) => p.getByTestId('not-found').waitFor() },
  ];

  it('every main page has no serious or critical axe violations, and screenshots at desktop and phone width', async () => {
    const problems: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      const byRole = new Map<string | null, Awaited<ReturnType<Harness['newPage']>>>();
      for (const visit of visits()) {
        let session = byRole.get(visit.role);
        if (!session) {
          session = await h.newPage(viewport);
          if (visit.role) await signIn(session.page, h.login(visit.role));
          byRole.set(visit.role, session);
        }
        await session.page.goto(visit.path);
        await visit.ready(session.page);
        await session.page.waitForLoadState('networkidle');
        await screenshot(session.page, visit.name);
        if (viewport === DESKTOP) for (const p of await axeProblems(session.page)) problems.push(`${visit.name}: ${p}`);
      }
      for (const s of byRole.values()) {
        problems.push(...s.problems);
        await s.context.close();
      }
    }
    expect(problems).toEqual([]);
    // Some 40 pages at two widths, each checked by axe: more than the default two minutes on a busy machine.
  }, 600_000);

  it('loads signed out without console errors, and the open bell menu and a dismissable alert pass axe', async () => {
    const { page, context, problems } = await h.newPage(DESKTOP);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto('/cases');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await signIn(page, h.login('supervisor'));
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('menu').waitFor();
    const menuProblems = await axeProblems(page);
    await page.keyboard.press('Escape');
    // The report form keeps a draft; coming back offers it in an alert with a close button.
    await page.goto('/report');
    await page.getByLabel('Title').fill('Draft kept for the alert');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('defuse:report-draft:')))).toBe(true);
    await page.goto('/cases');
    await page.goto('/report');
    await page.getByText('We kept your draft').waitFor();
    expect([...menuProblems, ...(await axeProblems(page)), ...problems]).toEqual([]);
    await context.close();
  });

  it('an admin copies a playbook, moves a step up, and the saved version keeps the new order', async () => {
    const { page, context, problems } = await h.newPage(DESKTOP);
    const admin = h.login('admin');
    await signIn(page, admin);
    await page.goto('/settings/playbooks');
    await page
      .getByRole('button', { name: /^Copy / })
      .first()
      .click();
    await page.getByLabel('Name of the copy').fill('Steps in our order');
    await page.getByRole('button', { name: 'Copy and edit' }).click();
    const editor = page.getByTestId('playbook-editor');
    await editor.waitFor();
    const titles = editor.getByLabel('Title');
    const second = await titles.nth(1).inputValue();
    const first = await titles.nth(0).inputValue();
    await editor.getByRole('button', { name: 'Move step 2 up' }).click();
    expect(await titles.nth(0).inputValue()).toBe(second);
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    type Summary = { key: string; name: string };
    await expect
      .poll(async () => {
        const list = await h.apiAs<{ items: Summary[] }>(admin, '/playbooks');
        const mine = list.body.items.find((p) => p.name === 'Steps in our order');
        if (!mine) return [];
        const full = await h.apiAs<{ version: number; steps: { title: string }[] }>(admin, `/playbooks/${mine.key}`);
        return full.body.version > 1 ? full.body.steps.slice(0, 2).map((s) => s.title) : [];
      })
      .toEqual([second, first]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends the sign-in page and the inbox compressed and split by route, and prints their bytes on the wire and load times', async () => {
    const kib = (n = 0) => `${(n / 1024).toFixed(1)} KiB`;
    // The sign-in page, cold: a new browser profile with no session.
    const signInContext = await h.browser.newContext({ baseURL: h.baseUrl, viewport: DESKTOP });
    const signInPage = await signInContext.newPage();
    const signInWire = await watchTransfers(signInPage);
    await signInPage.goto('/sign-in', { waitUntil: 'commit' });
    await signInPage.getByRole('textbox', { name: 'Password' }).waitFor();
    await signInPage.waitForLoadState('load');
    const signInBytes = signInWire.soFar();
    await signInWire.stop();
    await signInContext.close();

    // A cold load of the inbox: a new browser profile whose only state is the session cookie, set
    // through the API so that no page of the app has been fetched before.
    //  - 'look' loads it and counts what it needed to show itself;
    //  - 'keyboard' presses j every 10 ms from the moment the page is asked for, as someone would
    //    who is waiting for it, and takes the page's own clock when the first press is answered
    //    (a row selected). Timed in the page, not by a round trip to this test, whose own latency
    //    on a busy machine would be counted as the page's;
    //  - 'filters' opens the severity filter, whose dropdowns come when first reached.
    const coldInbox = async (then: 'look' | 'keyboard' | 'filters', network?: SlowNetwork) => {
      const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: DESKTOP });
      const login = h.login('supervisor');
      const signedIn = await context.request.post('/api/v1/auth/sign-in', {
        data: { email: login.email, password: login.password },
        headers: { origin: h.baseUrl },
      });
      expect(signedIn.status()).toBe(200);
      const page = await context.newPage();
      await page.addInitScript(() => {
        const selected = () => document.querySelector('.case-row[data-selected="true"]') !== null;
        new MutationObserver((_, observer) => {
          if (!selected()) return;
          (window as unknown as { answeredAt: number }).answeredAt = performance.now();
          observer.disconnect();
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-selected'] });
      });
      const wire = await watchTransfers(page, network);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      // Checked on every frame: a locator's wait backs off to 100 ms polls.
      const shown = (selector: string) => page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 'raf' });
      let interactive = 0;
      let filters = 0;
      await page.goto('/cases', { waitUntil: 'commit' });
      if (then === 'keyboard') {
        const input = await context.newCDPSession(page);
        const key = (type: 'keyDown' | 'keyUp') =>
          input.send('Input.dispatchKeyEvent', {
            type,
            key: 'j',
            code: 'KeyJ',
            windowsVirtualKeyCode: 74,
            ...(type === 'keyDown' ? { text: 'j' } : {}),
          });
        const pressing = setInterval(() => {
          void key('keyDown').catch(() => undefined);
          void key('keyUp').catch(() => undefined);
        }, 10);
        await shown('.case-row[data-selected="true"]').finally(() => clearInterval(pressing));
        interactive = await page.evaluate(() => (window as unknown as { answeredAt: number }).answeredAt);
        await input.detach();
      }
      await shown('.case-row');
      await page.waitForLoadState('load');
      // What the inbox needed to show itself (a selection then prefetches the case page).
      const bytes = wire.soFar();
      const scripts = wire.scripts();
      if (then === 'filters') {
        // The filter row's dropdowns come when the keyboard (or the pointer) first reaches it, and
        // the real field takes over the focus from the button that stood in for it.
        await page.getByRole('button', { name: /^Severity: / }).focus();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inbox-filter-severity');
        await page.locator('#inbox-filter-severity').click();
        await page.getByRole('option', { name: /^S1 / }).click();
        await page.waitForURL(/severity=/);
        filters = (wire.soFar().Script ?? 0) - (bytes.Script ?? 0);
      }
      await wire.stop();
      await context.close();
      const count = (path: string) => requests.filter((p) => p === path).length;
      return { interactive, bytes, scripts, filters, accountRequests: count('/api/v1/me'), listRequests: count('/api/v1/cases') };
    };
    const first = await coldInbox('look');
    const runs = [await coldInbox('keyboard'), await coldInbox('keyboard'), await coldInbox('keyboard')];
    const slow = await coldInbox('keyboard', SLOW_4G);
    const withFilters = await coldInbox('filters');
    // Preloaded answers (the account, the inbox's first page) are counted by Chromium under another type than fetches.
    const apiBytes = (bytes: Record<string, number>) =>
      Object.entries(bytes)
        .filter(([type]) => !['Script', 'Stylesheet', 'Document', 'Image'].includes(type))
        .reduce((sum, [, n]) => sum + n, 0);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(
      `web: sign-in cold load, bytes on the wire as Chromium received them: JS ${kib(signInBytes.Script)}, CSS ${kib(signInBytes.Stylesheet)}, HTML ${kib(signInBytes.Document)}`,
    );
    console.log(
      `web: inbox cold load, bytes on the wire as Chromium received them: JS ${kib(first.bytes.Script)} in ${first.scripts.length} files (budget 150 KiB), ` +
        `CSS ${kib(first.bytes.Stylesheet)}, HTML ${kib(first.bytes.Document)}, API ${kib(apiBytes(first.bytes))}; the filter dropdowns add ${kib(withFilters.filters)} ` +
        `when first reached; all JS of the app ${kib(h.jsGzipBytes)} gzip. ` +
        `A j pressed every 10 ms from the request is first answered at ${median(runs.map((r) => r.interactive)).toFixed(0)} ms (page clock, median of 3, budget 1 s) and ` +
        `${slow.interactive.toFixed(0)} ms under slow 4G (150 ms RTT, 1.6 Mbit/s; budget 3 s)`,
    );
    // Compressed bytes, counted by the browser, do not depend on this machine's speed (the times
    // above do, so they are printed, not asserted).
    expect(first.bytes.Script ?? 0).toBeGreaterThan(0);
    expect(first.bytes.Script ?? 0).toBeLessThanOrEqual(150 * 1024);
    expect(signInBytes.Script ?? 0).toBeLessThan(first.bytes.Script ?? 0);
    // The account, the inbox's first page and its code were named in the page's response (Link),
    // fetched beside the entry, and used: one request for each, no page file fetched twice.
    expect(first.accountRequests).toBe(1);
    expect(first.listRequests).toBe(1);
    expect(new Set(first.scripts).size).toBe(first.scripts.length);
    // The dashboard's chart library never reaches the inbox.
    expect(first.scripts.filter((path) => /charts/.test(path))).toEqual([]);
    expect(withFilters.filters).toBeGreaterThan(0);
  });
});
