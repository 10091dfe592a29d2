import type { MoveKind } from './coach.js';

/*
 * The shape of a playbook, apart from the rules over it (playbooks.ts), so the built-in playbooks
 * (playbook-library.ts, strategy-playbooks.ts) can be typed without importing those rules back.
 */

export type PlaybookStep = {
  /** Stable within its playbook; step progress on a case is recorded by this key. */
  key: string;
  title: string;
  /** What the step achieves, in one sentence. */
  goal: string;
  /** Short, concrete advice read mid-conversation. */
  guidance: string[];
  /** Things to say or ask; examples, not a script. */
  prompts: string[];
  /** What must be true before the step counts as done. */
  doneWhen: string;
  expectedMoves?: MoveKind[] | undefined;
};

export type Playbook = {
  key: string;
  /** Starts at 1; every revision adds one. A case runs one key + version for its whole life. */
  version: number;
  name: string;
  summary: string;
  /** Which published method the playbook follows, described in our own words. */
  source: string;
  steps: PlaybookStep[];
  /** Set on copies: the playbook version this one started from. */
  basedOn?: { key: string; version: number };
};
