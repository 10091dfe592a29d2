import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type AccessLog = { items: { resource: string; action: string; subjectLabel: string | null }[] };

describe.skipIf(!hasChromium)('a fair review (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('HR opens the flagged review, reads the evidence, records a decision and downloads the dossier', async () => {
    const hr = h.login('hr');
    const { page, context, problems } = await h.newPage();
    await signIn(page, hr);
    await page.getByRole('link', { name: 'Reviews', exact: true }).click();
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Reviews' }).getByRole('link', { name: 'Tom Okafor' }).click();

    await page.getByRole('heading', { name: 'Review of Tom Okafor' }).waitFor();
    await page.getByTestId('employee-statement').getByText('busy Saturdays', { exact: false }).waitFor();
    const cases = page.getByRole('region', { name: 'Cases and findings' });
    expect(await cases.getByText('Counted', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await cases.getByText('Set apart', { exact: true }).first().waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence.getByText('Hash chain: intact', { exact: false }).first().waitFor();
    await evidence.getByText('He swore at me and threw the receipt', { exact: false }).waitFor();
    await screenshot(page, 'review-evidence');

    const decision = page.getByRole('region', { name: 'Decision' });
    await decision.getByLabel('Decision', { exact: true }).and(page.locator('input')).click();
    await page.getByRole('option', { name: 'Coaching' }).click();
    await decision.getByLabel('Rationale').fill('Coaching on price-match rules, with a second person on busy Saturdays.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await decision.getByText('— stands').waitFor();
    await decision.getByRole('button', { name: 'Record decision' }).waitFor({ state: 'detached' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download dossier (PDF)' }).click(),
    ]);
    const file = await download.path();
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Review dossier Tom Okafor');
    expect(flat).toContain('Decision: Coaching (stands)');
    expect(flat).toContain('Both were busy Saturdays with one person on the counter.');
    await screenshot(page, 'review-decided');

    // Every read of the review, and the export, is in the access log.
    const log = await h.apiAs<AccessLog>(hr, '/access-log?limit=50');
    const mine = log.body.items.filter((e) => e.resource === 'review' && (e.subjectLabel ?? '').includes('Tom Okafor'));
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(['read', 'export']));
    expect(problems).toEqual([]);
    await context.close();
  });
});
