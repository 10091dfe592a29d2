import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type CasePage = { items: { ref: string; title: string; customerId: string | null }[] };
type Profile = { mergedInto: { id: string } | null; signals: { cases: { total: number } } };
type Events = { items: { kind: string }[] };

describe.skipIf(!hasChromium)('the customer page (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor opens a case, reads the customer’s signals and cases, and merges her duplicate record', async () => {
    const dana = h.login('supervisor', 'Dana Whitfield');
    const admin = h.login('admin');
    const found = (await h.apiAs<CasePage>(dana, '/cases?q=Gloria&limit=50')).body.items;
    const letter = found.find((c) => c.title.startsWith('Letter about a lawyer'));
    expect(letter, 'the demo’s case about a lawyer’s letter').toBeDefined();
    if (!letter) return;
    // Her second record, made at the other store, is not one of Dana's teams' cases.
    const hers = (await h.apiAs<CasePage>(admin, '/cases?q=Gloria&limit=50')).body.items;
    const duplicateId = hers.find((c) => c.customerId !== letter.customerId)?.customerId as string;
    expect(duplicateId).toBeTruthy();

    const { page, context, problems } = await h.newPage();
    await signIn(page, dana);
    // The inbox narrows to customers who keep coming back; her newest case is there.
    await page.goto('/cases');
    await page.getByText('Comes back', { exact: true }).click();
    await page.waitForURL(/repeatCustomer=true/);
    await page.locator('.case-row', { hasText: letter.title }).waitFor();
    await screenshot(page, 'inbox-customers-who-come-back');
    await page.locator('.case-row', { hasText: letter.title }).click();
    await page.waitForURL(`**/cases/${letter.ref}`);
    // The case warns of what the customer's record says before anyone answers her.
    await page.getByRole('link', { name: 'Comes back: 3 cases in 90 days' }).waitFor();
    await page.getByRole('link', { name: 'Has made threats' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Gloria Ashworth' }).click();
    await page.waitForURL(`**/customers/${letter.customerId}`);
    await page.getByRole('heading', { level: 1, name: 'Gloria Ashworth' }).waitFor();
    const signals = page.getByRole('region', { name: 'Signals' });
    await expect.poll(() => signals.innerText()).toContain('3 in the last 90 days · comes back');
    const text = await signals.innerText();
    expect(text).toContain('A bad review, Legal action');
    expect(text).toContain('1 overdue');
    expect(text).toContain('1 unhappy');
    await expect.poll(() => page.getByTestId('customer-case').count()).toBe(3);
    await page.getByText('gloria.ashworth@example.com').waitFor();
    await screenshot(page, 'customer-page');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Duplicate record' }).click();
    await page.getByRole('option', { name: 'Gloria Ashworth (looks the same)' }).click();
    await page.getByRole('button', { name: 'Merge Gloria Ashworth into Gloria Ashworth' }).click();
    await page.getByRole('status').filter({ hasText: 'Merged.' }).waitFor();
    await expect.poll(() => signals.innerText()).toMatch(/complaints\s*4\s/i);
    await page.getByText('1 more case(s) of this customer belong to other teams').waitFor();
    await page.getByText('g.ashworth@example.net').waitFor();
    await page.getByRole('link', { name: 'Gloria Ashworth' }).first().waitFor();
    await screenshot(page, 'customer-merged');

    // The duplicate tells where it went; the moved case has the merge on its timeline and its chain holds.
    const tomb = await h.apiAs<Profile>(admin, `/customers/${duplicateId}`);
    expect(tomb.body.mergedInto?.id).toBe(letter.customerId);
    const moved = (await h.apiAs<CasePage>(admin, '/cases?q=Gloria&limit=50')).body.items;
    // No case points at the duplicate any more (the search also finds cases that merely mention her).
    expect(moved.filter((c) => c.customerId === duplicateId)).toEqual([]);
    const other = moved.find((c) => c.title.startsWith('Wants to return')) as CasePage['items'][number];
    expect(other.customerId).toBe(letter.customerId);
    const events = await h.apiAs<Events>(admin, `/cases/${other.ref}/events?limit=100`);
    expect(events.body.items.at(-1)?.kind).toBe('customer_merged');
    expect((await h.apiAs<{ intact: boolean }>(admin, `/cases/${other.ref}/verification`)).body.intact).toBe(true);
    // The inbox search names the customer and links to her page; the merged record is no longer listed.
    await page.goto('/cases');
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('ashworth');
    const customers = page.getByRole('group', { name: 'Customers matching the search' });
    await customers.getByRole('link', { name: 'Gloria Ashworth' }).waitFor();
    expect(await customers.getByRole('link').count()).toBe(1);
    await customers.getByRole('link', { name: 'Gloria Ashworth' }).click();
    await page.waitForURL(`**/customers/${letter.customerId}`);
    await page.goto(`/customers/${duplicateId}`);
    await page.getByText('This record was merged').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
