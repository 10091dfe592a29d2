import type { CustomerState } from '../domain/case.js';
import { STRATEGIES, type Strategy } from '../domain/strategy.js';
import type { Scenario } from '../domain/training.js';
import { BUILT_IN_SCENARIOS } from './scenario-library.js';
import { copyScenario } from './scenarios.js';

/**
 * A scenario drafted from a closed case, before anyone edits it: the story (already redacted) becomes
 * the persona's account and the trainee's brief; the customer starts in the state the case recorded;
 * the playbook, steps, rubric and lines come from the built-in scenario closest to the case, for the
 * supervisor to make this customer's own before publishing.
 */
export type CaseStory = {
  title: string;
  summary: string;
  channel: Scenario['channel'];
  customerState: CustomerState;
  playbookKey: string | null;
  strategy: string | null;
  /** What the customer said, redacted, in order. */
  customerStatements: string[];
  /** What staff said, redacted, in order. */
  staffStatements: string[];
};

const clip = (text: string, max: number): string => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
};

/** The built-in to start from: same playbook, else same strategy, else same mood; never an abusive one unless nothing else fits. */
export function templateFor(story: CaseStory): Scenario {
  const candidates = BUILT_IN_SCENARIOS.filter((s) => s.persona.startMood !== 'abusive');
  const score = (s: Scenario) =>
    (s.playbookKey === story.playbookKey ? 4 : 0) +
    (s.strategy === story.strategy ? 2 : 0) +
    (s.persona.startMood === story.customerState ? 1 : 0) +
    (s.channel === story.channel ? 0.5 : 0);
  return [...candidates].sort((a, b) => score(b) - score(a))[0] as Scenario;
}

export function draftScenario(story: CaseStory, takenKeys: Iterable<string>): Scenario {
  const template = templateFor(story);
  const title = clip(`From a case: ${story.title}`, 100);
  const base = copyScenario(template, title, takenKeys);
  const told = story.customerStatements.join(' ') || story.summary;
  const strategy = (STRATEGIES as readonly string[]).includes(story.strategy ?? '') ? (story.strategy as Strategy) : template.strategy;
  return {
    ...base,
    summary: clip(story.summary || story.title, 300),
    brief: clip(
      [story.summary, ...story.staffStatements.map((s) => `A colleague’s account: ${s}`)].filter(Boolean).join('\n\n') || story.title,
      1200,
    ),
    channel: story.channel,
    strategy,
    persona: {
      ...base.persona,
      name: 'The customer from the case',
      who: clip(`A customer who came to us by ${story.channel.replace(/_/g, ' ')}, ${story.customerState} when it was reported.`, 600),
      whatHappened: clip(told, 600),
      wants: clip(`What they asked for in the case. ${base.persona.wants}`, 600),
      startMood: story.customerState,
      mayBecomeAbusive: false,
      lines: { ...base.persona.lines, abusive: undefined },
    },
    goal: { ...base.goal, abusePolicyIsRight: false },
  };
}
