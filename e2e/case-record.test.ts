import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoLogin } from '../src/demo/seed-demo.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, case record journey skipped (apt-get install -y chromium)');

type CaseList = { items: { ref: string; teamId: string | null }[] };
type Detail = { ref: string; status: string; customer: { name: string; hasEmail: boolean; email: string | null } | null };
type Me = { id: string; teamIds: string[] };

/**
 * An employee's demo case under investigation or being resolved, whose customer has an email and
 * whose resolution (if any) needs nobody's approval, and a supervisor of its team. Found by its
 * facts: the demo's times are relative to now.
 */
async function replyableCase(h: Harness): Promise<{ employee: DemoLogin; supervisor: DemoLogin; ref: string; email: string } | undefined> {
  const admin = h.login('admin');
  const supervisors = await Promise.all(
    h.demo.logins
      .filter((l) => l.role === 'supervisor')
      .map(async (s) => ({ login: s, teams: (await h.apiAs<Me>(s, '/me')).body.teamIds })),
  );
  for (const employee of h.demo.logins.filter((l) => l.role === 'employee')) {
    const cases = (await h.apiAs<CaseList>(employee, '/cases?status=investigating,resolving&limit=100')).body.items;
    for (const c of cases) {
      const detail = (await h.apiAs<Detail>(admin, `/cases/${c.ref}`)).body;
      const resolution = (await h.apiAs<{ resolution: { approvalState: string } | null }>(admin, `/cases/${c.ref}/resolution`)).body
        .resolution;
      const supervisor = supervisors.find((s) => c.teamId && s.teams.includes(c.teamId))?.login;
      if (!supervisor || !detail.customer?.email || resolution?.approvalState === 'pending' || resolution?.approvalState === 'rejected')
        continue;
      return { employee, supervisor, ref: c.ref, email: detail.customer.email };
    }
  }
  return undefined;
}

