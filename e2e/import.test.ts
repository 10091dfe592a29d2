import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

const FILE = join(import.meta.dirname, '../test/fixtures/import/zendesk-tickets.csv');

describe.skipIf(!hasChromium)('importing past tickets in Settings → Import (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an admin checks a Zendesk export, imports it, reads the refused rows and finds an imported case in the inbox', async () => {
    const admin = h.login('admin');
    const { page, context, problems } = await h.newPage();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import past tickets' }).waitFor();
    const form = page.getByRole('region', { name: 'Upload an export' });
    await form.locator('input[type="file"]').setInputFiles(FILE);
    await form.getByLabel('Time zone of the file’s dates').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Check file' }).click();
    const checked = page.getByRole('region', { name: 'What the import would do' });
    await checked.getByText('Checked: nothing was changed').waitFor();
    expect(await checked.getByTestId('import-counts').textContent()).toBe(
      '6 rows: 3 cases to create, 3 new customers, 0 skipped as imported before, 3 refused.',
    );
    await checked.getByRole('rowheader', { name: '5', exact: true }).waitFor();
    expect((await h.apiAs<{ items: unknown[] }>(admin, '/cases?q=%22twice%20for%20one%20jacket%22')).body.items).toEqual([]);

    await form.getByLabel(/Only check the file/).uncheck();
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByRole('region', { name: 'Import in progress' });
    await progress.getByRole('heading', { name: 'Imported zendesk-tickets.csv' }).waitFor();
    expect(await progress.getByTestId('import-counts').textContent()).toBe(
      '6 rows: 3 cases created, 3 new customers, 0 skipped as imported before, 3 refused.',
    );
    await progress.getByRole('cell', { name: 'unknown status "mystery"' }).waitFor();
    await page.getByRole('region', { name: 'Earlier imports' }).getByRole('rowheader', { name: 'zendesk-tickets.csv' }).waitFor();
    await screenshot(page, 'import');
    // Away from the button just pressed, so its hover colour is not what gets measured.
    await page.mouse.move(0, 0);
    expect(await axeProblems(page)).toEqual([]);

    await progress.getByRole('link', { name: 'Open the inbox' }).click();
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('till rude');
    await page.getByRole('link', { name: 'Rude answer at the till' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rude answer at the till' }).waitFor();
    await page.getByRole('tab', { name: /^Timeline/ }).click();
    await page.getByText('Imported from Zendesk (ticket 1042)').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
