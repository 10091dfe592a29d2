import type { Kysely } from 'kysely';
import { loadActor } from '../services/accounts.js';
import { createImprovement, updateImprovement } from '../services/improvements.js';
import { mineWorkspaceThemes, type ThemeRunView } from '../services/theme-mining.js';
import type { Tables } from '../store/schema.js';
import { listMemberFacts } from '../store/themes.js';
import { listUsers } from '../store/workspaces.js';

const DAY = 86_400_000;

/**
 * The demo opens with its themes already mined, as the nightly run would have left them, so the
 * Themes page, the case sidebar's phrases and the emerging-theme alerts have something to show; and
 * with a small backlog of improvements grown from them, one done five weeks ago with its before and
 * after (the warranty theme, which fell from about 30 to 8 per 100 cases of its teams).
 */
export async function mineDemoThemes(db: Kysely<Tables>, workspaceId: string, now: Date, plannerEmail: string): Promise<ThemeRunView> {
  const run = await mineWorkspaceThemes(db, workspaceId, 'demo', () => now);
  const planner = (await listUsers(db, workspaceId)).find((u) => u.email === plannerEmail);
  const actor = planner ? await loadActor(db, planner.id) : undefined;
  if (!actor) return run;
  const facts = await listMemberFacts(db, workspaceId);
  /** The theme most cases with this title start are in. */
  const themeOf = (title: string): string[] => {
    const counts = new Map<string, number>();
    for (const m of facts) if (m.title?.startsWith(title)) counts.set(m.theme_id, (counts.get(m.theme_id) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    return best ? [best[0]] : [];
  };
  const at = (daysAgo: number) => ({ db, actor, now: new Date(now.getTime() - daysAgo * DAY) });
  const done = await createImprovement(at(63), {
    title: 'Explain warranty and normal wear the same way at every counter',
    description:
      'Customers hear one thing at one store and another at the next. A short card at each till: what the lifetime warranty covers, what counts as wear, and what we can offer instead.',
    ownerId: actor.userId,
    themeIds: themeOf('Warranty claim for worn-out soles'),
  });
  await updateImprovement(at(56), done.id, { status: 'planned' });
  await updateImprovement(at(49), done.id, { status: 'in_progress' });
  await updateImprovement(at(35), done.id, { status: 'done' });
  const card = await createImprovement(at(20), {
    title: 'Show every till how to find a card payment',
    description: 'Refunds without a receipt end in an argument when staff do not know the till can search the card.',
    ownerId: actor.userId,
    themeIds: themeOf('Refund refused without a receipt'),
  });
  await updateImprovement(at(15), card.id, { status: 'planned' });
  await updateImprovement(at(6), card.id, { status: 'in_progress' });
  const tags = await createImprovement(at(10), {
    title: 'Take old promotion tags down every Monday morning',
    description: 'Shelf prices that disagree with the till start most of the shouting at checkout.',
    themeIds: themeOf('Price disagreement at checkout'),
  });
  await updateImprovement(at(8), tags.id, { status: 'planned' });
  await createImprovement(at(4), {
    title: 'One owner for an order passed between a store and online support',
    description: 'Whoever answers first keeps the case until it is solved, and calls the other team instead of sending the customer.',
    themeIds: themeOf('Passed back and forth between store and online support'),
  });
  const till = await createImprovement(at(30), {
    title: 'A second till open at lunchtime',
    description: 'The lunchtime queue at the returns desk.',
    themeIds: themeOf('Twenty-five minutes in the returns line'),
  });
  await updateImprovement(at(25), till.id, {
    status: 'dropped',
    reason: 'No budget for another person at lunch this year; look again in spring.',
  });
  return run;
}
