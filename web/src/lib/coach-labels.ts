import type { CustomerReading, MoveKind, ProblemKind, ScorePart, Strategy } from '../api/types.js';

/** Words people read for the coach's and the recommender's codes. */
export const MOVE_LABEL: Record<MoveKind, string> = {
  question: 'Question',
  paraphrase: 'Paraphrase',
  empathy: 'Empathy',
  apology: 'Apology',
  reassurance: 'Reassurance',
  solution: 'Solution',
  commitment: 'Commitment',
  thanks: 'Thanks',
};

export const PROBLEM_LABEL: Record<ProblemKind, string> = {
  blame: 'Blames the customer',
  dismissive: 'Dismissive',
  deflection: 'Deflects',
  jargon: 'Jargon',
  long_sentence: 'Long sentence',
  shouting: 'Shouting',
};

export const SCORE_PART_LABEL: Record<ScorePart, string> = {
  empathy: 'Empathy',
  comprehension: 'Comprehension',
  solution: 'Solution',
  tone: 'Tone',
  clarity: 'Clarity',
  closing: 'Closing',
};

export const SCORE_PARTS = Object.keys(SCORE_PART_LABEL) as ScorePart[];

export const EMOTION_LABEL: Record<CustomerReading['emotion'], string> = {
  anger: 'Angry',
  frustration: 'Frustrated',
  disappointment: 'Disappointed',
  anxiety: 'Anxious',
  confusion: 'Confused',
  gratitude: 'Grateful',
  neutral: 'Neutral',
};

export const ESCALATION_LABEL: Record<CustomerReading['escalation'][number]['kind'], string> = {
  leave: 'May leave',
  review: 'Threatens a review',
  legal: 'Legal threat',
  media: 'Media / social',
  manager: 'Wants a manager',
  repeat_contact: 'Contacted before',
};

export const WANT_LABEL: Record<CustomerReading['wants'][number]['kind'], string> = {
  refund: 'Refund',
  replacement: 'Replacement',
  apology: 'Apology',
  explanation: 'Explanation',
  callback: 'Call back',
  escalation: 'Escalation',
};

export const STRATEGY_LABEL: Record<Strategy, string> = {
  withdraw: 'Withdraw',
  diffuse: 'Diffuse',
  confront: 'Confront',
  negotiate: 'Negotiate',
};

export const STRATEGY_LINE: Record<Strategy, string> = {
  withdraw: 'Step back, let things cool, and come back later.',
  diffuse: 'Lower the heat first: acknowledge feelings, then solve.',
  confront: 'Address the behaviour directly and set clear limits.',
  negotiate: 'Find a trade both sides can accept.',
};

/** Colour for a 0–100 score: red below 50, yellow below 75, teal above. */
export function scoreColor(value: number): string {
  return value < 50 ? 'red' : value < 75 ? 'yellow' : 'teal';
}

/** Text colour for a 0–100 score, dark enough for WCAG AA contrast on white. */
export function scoreTextColor(value: number): string {
  return value < 50 ? 'red.9' : value < 75 ? 'orange.9' : 'teal.9';
}
