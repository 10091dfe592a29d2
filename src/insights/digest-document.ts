import type { Reason } from './agenda-rule.js';
import type { Segment } from './story.js';

/**
 * The shape every digest output is made from — the API's stories, the agenda and newsletter files,
 * the emails — so what a reviewer approved is exactly what goes out.
 */
export type StoryDoc = {
  heading: Segment[];
  /** Why the rule chose it (agenda) or ranked it (newsletter), strongest first. */
  chosenBecause: string[];
  points: number;
  whatHappened: Segment[];
  sides: { who: string; said: Segment[] }[];
  whatWasDone: Segment[];
  playbook: { name: string; suggests: string[] } | null;
  questions: string[];
  lesson: Segment[];
  suggestions: string[];
  links: { label: string; href: string }[];
};

export type DigestDoc = {
  kind: 'team_meeting' | 'newsletter';
  title: string;
  /** The selection rule and the minimum group size, in words. */
  rules: string[];
  stories: StoryDoc[];
  /** What was left out and why (too small a group), or null. */
  leftOut: string | null;
};

const WHO: Record<string, string> = { customer: 'The customer', employee: 'The employee', witness: 'A witness' };

/** How a statement's party is named in a story. */
export const sideLabel = (party: string): string => WHO[party] ?? 'Someone involved';

const ROOT_QUESTION: Record<string, string> = {
  process: 'Which step of our process set this up, and what one change would stop it happening again?',
  policy: 'Is the policy right here, and do we all explain it the same way?',
  product: 'What should the customer have been told about the product before it went wrong?',
  communication: 'Where did the message get lost, and who should have said what, when?',
  staffing: 'Were there enough of us at that moment, and what would have helped the person on their own?',
  training: 'What would the person at the counter have needed to know or practise beforehand?',
  customer_expectation: 'What did the customer expect, and where did that expectation come from?',
  employee_conduct: 'What would a calmer first reply have sounded like, and how do we support each other to give it?',
  other: 'What would we do differently next time, and who else should hear about it?',
};

/** Three questions for the team, from why the case was chosen and what caused it. */
export function discussionQuestions(reasons: readonly Reason[], rootCause: string | null): string[] {
  const keys = new Set(reasons.map((r) => r.key));
  const second = keys.has('broken_promise')
    ? 'A promise was not kept: what would have made it easy to keep, and who should own it?'
    : keys.has('unhappy_follow_up')
      ? 'The follow-up says someone was left unhappy: what did they need from us that they did not get?'
      : keys.has('went_well')
        ? 'The customer arrived angry and left satisfied: what did we do that worked, and how do we make it our usual way?'
        : keys.has('risk')
          ? 'The customer threatened to take it public: what did we say that calmed it, or made it worse?'
          : 'Which step of the playbook would have changed the outcome most?';
  return [
    'At what moment did the conversation turn, and what could have told us sooner?',
    second,
    ROOT_QUESTION[rootCause ?? 'other'] ?? (ROOT_QUESTION.other as string),
  ];
}
