import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

describe.skipIf(!hasChromium)('tamper evidence on the access-log page (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the signing job mails a checkpoint to the admins; HR verifies the record and checks it against the kept copy', async () => {
    await h.jobs.runUntilQuiet();
    const mail = h.smtp.messages.find((m) => /Audit checkpoint #1/.test(m.subject ?? ''));
    expect(mail, 'a checkpoint mailed to an admin').toBeDefined();

    const hr = h.login('hr');
    const latest = await h.apiAs<{ checkpoint: { seq: number } }>(hr, '/audit/checkpoints/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.checkpoint.seq).toBe(1);
    const kept = join(mkdtempSync(join(tmpdir(), 'defuse-kept-')), 'checkpoint.json');
    writeFileSync(kept, JSON.stringify(latest.body));

    const { page, problems } = await h.newPage();
    await signIn(page, hr);
    await page.goto('/access-log');
    await page.getByTestId('latest-checkpoint').getByText('Latest checkpoint #1').waitFor();
    await page.getByRole('button', { name: 'Verify the record' }).click();
    await page.getByTestId('audit-result').getByText('The record is intact').waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Check against a kept checkpoint…' }).click();
    await (await chooser).setFiles(kept);
    await page.getByText('It has only grown since the kept checkpoint #1').waitFor();
    await screenshot(page, 'audit-record');
    expect(problems).toEqual([]);
  });
});