describe.skipIf(!hasChromium)('the case record in the browser (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an employee’s reply reaches the customer by email; the supervisor closes the case with every promise settled; the root cause shows', async () => {
    const found = await replyableCase(h);
    expect(found, 'a demo case an employee can reply on by email').toBeDefined();
    if (!found) return;
    const { employee, supervisor, ref, email } = found;

    // The employee replies from the case; the composer says the reply will be emailed.
    const emp = await h.newPage();
    await signIn(emp.page, employee);
    await emp.page.goto(`/cases/${ref}`);
    await emp.page.getByRole('tab', { name: 'Reply to the customer' }).click();
    await expect.poll(() => emp.page.getByTestId('reply-delivery-line').textContent()).toMatch(/^Sending emails this reply to /);
    const reply = 'I am sorry about the mix-up with your order. I have sent the right one today and will call you on Friday.';
    await emp.page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
    await emp.page.getByRole('button', { name: 'Send reply' }).click();
    await emp.page.getByText('Reply emailed').waitFor();

    // The outbox delivers it to the SMTP listener, with the case's Reply-To and the Message-ID the timeline keeps.
    await h.jobs.runUntilQuiet();
    const mail = h.smtp.messages.find((m) => (m.text ?? '').includes('I have sent the right one today'));
    expect(mail, 'the reply email').toBeDefined();
    expect(mail?.to && !Array.isArray(mail.to) ? mail.to.text : '').toContain(email);
    expect(mail?.replyTo?.text).toBe(`reply+${ref.toLowerCase()}@replies.defuse.invalid`);
    expect(mail?.subject).toContain(ref);

    await emp.page.getByRole('tab', { name: /^Timeline/ }).click();
    await emp.page.getByLabel('Add an internal note').fill('Checked the order: the warehouse sent size L instead of M.');
    await emp.page.getByRole('button', { name: 'Add internal note' }).click();
    const replyEntry = emp.page.locator('.timeline-item[data-kind="reply"]').first();
    await expect.poll(() => replyEntry.getByTestId('delivery-state').textContent(), { timeout: 10_000 }).toBe('Email sent');
    expect(await replyEntry.textContent()).toContain('To the customer');
    expect(await replyEntry.getByTestId('message-id').textContent()).toBe(`Message-ID ${mail?.messageId}`);
    const noteEntry = emp.page.locator('.timeline-item[data-kind="note"]').first();
    await expect.poll(() => noteEntry.textContent()).toMatch(/Internal note · staff only.*added an internal note/);
    await screenshot(emp.page, 'record-reply-sent');
    expect(emp.problems).toEqual([]);
    await emp.context.close();

    // The supervisor makes a promise, resolves the case and moves to close it.
    const sup = await h.newPage();
    await signIn(sup.page, supervisor);
    await sup.page.goto(`/cases/${ref}`);
    const page = sup.page;
    await page.getByRole('tab', { name: /Promises/ }).click();
    await page.getByLabel('What was promised?').fill('Call the customer to check the new parcel arrived');
    await page.getByRole('button', { name: 'Add promise' }).click();
    await page.getByTestId('commitment').filter({ hasText: 'check the new parcel arrived' }).waitFor();

    const resolution = (await h.apiAs<{ resolution: unknown }>(supervisor, `/cases/${ref}/resolution`)).body.resolution;
    if (resolution === null) {
      await page.getByRole('tab', { name: 'Resolution' }).click();
      await page.getByRole('button', { name: 'Propose a resolution' }).click();
      const form = page.getByRole('form', { name: 'Resolution' });
      await form.getByLabel('The problem, as both sides see it').fill('The wrong size was sent.');
      const options = form.getByLabel('Options you considered');
      await options.fill('Send the right size');
      await options.press('Enter');
      await form.getByLabel('The solution you chose').fill('Send the right size by express.');
      await form.getByLabel('Cost').fill('15');
      await form.getByRole('button', { name: 'Save resolution' }).click();
      await expect.poll(() => page.getByTestId('approval-state').textContent()).toBe('Within the proposer’s authority');
    }
    const moves = page.getByRole('region', { name: 'Move this case' });
    const status = () => h.apiAs<Detail>(supervisor, `/cases/${ref}`).then((r) => r.body.status);
    if ((await status()) === 'investigating') {
      await moves.getByRole('button', { name: 'Move to resolving' }).click();
      await expect.poll(status).toBe('resolving');
    }
    await moves.getByRole('button', { name: 'Mark resolved' }).click();
    // A playbook with steps left asks why first.
    const left = page.getByTestId('steps-left');
    await expect.poll(async () => (await status()) === 'resolved' || (await left.isVisible())).toBe(true);
    if ((await status()) !== 'resolved') {
      await left.getByLabel('Why resolve it now?').fill('The customer is happy with the replacement.');
      await left.getByRole('button', { name: 'Resolve anyway' }).click();
      await expect.poll(status).toBe('resolved');
    }

    // Closing: how it ended, why it happened, and what is still open, each settled.
    await moves.getByRole('button', { name: 'Close case' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').fill('Sent the right size by express; the customer accepted.');
    await dialog.getByLabel('Kind of root cause').click();
    await page.getByRole('option', { name: 'Training' }).click();
    await dialog.getByLabel('Why, answer 1').fill('The new packer had not been shown the size labels');
    const openItems = dialog.getByTestId('close-open-items');
    await openItems.waitFor();
    const ours = openItems.getByTestId('close-promise').filter({ hasText: 'check the new parcel arrived' });
    // The browser runs in UTC, the demo workspace in Los Angeles: the due time names the workspace's zone.
    expect(await ours.textContent()).toMatch(
      /^Promise: Call the customer to check the new parcel arrived by \w{3} \d{1,2}(:\d{2})? [ap]m (PST|PDT) \(/,
    );
    await dialog.getByRole('button', { name: 'Close the case' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/The case was not closed.*is still open; mark it kept, cancelled or broken/);
    expect(await status()).toBe('resolved');

    const promises = openItems.getByTestId('close-promise');
    for (let i = 0; i < (await promises.count()); i++) await promises.nth(i).getByText('Kept', { exact: true }).click();
    const followUps = openItems.getByTestId('close-follow-up');
    const plannedCount = await followUps.count();
    expect(plannedCount).toBeGreaterThan(0);
    await followUps.first().getByText('Cancel it', { exact: true }).click();
    await followUps.first().getByLabel('Why cancel it?').fill('We agreed on the phone there is no need to write again.');
    for (let i = 1; i < plannedCount; i++) await followUps.nth(i).getByText('Keep it', { exact: true }).click();
    await openItems.getByLabel('Why close it with these still open?').fill('The replacement arrived and the customer confirmed it.');
    await screenshot(page, 'record-close-settle');
    await dialog.getByRole('button', { name: 'Close the case' }).click();
    await expect.poll(status).toBe('closed');

    // The record says what happened: the section on the case, the close entry, and no actions that no longer apply.
    const record = page.getByTestId('resolution-record');
    await expect
      .poll(() => record.getByTestId('case-outcome').textContent())
      .toBe('Sent the right size by express; the customer accepted.');
    expect(await record.getByTestId('root-cause-category').textContent()).toBe('Training');
    expect(await record.getByTestId('root-cause-whys').textContent()).toContain('The new packer had not been shown the size labels');
    expect(await page.getByRole('button', { name: /End this interaction|abusive/i }).count()).toBe(0);
    await page.getByRole('tab', { name: /Promises/ }).click();
    await page.getByTestId('commitment').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add promise' }).count()).toBe(0);
    expect(await page.getByTestId('commitment').filter({ hasText: 'check the new parcel arrived' }).textContent()).toMatch(/keptOn time/);
    await page.getByRole('tab', { name: /^Timeline/ }).click();
    const close = page.locator('.timeline-item[data-kind="status_changed"]').first();
    await expect.poll(() => close.textContent()).toMatch(/closed the case — outcome: Sent the right size by express.*root cause: training/);
    expect(await page.locator('.timeline-item[data-kind="follow_up_cancelled"]').first().textContent()).toContain('no need to write again');
    await screenshot(page, 'record-closed');

    // The inbox finds it by its root cause, and the export carries outcome and root cause.
    await page.goto('/cases?rootCause=training&status=closed');
    await page.locator(`.case-row[data-ref="${ref}"]`).waitFor();
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain('rootCause=training');
    const csv = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    expect(csv.split('\n')[0]).toContain('outcome,rootCauseCategory,rootCauseWhys');
    expect(csv).toContain(`${ref},`);
    expect(csv).toContain(
      'Sent the right size by express; the customer accepted.,training,The new packer had not been shown the size labels',
    );
    await screenshot(page, 'record-inbox-root-cause');
    expect(sup.problems).toEqual([]);
    await sup.context.close();
  });
});
