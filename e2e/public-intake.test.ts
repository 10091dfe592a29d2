import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

describe.skipIf(!hasChromium)('a customer files a complaint on the public form (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('files on a phone, follows the emailed status link, adds a detail; staff find it in the inbox', async () => {
    const customer = await h.newPage({ width: 390, height: 844 });
    const page = customer.page;
    await page.goto(`/public/complaint/${h.demo.workspace.slug}`);
    await page.getByLabel('What happened?').fill('The blender I bought on Saturday cracked the first time I used it.');
    await page.getByLabel('Where did it happen? (optional)').selectOption({ index: 1 });
    await page.getByLabel('What would you like us to do? (optional)').fill('A replacement, please.');
    await page.getByLabel('Your name').fill('Vera Lind');
    await page.getByLabel('Your email').fill('vera.lind@example.test');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'complaint-form-phone');
    // A person takes more than a few seconds to fill the form; the form refuses one sent at once.
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: 'Send my report' }).click();
    await page.getByRole('heading', { name: 'Thank you, we have your report' }).waitFor();
    const ref = /C-\d{4}-\d{6}/.exec(await page.locator('main').innerText())?.[0] ?? '';
    expect(ref).not.toBe('');

    // The acknowledgement arrives at the mail server, marked automatic, with the private link.
    await h.jobs.runUntilQuiet();
    const ack = h.smtp.messages.find((m) => m.subject === `We have your report: ${ref}`);
    expect(ack?.headers.get('auto-submitted')).toBe('auto-replied');
    const link = /https?:\/\/\S+\/public\/cases\/[A-Za-z0-9_-]+/.exec(ack?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    await page.goto(link);
    await page.getByRole('heading', { name: `Your case ${ref}` }).waitFor();
    await page.getByText('We have your report.').waitFor();
    await page.getByLabel('Anything you remember, or anything that changed').fill('The crack is along the base; I kept the box.');
    await page.getByRole('button', { name: 'Add to my case' }).click();
    await page.getByText('Thank you, we have added this to your case.').waitFor();
    await page.getByText('The crack is along the base; I kept the box.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'status-page-phone');
    expect(customer.problems).toEqual([]);
    await customer.context.close();

    // Staff see the new web-form case in the inbox, and the customer's detail on it.
    const staff = await h.newPage();
    await signIn(staff.page, h.login('admin'));
    await staff.page.goto('/cases?channel=web_form');
    await staff.page.getByText(ref).first().waitFor();
    await staff.page.getByText(ref).first().click();
    await staff.page.getByRole('tab', { name: 'From the customer' }).click();
    await staff.page.getByText('The crack is along the base; I kept the box.').waitFor();
    await staff.page.getByText('On the status page').waitFor();
    await screenshot(staff.page, 'case-from-the-customer');
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
