import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type CasePage = { items: { ref: string; status: string }[] };

describe.skipIf(!hasChromium)('live updates (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('two people on one case: a note one of them adds appears on the other’s timeline without a reload, within a second', async () => {
    // An open case that both an employee (a party to it) and a supervisor of its team can see.
    const employee = h.login('employee', 'Tom Okafor');
    const mine = (await h.apiAs<CasePage>(employee, '/cases?limit=100')).body.items.filter((c) => c.status !== 'closed');
    const supervisors = h.demo.logins.filter((l) => l.role === 'supervisor');
    let pick: { ref: string; supervisor: (typeof supervisors)[number] } | undefined;
    for (const c of mine)
      for (const s of supervisors) if (!pick && (await h.apiAs(s, `/cases/${c.ref}`)).status === 200) pick = { ref: c.ref, supervisor: s };
    expect(pick, 'an open case of Tom’s that a supervisor also sees').toBeDefined();
    if (!pick) return;

    const tom = await h.newPage();
    const sup = await h.newPage();
    await signIn(tom.page, employee);
    await signIn(sup.page, pick.supervisor);
    for (const p of [tom.page, sup.page]) {
      await p.goto(`/cases/${pick.ref}`);
      await p.getByRole('tab', { name: /Timeline/ }).click();
    }
    // The supervisor's page was loaded once; from here on it only listens.
    let reloads = 0;
    sup.page.on('load', () => {
      reloads += 1;
    });

    const note = `Live note ${Date.now()}: the customer is waiting at the service desk`;
    await tom.page.getByLabel('Add an internal note').fill(note);
    await tom.page.getByRole('button', { name: 'Add internal note' }).click();
    await expect.poll(() => tom.page.getByText(note).count(), { timeout: 5_000 }).toBe(1);

    const started = Date.now();
    await sup.page.getByText(note).waitFor({ timeout: 5_000 });
    const seenAfterMs = Date.now() - started;
    console.log(`live update: the note reached the other browser ${seenAfterMs} ms after it showed for its author`);
    expect(reloads).toBe(0);
    await screenshot(sup.page, 'live-note');
    expect(tom.problems).toEqual([]);
    expect(sup.problems).toEqual([]);
    await tom.context.close();
    await sup.context.close();
  });
});
