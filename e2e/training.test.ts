import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAKE_NOT_READY } from '../src/training/scenarios-in-person.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, training journey skipped (apt-get install -y chromium)');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The five steps done well, as the scenario's own model replies. */
const GOOD_REPLIES = CAKE_NOT_READY.steps.map((key) => CAKE_NOT_READY.models[key] as string);

async function axeProblems(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.skipIf(!hasChromium)('training (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an employee plays a scenario to a pass on a phone; their supervisor sees it in the team’s list; axe finds nothing serious', async () => {
    const problems: string[] = [];
    const tom = await h.newPage(PHONE);
    await signIn(tom.page, h.login('employee', 'Tom Okafor'));
    await tom.page.goto('/training');
    await tom.page.getByTestId('scenario-card').first().waitFor();
    problems.push(...(await axeProblems(tom.page, 'training (phone)')));
    await screenshot(tom.page, 'training');

    // Open the scenario and reply turn by turn with the five steps.
    await tom.page.getByRole('button', { name: `Practise “${CAKE_NOT_READY.title}”` }).click();
    await tom.page.waitForURL(/\/training\/sessions\//);
    await tom.page.getByTestId('customer-line').first().waitFor();
    await tom.page.getByTestId('next-step').getByText('Give them your full attention').waitFor();
    problems.push(...(await axeProblems(tom.page, 'practice session (phone)')));
    for (const [i, reply] of GOOD_REPLIES.entries()) {
      if (await tom.page.getByTestId('practice-result').isVisible()) break;
      await tom.page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
      await tom.page.getByRole('button', { name: 'Send reply' }).click();
      await expect.poll(() => tom.page.getByTestId('employee-line').count()).toBe(i + 1);
    }
    const result = tom.page.getByTestId('practice-result');
    await result.waitFor();
    expect(await tom.page.getByTestId('result-badge').textContent()).toBe('Passed');
    expect(await result.getByTestId('went-well').textContent()).toContain('Empathy that named what happened');
    expect(await tom.page.getByTestId('turn-findings').count()).toBeGreaterThanOrEqual(4);
    expect(await tom.page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    // Nothing is wider than the phone.
    expect(await tom.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    problems.push(...(await axeProblems(tom.page, 'practice result (phone)')));
    await screenshot(tom.page, 'practice-result');
    const sessionUrl = tom.page.url();
    problems.push(...tom.problems);
    await tom.context.close();

    // Dana supervises Tom's team: the session is in her team's list, passed, and she can read it but not play it.
    const dana = await h.newPage(DESKTOP);
    await signIn(dana.page, h.login('supervisor', 'Dana Whitfield'));
    await dana.page.goto('/training');
    await dana.page.getByRole('tab', { name: 'Practice sessions' }).click();
    const row = dana.page.getByTestId('session-row').filter({ hasText: 'Tom Okafor' }).filter({ hasText: CAKE_NOT_READY.title }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Passed');
    problems.push(...(await axeProblems(dana.page, 'team sessions')));
    await dana.page.goto(new URL(sessionUrl).pathname);
    await dana.page.getByTestId('practice-result').waitFor();
    expect(await dana.page.getByRole('textbox', { name: 'Your reply' }).count()).toBe(0);
    expect(await dana.page.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // The strategy quiz explains an answer with the recommender's reasons and the playbook.
    await dana.page.goto('/training');
    await dana.page.getByRole('tab', { name: 'Strategy quiz' }).click();
    const first = dana.page.getByTestId('quiz-question').first();
    await first.getByRole('button', { name: 'Negotiate' }).click();
    await first.getByTestId('quiz-explanation').waitFor();
    expect(await first.getByTestId('quiz-explanation').textContent()).toMatch(/Playbook:/);
    problems.push(...(await axeProblems(dana.page, 'strategy quiz')));
    problems.push(...dana.problems);
    await dana.context.close();

    expect(problems).toEqual([]);
  });

  it('an admin copies a built-in scenario, edits it and saves a new version', async () => {
    const admin = await h.newPage(DESKTOP);
    await signIn(admin.page, h.login('admin'));
    await admin.page.goto('/training');
    await admin.page.getByRole('button', { name: `Copy “${CAKE_NOT_READY.title}”` }).click();
    await admin.page.getByRole('dialog').getByLabel('Title of the copy').fill('Our bakery: the lost cake');
    await admin.page.getByRole('button', { name: 'Copy and edit' }).click();
    await admin.page.waitForURL(/\/training\/scenarios\/our-bakery-the-lost-cake\/edit/);
    await admin.page.getByLabel('Pass mark').fill('80');
    await admin.page
      .getByLabel('Calm', { exact: true })
      .fill('Okay. Thank you.\nRight. What happens now?\nFine, that helps.\nAlright, go on.');
    await admin.page.getByRole('button', { name: 'Save as a new version' }).click();
    await admin.page.getByText('Saved as version 2.').waitFor();
    const problems = await axeProblems(admin.page, 'scenario editor');
    const saved = await h.apiAs<{ version: number; passMark: number; persona: { lines: { calm: string[] } } }>(
      h.login('admin'),
      '/training/scenarios/our-bakery-the-lost-cake',
    );
    expect(saved.body).toMatchObject({ version: 2, passMark: 80 });
    expect(saved.body.persona.lines.calm).toHaveLength(4);
    expect([...problems, ...admin.problems]).toEqual([]);
    await admin.context.close();
  });
});
