import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReplyAddress, PLACEHOLDER_REPLY_DOMAIN } from '../src/domain/reply-address.js';
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

  it('files on a phone, follows the emailed status link, adds a detail; staff find it in the inbox and place a held photo', async () => {
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

    // The customer answers from another address with a photo: the mail is held with its file, and
    // placing it puts the photo on the case's Files.
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('the cracked base')]);
    const sent = (await transport.sendMail({
      from: 'Vera Lind <vera@work.example.test>',
      to: caseReplyAddress(ref, PLACEHOLDER_REPLY_DOMAIN),
      subject: 'Photo of the crack',
      text: 'Here is a photo of the base.',
      attachments: [{ filename: 'crack.png', content: photo }],
    })) as unknown as { message: Buffer };
    expect(await h.receiveEmail(sent.message)).toMatchObject({ kind: 'held', caseRef: ref });
    await staff.page.goto('/mail/held');
    const held = staff.page.getByRole('article', { name: 'Email from vera@work.example.test' });
    await held.getByText('crack.png').waitFor();
    await held.getByText('joins the case’s Files when placed').waitFor();
    expect(await axeProblems(staff.page)).toEqual([]);
    await held.getByRole('button', { name: 'Place on this case' }).click();
    await held.waitFor({ state: 'detached' });
    await staff.page.goto(`/cases/${ref}`);
    await staff.page.getByRole('tab', { name: 'Files' }).click();
    await staff.page.getByTestId('attachments').getByRole('link', { name: 'crack.png' }).waitFor();
    await staff.page.getByTestId('attachments').getByText('from an email', { exact: false }).waitFor();
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 120_000);
});
