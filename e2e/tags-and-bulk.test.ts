import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, signIn, startHarness } from './harness.js';

type CasePage = { items: { ref: string; tags: string[] }[] };

describe.skipIf(!hasChromium)('tags and bulk actions in the inbox (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor ticks two cases, tags them together, finds them by the tag and takes it off one on its page', async () => {
    const supervisor = h.login('supervisor', 'Dana Whitfield');
    const { page, problems, context } = await h.newPage();
    await signIn(page, supervisor);
    await page.goto('/cases');
    const boxes = page.getByRole('checkbox', { name: /^Select C-/ });
    await boxes.first().waitFor();
    const refs = [
      ((await boxes.nth(0).getAttribute('aria-label')) ?? '').replace('Select ', ''),
      ((await boxes.nth(1).getAttribute('aria-label')) ?? '').replace('Select ', ''),
    ];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('2 selected').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await bar.getByRole('textbox', { name: 'Add a tag' }).fill('Batch Check');
    await bar.getByRole('button', { name: 'Tag' }).click();
    await page.getByTestId('bulk-result').getByText('Changed 2 of 2').waitFor();

    const tagged = await h.apiAs<CasePage>(supervisor, '/cases?tag=batch-check&limit=10');
    expect(tagged.body.items.map((c) => c.ref).sort()).toEqual([...refs].sort());
    await page.locator(`[data-ref="${refs[0]}"]`).getByText('batch-check').waitFor();

    await page.goto(`/cases/${refs[0]}`);
    const card = page.getByTestId('case-tags');
    await card.getByText('batch-check').waitFor();
    await card.getByRole('button', { name: 'Remove the tag batch-check' }).click();
    await card.getByText('No tags yet.').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    const after = await h.apiAs<CasePage>(supervisor, '/cases?tag=batch-check&limit=10');
    expect(after.body.items.map((c) => c.ref)).toEqual([refs[1]]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
