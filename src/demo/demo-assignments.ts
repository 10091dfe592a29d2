import type { Actor } from '../services/context.js';
import { listPracticeSessions } from '../services/practice-sessions.js';
import { listCases } from '../services/read-cases.js';
import { draftScenarioFromCase } from '../services/scenario-from-case.js';
import { reviewSession } from '../services/session-review.js';
import { assignTraining } from '../services/training-assignments.js';
import { runTrainingRules } from '../services/training-rule-runs.js';
import { reviseWorkspaceScenario } from '../services/training-scenarios.js';
import type { Db } from '../store/schema.js';

/**
 * Training the supervisors gave, played through the services: some done by the practice sessions
 * that follow, one due, one overdue, a certification to take; then a supervisor's review of a score,
 * a scenario made from one of the stores' closed cases, and the rules' pass (overdue notices).
 */

const DAY = 86_400_000;

type Given = { by: string; to: string; scenario: string; daysAgo: number; dueInDays: number; mode?: 'certification' };

// Done ones are played by demo-training.ts after they were given; the others stay open.
const GIVEN: readonly Given[] = [
  { by: 'dana', to: 'tom', scenario: 'cake-not-ready', daysAgo: 12, dueInDays: -5 },
  { by: 'dana', to: 'jamal', scenario: 'bike-late-shouting', daysAgo: 10, dueInDays: 4 },
  { by: 'marcus', to: 'lena', scenario: 'double-charge', daysAgo: 10, dueInDays: -1 },
  { by: 'marcus', to: 'sam', scenario: 'complaint-about-you', daysAgo: 20, dueInDays: -4 },
  { by: 'marcus', to: 'aiko', scenario: 'parcel-never-arrived', daysAgo: 2, dueInDays: 6 },
  { by: 'dana', to: 'tom', scenario: 'cake-not-ready', daysAgo: 3, dueInDays: 10, mode: 'certification' },
];

function actor(actors: ReadonlyMap<string, Actor>, key: string): Actor {
  const a = actors.get(key);
  if (!a) throw new Error(`the demo has no ${key}`);
  return a;
}

/** Before the practice sessions: what the supervisors assigned, dated in the past. */
export async function assignDemoTraining(db: Db, actors: ReadonlyMap<string, Actor>, now: Date): Promise<number> {
  for (const g of GIVEN) {
    const at = new Date(now.getTime() - g.daysAgo * DAY);
    await assignTraining(
      { db, actor: actor(actors, g.by), now: at },
      {
        scenarioKeys: [g.scenario],
        userIds: [actor(actors, g.to).userId],
        dueAt: new Date(now.getTime() + g.dueInDays * DAY).toISOString(),
        ...(g.mode ? { mode: g.mode } : {}),
      },
    );
  }
  return GIVEN.length;
}

/** After the practice sessions: a review of one score, a scenario from a closed case, and the rules' pass. */
export async function finishDemoTraining(db: Db, actors: ReadonlyMap<string, Actor>, now: Date): Promise<void> {
  const dana = { db, actor: actor(actors, 'dana'), now: new Date(now.getTime() - DAY) };
  // Dana reads Tom's first go at the receipt scenario and thinks the coach was a little harsh.
  const refund = await listPracticeSessions(dana, { scenarioKey: 'refund-no-receipt' });
  const failed = refund.items.find((s) => s.user.id === actor(actors, 'tom').userId && s.passed === false);
  if (failed && failed.total !== null)
    await reviewSession(dana, failed.id, {
      total: Math.min(100, failed.total + 12),
      reason: 'He kept his voice level and named the policy; the coach counted the blunt opener twice.',
    });
  // One of her stores' closed cases becomes a practice scenario, edited and published.
  const closed = await listCases(dana, { status: ['closed'], limit: 5 });
  const source = closed.items.find((c) => c.teamId !== null && dana.actor.teamIds.includes(c.teamId));
  if (source) {
    const draft = await draftScenarioFromCase(dana, source.ref);
    // The draft's own title is already redacted; only its wording changes.
    await reviseWorkspaceScenario(dana, draft.key, { title: draft.title.replace(/^From a case:/, 'From our stores:'), publish: true });
  }
  await runTrainingRules(db, now);
}
