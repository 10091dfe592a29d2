import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

/** The inbox's count line ("12 cases · 10 shown"). */
const inboxCount = (page: Page) =>
  page
    .getByText(/^\d+ cases?/)
    .first()
    .textContent();

describe.skipIf(!hasChromium)('the dashboard (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor opens the dashboard, narrows to one team, clicks a bar and lands in the inbox filtered the same way', async () => {
    const dana = h.login('supervisor', 'Dana Whitfield');
    const { page, context, problems } = await h.newPage();
    await signIn(page, dana);
    // The dashboard is a supervisor's home.
    await page.waitForURL('**/dashboard');
    await page.locator('label', { hasText: 'Last 90 days' }).click();
    await page.getByTestId('headline-cases').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // Narrow to one of her teams.
    await page.getByRole('combobox', { name: 'Team' }).click();
    const option = page.getByRole('option').first();
    const teamName = (await option.textContent())?.trim() ?? '';
    await option.click();
    const byChannel = page.getByRole('region', { name: 'Cases by channel' });
    // The chart (recharts) draws one rectangle per group, in the order its caption lists them.
    const bar = byChannel.locator('.drill-bar .recharts-rectangle').first();
    await bar.waitFor();
    await screenshot(page, 'dashboard');
    const figures = (await byChannel.getByTestId('chart-figures').textContent()) ?? '';
    const count = Number(/^[^:]+: (\d+) cases/.exec(figures)?.[1]);
    expect(count).toBeGreaterThan(0);

    // The charts take their colours from the theme's variables: in Mantine's dark scheme their
    // axis text turns light.
    const tickInk = () =>
      byChannel
        .locator('.recharts-cartesian-axis-tick-value')
        .first()
        .evaluate((el) => Number(/\d+/.exec(getComputedStyle(el).fill)?.[0] ?? -1));
    const lightInk = await tickInk();
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'dark'));
    await screenshot(page, 'dashboard-dark');
    expect(await tickInk()).toBeGreaterThan(lightInk + 30);
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));

    await bar.click();
    await page.waitForURL(/\/cases\?.*teamId=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('channel')).toBeTruthy();
    expect(url.searchParams.get('reportedFrom')).toBeTruthy();
    await page.getByRole('group', { name: 'Filters from the dashboard' }).waitFor();
    // The inbox's total is the bar's value.
    await expect.poll(() => inboxCount(page)).toMatch(new RegExp(`^${count} case`));
    expect(teamName.length).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);

    // The table view of a chart shows the same figures, each a link to its cases.
    await page.goBack();
    await page.locator('label', { hasText: 'Last 90 days' }).click();
    await page.getByTestId('headline-cases').waitFor();
    await page
      .locator('label', { hasText: /^Table$/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Cases over time' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // The employee's side drills down like the customer's: a "felt supported" score opens its cases.
    const supported = page.getByRole('region', { name: 'Employees felt supported after follow-up' });
    await supported.getByTestId('chart-figures').waitFor({ state: 'attached' });
    const scores = ((await supported.getByTestId('chart-figures').textContent()) ?? '')
      .split('; ')
      .map((part) => Number(/: (\d+) answers/.exec(part)?.[1]));
    const pick = scores.indexOf(Math.max(...scores));
    expect(scores[pick]).toBeGreaterThan(0);
    // A score nobody gave has no rectangle to click.
    await supported
      .locator('.drill-bar .recharts-rectangle')
      .nth(scores.slice(0, pick).filter((n) => n > 0).length)
      .click();
    await page.waitForURL(/\/cases\?.*supported=/);
    expect(JSON.parse(new URL(page.url()).searchParams.get('supported') ?? '[]')).toEqual([pick + 1]);
    await page
      .getByRole('group', { name: 'Filters from the dashboard' })
      .getByText(`Employee felt supported ${pick + 1} of 5`)
      .waitFor();
    // The demo has one employee answer per case: the inbox counts the cases behind the answers.
    await expect.poll(() => inboxCount(page)).toMatch(new RegExp(`^${scores[pick]} case`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR reads the people report; a supervisor does not get it', async () => {
    const hr = h.login('hr');
    expect((await h.apiAs(h.login('supervisor', 'Dana Whitfield'), '/reports/people')).status).toBe(403);
    const { page, context, problems } = await h.newPage();
    await signIn(page, hr);
    await page.goto('/reports/people');
    await page.getByRole('table', { name: 'Cases per employee as primary party' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
