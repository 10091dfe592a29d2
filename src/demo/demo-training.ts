import { findPlaybook } from '../domain/playbooks.js';
import type { Difficulty } from '../domain/training.js';
import type { Actor } from '../services/context.js';
import { endSession, playSessionTurn, startSession } from '../services/practice-sessions.js';
import type { Db } from '../store/schema.js';
import { practisedSteps } from '../training/practice.js';
import { findBuiltInScenario } from '../training/scenarios.js';

/**
 * Finished practice sessions for a few of the demo's employees, played through the services like any
 * session in the app: some passed with the playbook's moves, some not, so the Training page and a
 * supervisor's team list have something to show.
 */

type Script = {
  who: string;
  scenario: string;
  difficulty: Difficulty;
  seed: number;
  daysAgo: number;
  replies: 'model' | string[];
  end?: 'abuse_policy' | 'stop';
};

const SCRIPTS: readonly Script[] = [
  { who: 'tom', scenario: 'cake-not-ready', difficulty: 'patient', seed: 11, daysAgo: 9, replies: 'model' },
  {
    who: 'tom',
    scenario: 'refund-no-receipt',
    difficulty: 'interrupts',
    seed: 12,
    daysAgo: 6,
    replies: ['Sorry, but it’s policy. You should have kept the receipt.', 'There’s nothing I can do about it, I just work here.'],
    end: 'stop',
  },
  { who: 'tom', scenario: 'refund-no-receipt', difficulty: 'interrupts', seed: 13, daysAgo: 5, replies: 'model' },
  { who: 'lena', scenario: 'double-charge', difficulty: 'patient', seed: 21, daysAgo: 8, replies: 'model' },
  {
    who: 'lena',
    scenario: 'wrong-size-twice',
    difficulty: 'threatens_to_leave',
    seed: 22,
    daysAgo: 3,
    replies: [
      'I’ll send the right size today and refund your delivery, and it will be with you by Friday.',
      'As I said, it will be with you by Friday.',
    ],
    end: 'stop',
  },
  {
    who: 'sam',
    scenario: 'abusive-caller',
    difficulty: 'patient',
    seed: 31,
    daysAgo: 4,
    replies: ['I want to help you get your refund, but I won’t be spoken to like that.'],
    end: 'abuse_policy',
  },
  { who: 'jamal', scenario: 'bike-late-shouting', difficulty: 'patient', seed: 41, daysAgo: 2, replies: 'model' },
];

const DAY = 86_400_000;

function modelReplies(key: string): string[] {
  const scenario = findBuiltInScenario(key);
  const playbook = scenario ? findPlaybook(scenario.playbookKey) : undefined;
  if (!scenario || !playbook) throw new Error(`the demo plays an unknown scenario ${key}`);
  return practisedSteps(scenario, playbook).flatMap((s) => (scenario.models[s.key] ? [scenario.models[s.key] as string] : []));
}

/** Plays the demo's practice sessions for the people in `actors` (by demo key), dated in the past few days. */
export async function playPracticeSessions(db: Db, actors: ReadonlyMap<string, Actor>, now: Date): Promise<number> {
  let played = 0;
  for (const script of SCRIPTS) {
    const actor = actors.get(script.who);
    if (!actor) continue;
    let at = now.getTime() - script.daysAgo * DAY;
    // Each reply a minute and a half after the last, as someone typing would.
    const ctx = () => {
      at += 90_000;
      return { db, actor, now: new Date(at) };
    };
    let session = await startSession(ctx(), { scenarioKey: script.scenario, difficulty: script.difficulty, seed: script.seed });
    for (const reply of script.replies === 'model' ? modelReplies(script.scenario) : script.replies) {
      if (session.status !== 'active') break;
      session = (await playSessionTurn(ctx(), session.id, { reply })).session;
    }
    if (session.status === 'active') await endSession(ctx(), session.id, { how: script.end ?? 'stop' });
    played += 1;
  }
  return played;
}
