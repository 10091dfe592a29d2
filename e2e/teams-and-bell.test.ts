import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems } from './axe.js';
import { type Harness, hasChromium, screenshot, signIn, startHarness } from './harness.js';

type Team = { id: string; name: string; archivedAt: string | null };
type Bell = {
  unread: number;
  items: { id: string }[];
  groups: { key: string; unread: number; priority: 'urgent' | 'high' | 'normal'; items: { title: string }[] }[];
};

describe.skipIf(!hasChromium)('teams renamed and archived, and a bell grouped by case (Chromium)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an admin renames one team and archives another, and the page passes axe', async () => {
    const admin = h.login('admin');
    const teams = (await h.apiAs<{ items: Team[] }>(admin, '/teams')).body.items;
    const [first, second] = teams;
    if (!first || !second) throw new Error('the demo has at least two teams');
    const { page, problems } = await h.newPage();
    await signIn(page, admin);
    await page.goto('/settings/teams');
    await page.getByRole('button', { name: `Rename ${first.name}` }).click();
    await page.getByLabel(`New name for ${first.name}`).fill(`${first.name} East`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: `Rename ${first.name} East` }).waitFor();
    await page.getByRole('button', { name: `Archive ${second.name}` }).click();
    await page.getByRole('button', { name: `Bring back ${second.name}` }).waitFor();
    await screenshot(page, 'teams-archived');
    expect(await axeProblems(page)).toEqual([]);

    const after = (await h.apiAs<{ items: Team[] }>(admin, '/teams')).body.items;
    expect(after.find((t) => t.id === first.id)?.name).toBe(`${first.name} East`);
    expect(after.find((t) => t.id === second.id)?.archivedAt).not.toBeNull();
    expect(problems).toEqual([]);
  });

  it('the supervisor’s bell shows one line per case, the most urgent first', async () => {
    const supervisor = h.login('supervisor');
    const bell = (await h.apiAs<Bell>(supervisor, '/notifications')).body;
    expect(bell.groups.length).toBeGreaterThan(0);
    // Unread groups come first, the most urgent of them first.
    const rank = { urgent: 0, high: 1, normal: 2 } as const;
    const unread = bell.groups.filter((g) => g.unread > 0).map((g) => rank[g.priority]);
    expect(unread).toEqual([...unread].sort((a, b) => a - b));
    const { page, problems } = await h.newPage();
    await signIn(page, supervisor);
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const lines = page.getByRole('menu').getByTestId('notification-group');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(Math.min(10, bell.groups.length));
    const leadTitles = bell.groups[0]?.items.map((n) => n.title) ?? [];
    const firstText = (await lines.first().textContent()) ?? '';
    expect(leadTitles.some((t) => firstText.includes(t))).toBe(true);
    await screenshot(page, 'bell-grouped');
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
