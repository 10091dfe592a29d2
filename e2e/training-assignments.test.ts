import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAKE_NOT_READY } from '../src/training/scenarios-in-person.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

if (!hasChromium) console.warn('e2e: /usr/bin/chromium not found, training assignments journey skipped (apt-get install -y chromium)');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const GOOD_REPLIES = CAKE_NOT_READY.steps.map((key) => CAKE_NOT_READY.models[key] as string);

async function axeProblems(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.skipIf(!hasChromium)('training assignments (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a supervisor assigns a scenario; the employee opens it from “assigned to me” on a phone, passes it; the supervisor sees it done', async () => {
    const problems: string[] = [];
    const dana = await h.newPage(DESKTOP);
    await signIn(dana.page, h.login('supervisor', 'Dana Whitfield'));
    await dana.page.getByRole('link', { name: 'Assigned training' }).click();
    await dana.page.waitForURL(/\/training\/assignments$/);
    const form = dana.page.getByRole('region', { name: 'Assign training' });
    await form.getByLabel('Scenarios', { exact: true }).click();
    await dana.page.getByRole('option', { name: CAKE_NOT_READY.title }).click();
    // A multi-select stays open for more choices; close it before the next field.
    await dana.page.keyboard.press('Escape');
    await form.getByLabel('People', { exact: true }).click();
    await dana.page.getByRole('option', { name: 'Tom Okafor' }).click();
    await dana.page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Assign' }).click();
    await form.getByText('1 assignment made').waitFor();
    problems.push(...(await axeProblems(dana.page, 'assignments (supervisor)')));
    await screenshot(dana.page, 'training-assignments');

    // Tom finds it under "assigned to me", due, and plays it from there.
    const tom = await h.newPage(PHONE);
    await signIn(tom.page, h.login('employee', 'Tom Okafor'));
    await tom.page.goto('/training/assignments');
    const cakeRows = tom.page
      .getByTestId('my-assignment')
      .filter({ hasText: CAKE_NOT_READY.title })
      .filter({ hasText: 'From a supervisor' });
    const practise = tom.page.getByRole('button', { name: `Practise “${CAKE_NOT_READY.title}”` });
    const doneBadges = cakeRows.getByTestId('assignment-state').filter({ hasText: 'Done' });
    await cakeRows.filter({ has: practise }).getByTestId('assignment-state').filter({ hasText: 'Due' }).waitFor();
    const doneBefore = await doneBadges.count();
    problems.push(...(await axeProblems(tom.page, 'assigned to me (phone)')));
    expect(await tom.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(tom.page, 'assigned-to-me');
    await practise.click();
    await tom.page.waitForURL(/\/training\/sessions\//);
    for (const [i, reply] of GOOD_REPLIES.entries()) {
      if (await tom.page.getByTestId('practice-result').isVisible()) break;
      await tom.page.getByRole('textbox', { name: 'Your reply' }).fill(reply);
      await tom.page.getByRole('button', { name: 'Send reply' }).click();
      await expect.poll(() => tom.page.getByTestId('employee-line').count()).toBe(i + 1);
    }
    await tom.page.getByTestId('practice-result').waitFor();
    expect(await tom.page.getByTestId('result-badge').textContent()).toBe('Passed');
    await tom.page.goto('/training/assignments');
    await cakeRows.first().waitFor();
    await expect.poll(() => doneBadges.count()).toBe(doneBefore + 1);
    expect(await practise.count()).toBe(0);
    problems.push(...tom.problems);
    await tom.context.close();

    // Dana sees it done in her teams' list, and the completion report counts it.
    await dana.page.reload();
    const done = dana.page.getByTestId('team-assignment').filter({ hasText: 'Tom Okafor' }).filter({ hasText: CAKE_NOT_READY.title });
    await expect
      .poll(async () => (await done.allTextContents()).some((t) => t.includes('Done') && t.includes('From a supervisor')))
      .toBe(true);
    await dana.page.getByRole('link', { name: 'Training reports' }).click();
    await dana.page.getByTestId('completion-scenario').filter({ hasText: CAKE_NOT_READY.title }).waitFor();
    problems.push(...(await axeProblems(dana.page, 'training reports')));
    await dana.page.getByRole('tab', { name: 'Calibration' }).click();
    await dana.page.getByTestId('calibration-overall').waitFor();
    problems.push(...(await axeProblems(dana.page, 'calibration')));
    await dana.page.goto('/training/certifications');
    await dana.page.getByRole('heading', { name: 'My certifications' }).waitFor();
    problems.push(...(await axeProblems(dana.page, 'certification')));
    problems.push(...dana.problems);
    await dana.context.close();
    expect(problems).toEqual([]);
  });

  it('an admin sets the automatic training rules', async () => {
    const admin = await h.newPage(DESKTOP);
    await signIn(admin.page, h.login('admin'));
    await admin.page.goto('/training/assignments');
    const rules = admin.page.getByRole('region', { name: 'Automatic training' });
    await rules.getByLabel('Re-practice after (0: never)').fill('30');
    await rules.getByRole('button', { name: 'Save the rules' }).click();
    await rules.getByText('Saved. The next pass applies them.').waitFor();
    const problems = await axeProblems(admin.page, 'training rules');
    const saved = await h.apiAs<{ refresherAfterDays: number }>(h.login('admin'), '/training/rules');
    expect(saved.body.refresherAfterDays).toBe(30);
    expect([...problems, ...admin.problems]).toEqual([]);
    await admin.context.close();
  });
});
