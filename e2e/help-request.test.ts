import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type CasePage = { items: { ref: string; status: string; help: unknown }[] };

describe.skipIf(!hasChromium)('asking for help during a case (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an employee asks for help; a supervisor of the team is told without a reload and by mail, and takes it; the call closes on the employee’s page', async () => {
    const employee = h.login('employee', 'Tom Okafor');
    const open = (await h.apiAs<CasePage>(employee, '/cases?limit=100')).body.items.filter((c) => c.status !== 'closed' && !c.help);
    const supervisors = h.demo.logins.filter((l) => l.role === 'supervisor');
    let pick: { ref: string; supervisor: (typeof supervisors)[number] } | undefined;
    for (const c of open)
      for (const s of supervisors) {
        const detail = await h.apiAs<{ can: { assign: boolean } }>(s, `/cases/${c.ref}`);
        if (!pick && detail.status === 200 && detail.body.can.assign) pick = { ref: c.ref, supervisor: s };
      }
    expect(pick, 'an open case of Tom’s that a supervisor of its team manages').toBeDefined();
    if (!pick) return;

    const tom = await h.newPage({ width: 390, height: 844 });
    const sup = await h.newPage();
    await signIn(tom.page, employee);
    await signIn(sup.page, pick.supervisor);
    await sup.page.goto('/cases');
    await tom.page.goto(`/cases/${pick.ref}`);
    await tom.page.getByRole('button', { name: 'Ask a supervisor for help' }).click();
    await tom.page.getByLabel('What do you need? (optional)').fill('He wants a manager and is getting louder.');
    await tom.page.getByRole('button', { name: 'Ask now' }).click();
    await tom.page.getByText('You asked for help').waitFor();
    await screenshot(tom.page, 'help-asked');

    // The supervisor's bell fills without a reload, and the email went out.
    await sup.page.getByRole('button', { name: /Notifications, [1-9]\d* unread/ }).waitFor({ timeout: 5_000 });
    await h.jobs.runUntilQuiet();
    expect(h.smtp.messages.some((m) => m.subject?.includes(`Help needed now on ${pick?.ref}`))).toBe(true);

    await sup.page.goto(`/cases/${pick.ref}`);
    await sup.page.getByRole('button', { name: 'I’ll take it' }).click();
    await sup.page.getByRole('button', { name: 'I’ll take it' }).waitFor({ state: 'detached' });
    await sup.page.getByRole('tab', { name: /Timeline/ }).click();
    await sup.page.getByText('took the call for help from Tom Okafor').first().waitFor();
    await tom.page.getByText('You asked for help').waitFor({ state: 'detached', timeout: 5_000 });
    expect(tom.problems).toEqual([]);
    expect(sup.problems).toEqual([]);
    await tom.context.close();
    await sup.context.close();
  });
});
