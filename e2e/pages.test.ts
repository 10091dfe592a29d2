import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTokenIn } from '../src/domain/follow-through.js';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, page checks skipped (apt-get install -y chromium)');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

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
  });

  it('prints the JS weight of the app and the time until the inbox answers the keyboard', async () => {
    const samples: { rows: number; interactive: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, context } = await h.newPage(DESKTOP);
      await signIn(page, h.login('supervisor'));
      // A cold load of the inbox in a new tab: HTML, JS, CSS, the session check and the first page of cases.
      const tab = await context.newPage();
      await tab.goto('/cases', { waitUntil: 'commit' });
      await tab.locator('.case-row').first().waitFor();
      const rows = await tab.evaluate(() => performance.now());
      await tab.keyboard.press('j');
      await tab.locator('.case-row[data-selected="true"]').waitFor();
      const interactive = await tab.evaluate(() => performance.now());
      samples.push({ rows, interactive });
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const tti = median(samples.map((s) => s.interactive));
    console.log(
      `web: JS ${(h.jsGzipBytes / 1024).toFixed(1)} KiB gzip; inbox (${h.demo.cases} demo cases) first rows ${median(samples.map((s) => s.rows)).toFixed(0)} ms, ` +
        `answers the keyboard at ${tti.toFixed(0)} ms (median of 3 cold loads in Chromium)`,
    );
    expect(h.jsGzipBytes).toBeGreaterThan(0);
    expect(tti).toBeGreaterThan(0);
  });
});
