import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, signIn, startHarness } from './harness.js';

type CasePage = { items: { ref: string; title: string }[] };

describe.skipIf(!hasChromium)('finding a case by its number (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor types a case’s number in the inbox search and lands on the case; back returns to the list', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const [target] = (await h.apiAs<CasePage>(supervisor, '/cases?limit=5&sort=reported_at&order=asc')).body.items;
    expect(target).toBeDefined();
    if (!target) return;
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);
    await page.goto('/cases');
    await page.getByRole('searchbox', { name: 'Search cases' }).fill(String(Number(target.ref.slice(-6))));
    await page.waitForURL(`**/cases/${target.ref}`);
    await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    await page.goBack();
    await page.getByRole('searchbox', { name: 'Search cases' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');
    expect(problems).toEqual([]);
    await context.close();
  });
});
