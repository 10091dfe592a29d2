import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, forum journey skipped (apt-get install -y chromium)');

/** Serious or critical axe findings on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.skipIf(!hasChromium)('forum journey (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an employee posts (offered a likely duplicate first), a colleague votes, a supervisor answers and links an improvement, the employee is told; the supervisor opens the agenda and approves a newsletter that names nobody', async () => {
    const title = 'Card refunds refused when the receipt is lost';

    // The employee starts a thread; the forum offers the demo's thread about the same problem first.
    const tom = await h.newPage();
    await signIn(tom.page, h.login('employee', 'Tom Okafor'));
    await tom.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Forum' }).click();
    await tom.page.getByRole('heading', { name: 'Forum' }).waitFor();
    await tom.page.locator('.forum-thread').first().waitFor();
    expect(await axeProblems(tom.page)).toEqual([]);
    await tom.page.getByRole('button', { name: 'Start a thread' }).click();
    await tom.page.getByLabel('Title').fill(title);
    await tom.page
      .getByLabel('What happens')
      .fill('A customer paid by card, lost the receipt, and shouted when the till refused the refund.');
    const similar = tom.page.getByTestId('similar-threads');
    await similar.waitFor();
    expect(await similar.textContent()).toContain('Refunds without a receipt are refused at the till');
    await tom.page.getByLabel('Show me to colleagues as “a colleague”').check();
    expect(await axeProblems(tom.page)).toEqual([]);
    await screenshot(tom.page, 'forum-new-thread');
    await tom.page.getByRole('button', { name: 'Post as a new thread' }).click();
    await tom.page.waitForURL(/\/forum\/[0-9a-f-]{36}$/);
    await tom.page.getByRole('heading', { name: title }).waitFor();
    const threadPath = new URL(tom.page.url()).pathname;

    // A colleague finds it by search and votes; the name of its author is not shown to her.
    const lena = await h.newPage();
    await signIn(lena.page, h.login('employee', 'Lena Fischer'));
    await lena.page.goto('/forum');
    await lena.page.getByRole('searchbox', { name: 'Search threads' }).fill('lost receipt card');
    await lena.page.getByRole('link', { name: title }).click();
    await lena.page.getByRole('button', { name: 'Vote: this frustrates customers' }).click();
    await lena.page.getByRole('button', { name: 'Voted · withdraw' }).waitFor();
    await expect.poll(() => lena.page.getByText('1 vote ·').isVisible()).toBe(true);
    expect(await lena.page.getByRole('main').textContent()).not.toContain('Tom Okafor');
    expect(await lena.page.getByRole('main').textContent()).toContain('A colleague');
    expect(lena.problems).toEqual([]);

    // The supervisor, who may see who wrote it, marks it reviewed with an answer.
    const dana = await h.newPage();
    await signIn(dana.page, h.login('supervisor', 'Dana Whitfield'));
    await dana.page.goto(threadPath);
    await dana.page.getByRole('heading', { name: 'Moderate' }).waitFor();
    // The posts load after the thread itself.
    await expect.poll(() => dana.page.getByRole('main').textContent()).toContain('Tom Okafor');
    expect(await axeProblems(dana.page)).toEqual([]);
    const answer = 'Card sales of the last 30 days can now be looked up and refunded at every till.';
    await dana.page.getByLabel('Answer').fill(answer);
    await dana.page.getByRole('button', { name: 'Mark reviewed' }).click();
    await dana.page.getByTestId('review-answer').waitFor();
    await screenshot(dana.page, 'forum-thread-reviewed');
    // She links the thread to the improvement it belongs to.
    const improvement = 'Show every till how to find a card payment';
    await dana.page.getByLabel('Link to an improvement').first().click();
    await dana.page.getByRole('option', { name: improvement }).click();
    await dana.page.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => dana.page.getByTestId('thread-improvements').textContent()).toContain(improvement);
    expect(dana.problems).toEqual([]);
    await h.jobs.runDue();

    // The employee sees the answer, and the bell tells voters and the author.
    await tom.page.reload();
    await expect.poll(() => tom.page.getByTestId('review-answer').textContent(), { timeout: 15_000 }).toContain(answer);
    await tom.page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
    await tom.page.getByRole('menuitem', { name: new RegExp(`Reviewed: ${title}`) }).waitFor();
    await lena.page.reload();
    await lena.page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
    await lena.page.getByRole('menuitem', { name: new RegExp(`Reviewed: ${title}`) }).click();
    await lena.page.waitForURL((url) => url.pathname === threadPath);
    expect(tom.problems).toEqual([]);

    // The supervisor opens this week's agenda of her team: one case, told without names, and its questions.
    await dana.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team meetings' }).click();
    await dana.page.getByRole('heading', { name: 'Team meetings', level: 1 }).waitFor();
    const agenda = dana.page.getByRole('region', { name: 'Agenda of Harborside Store' });
    await agenda.getByRole('heading', { name: 'Questions for the team' }).waitFor();
    expect(await agenda.textContent()).toContain('Draft: not approved');
    expect(await axeProblems(dana.page)).toEqual([]);
    await screenshot(dana.page, 'team-meeting-agenda');

    // Then the newsletter waiting for review: she previews it, sees no party's name, and approves it.
    const names = await partyNames();
    await dana.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Newsletter' }).click();
    await dana.page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    await expect.poll(async () => (await dana.page.getByRole('main').textContent()) ?? '').toContain('fewer than 4 people');
    const draft = dana.page.getByTestId('newsletter').filter({ hasText: 'Draft: not approved' });
    await draft.getByTestId('redaction-panel').first().waitFor();
    expect(await draft.locator('mark[data-redaction]').count()).toBeGreaterThan(0);
    await draft.getByText('Preview as readers see it').click();
    const preview = draft.getByTestId('newsletter-preview');
    await preview.getByTestId('story').first().waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText.length).toBeGreaterThan(200);
    expect(names.filter((n) => new RegExp(`\\b${n}\\b`).test(previewText))).toEqual([]);
    expect(await axeProblems(dana.page)).toEqual([]);
    await draft.getByRole('button', { name: 'Approve newsletter' }).click();
    // No draft is left; last month's newsletter was approved already, so both now offer Send.
    await expect.poll(() => dana.page.getByTestId('newsletter').filter({ hasText: 'Draft: not approved' }).count()).toBe(0);
    await expect.poll(() => dana.page.getByRole('button', { name: 'Send' }).count()).toBe(2);
    await screenshot(dana.page, 'newsletter-approved');
    expect(dana.problems).toEqual([]);

    // Employees now read it, with nothing that names anyone.
    await tom.page.goto('/newsletter');
    await tom.page.getByTestId('story').first().waitFor();
    const read = (await tom.page.getByRole('main').textContent()) ?? '';
    expect(names.filter((n) => new RegExp(`\\b${n}\\b`).test(read))).toEqual([]);
    expect(await tom.page.locator('mark[data-redaction]').count()).toBe(0);
    expect(tom.problems).toEqual([]);
    for (const p of [tom, lena, dana]) await p.context.close();
  });

  /** Every person of the demo workspace by full and first name: staff and customers. */
  async function partyNames(): Promise<string[]> {
    const admin = h.login('admin');
    const [employees, customers] = await Promise.all([
      h.apiAs<{ items: { name: string }[] }>(admin, '/employees'),
      h.apiAs<{ items: { name: string }[] }>(admin, '/customers'),
    ]);
    const full = [...employees.body.items, ...customers.body.items, ...h.demo.logins].map((p) => p.name);
    // An erased customer has no name left to leak.
    return [...new Set(full.flatMap((n) => [n, n.split(' ')[0] as string]))].filter((n) => n.trim() !== '');
  }
});
