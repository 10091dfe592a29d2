import type { Difficulty, MoodState, PracticeOutcome } from '../api/types.js';

/** Words people read for training's codes. */
export const MOOD_LABEL: Record<MoodState, string> = {
  calm: 'Calm',
  frustrated: 'Frustrated',
  angry: 'Angry',
  hostile: 'Hostile',
  abusive: 'Abusive',
};

/** Badge colours per mood: cool when calm, hot when not. */
export const MOOD_COLOR: Record<MoodState, string> = {
  calm: 'teal',
  frustrated: 'yellow',
  angry: 'orange',
  hostile: 'red',
  abusive: 'grape',
};

export const DIFFICULTY_LABEL: Record<Difficulty, string> = {
  patient: 'Patient',
  interrupts: 'Interrupts',
  threatens_to_leave: 'Threatens to leave',
};

export const DIFFICULTIES = Object.keys(DIFFICULTY_LABEL) as Difficulty[];

export const OUTCOME_LABEL: Record<PracticeOutcome, string> = {
  satisfied: 'Customer satisfied',
  walked_away: 'Customer walked away',
  ended_abuse_policy: 'Ended under the abuse policy',
  stopped: 'Stopped',
};

/** How the mood heat reads on a meter: 0 at ease, 100 gone. */
export const heatLabel = (heat: number) => `${Math.round(Math.min(100, heat))} of 100`;

export const ASSIGNMENT_STATE_LABEL = { due: 'Due', overdue: 'Overdue', done: 'Done', cancelled: 'Withdrawn' } as const;
export const ASSIGNMENT_STATE_COLOR = { due: 'blue', overdue: 'red', done: 'teal', cancelled: 'gray' } as const;
export const ASSIGNMENT_SOURCE_LABEL: Record<string, string> = {
  supervisor: 'From a supervisor',
  new_hire: 'Starter set',
  low_score: 'From recent replies',
  review: 'From a review',
  refresher: 'Re-practice',
  renewal: 'Renewal',
};
export const CERTIFICATION_STATUS_LABEL = {
  certified: 'Certified',
  expired: 'Expired',
  attempts_used: 'Attempts used',
  open: 'Not yet certified',
} as const;
export const CERTIFICATION_STATUS_COLOR = { certified: 'teal', expired: 'orange', attempts_used: 'red', open: 'gray' } as const;
