import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, signIn, startHarness } from './harness.js';

type CaseList = { items: { ref: string; clock: { pausedAt: string | null; basis: string }; sla: { acknowledge: { state: string } } }[] };
type Preferences = { items: { kind: string; inApp: boolean; email: boolean }[] };

describe.skipIf(!hasChromium)('workspace defaults, business hours, waiting on the customer, notification choices (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the admin sees the workspace’s dollars and zone and the returns desk’s hours; an employee’s report starts in dollars', async () => {
    const admin = h.login('admin');
    const { page, problems, context } = await h.newPage();
    await signIn(page, admin);
    await page.goto('/settings/workspace');
    const workspace = page.getByRole('form', { name: 'Workspace' });
    await expect.poll(() => workspace.getByLabel('Currency').inputValue()).toMatch(/^USD/);
    expect(await workspace.getByLabel('Time zone').inputValue()).toBe('America/Los_Angeles');
    const hours = page.getByRole('region', { name: 'Opening hours and holidays' });
    await hours.getByText(/Mon 09:00–18:00.*\(America\/Los_Angeles\), 2 holidays/).waitFor();
    await hours.getByRole('button', { name: 'Set opening hours of Harborside Store' }).click();
    await hours.getByRole('checkbox', { name: 'Saturday' }).uncheck();
    await hours.getByRole('button', { name: 'Save opening hours' }).click();
    await hours.getByText(/Harborside Store/).waitFor();
    await hours
      .getByText(/Mon 09:00–17:00, Tue 09:00–17:00, Wed 09:00–17:00, Thu 09:00–17:00, Fri 09:00–17:00 \(America\/Los_Angeles\)/)
      .waitFor();
    const axe = await axeProblems(page);
    expect(axe, JSON.stringify(axe).slice(0, 600)).toEqual([]);
    await context.close();

    const employee = h.login('employee');
    const second = await h.newPage();
    await signIn(second.page, employee);
    await second.page.getByRole('main').getByRole('link', { name: 'Report an incident' }).click();
    await second.page.getByLabel('Title').fill('Refund refused at the till');
    await second.page.getByLabel('What happened?').fill('The customer had no receipt and was refused a refund.');
    await second.page.getByRole('main').getByText('In person', { exact: true }).click();
    await second.page.getByRole('button', { name: 'Continue' }).click();
    await second.page.getByRole('button', { name: 'Continue' }).click();
    // The money at stake starts in the workspace's dollars, not the euros the form used to assume.
    const currency = second.page.getByLabel('Currency');
    expect(await currency.inputValue()).toBe('USD');
    expect([...problems, ...second.problems]).toEqual([]);
    await second.context.close();
  });

  it('a supervisor resumes a case waiting on the customer; times show the shop’s zone to a viewer in London', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const open = await h.apiAs<CaseList>(supervisor, '/cases?limit=200');
    const waiting = open.body.items.find((c) => c.clock.pausedAt !== null);
    expect(waiting, 'the demo leaves a case waiting on the customer').toBeDefined();
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);
    await page.goto(`/cases/${waiting?.ref}`);
    const banner = page.getByRole('status').filter({ hasText: 'Waiting on the customer' });
    await banner.waitFor();
    // The browser is in London, the shop in Los Angeles: times name the shop's zone.
    await expect.poll(() => banner.innerText()).toMatch(/P[SD]T/);
    expect(await axeProblems(page)).toEqual([]);
    await banner.getByRole('button', { name: 'Resume the clocks' }).click();
    await banner.waitFor({ state: 'detached' });
    const events = await h.apiAs<{ items: { kind: string }[] }>(supervisor, `/cases/${waiting?.ref}/events?limit=500`);
    expect(events.body.items.map((e) => e.kind)).toContain('clock_resumed');
    await page.getByRole('button', { name: 'Wait on the customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wait on the customer' });
    await dialog.getByRole('textbox', { name: /What are you waiting for/ }).fill('Asked for the order number again');
    await dialog.getByRole('button', { name: 'Pause the clocks' }).click();
    await page.getByRole('status').filter({ hasText: 'Waiting on the customer' }).waitFor();
    const after = await h.apiAs<{ clock: { pausedAt: string | null } }>(supervisor, `/cases/${waiting?.ref}`);
    expect(after.body.clock.pausedAt).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a supervisor chooses email only for new cases and cannot silence a call for help', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Notifications' });
    await section.getByRole('checkbox', { name: 'A new case in your team: in the app' }).uncheck();
    await section.getByRole('checkbox', { name: 'A new case in your team: by email' }).check();
    await section.getByRole('checkbox', { name: 'A colleague asks for help now: in the app' }).uncheck();
    await section.getByRole('checkbox', { name: 'A colleague asks for help now: by email' }).uncheck();
    await section.getByText('Keep it in the app, by email, or both.').waitFor();
    await section.getByRole('button', { name: 'Save notification choices' }).click();
    await section.getByText(/urgent: keep it in the app, by email, or both/).waitFor();
    await section.getByRole('checkbox', { name: 'A colleague asks for help now: by email' }).check();
    await section.getByRole('button', { name: 'Save notification choices' }).click();
    await section.getByText('Your notification choices are saved.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    const saved = await h.apiAs<Preferences>(supervisor, '/notifications/preferences');
    const of = (kind: string) => saved.body.items.find((i) => i.kind === kind);
    expect(of('case_reported')).toMatchObject({ inApp: false, email: true });
    expect(of('help_requested')).toMatchObject({ inApp: false, email: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
