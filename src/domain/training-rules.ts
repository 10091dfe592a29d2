import { SCORE_PARTS, type ScorePart } from './coach.js';
import type { FieldError } from './errors.js';
import type { Scenario } from './training.js';

/**
 * Training beyond practice, as pure rules: the workspace's automatic assignment rules and
 * certification terms, which coach parts a scenario trains, an assignment's state on a date, and the
 * calibration of the coach's scores against supervisors' overrides.
 */

export const ASSIGNMENT_MODES = ['practice', 'certification'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** Who or what gave the assignment. */
export const ASSIGNMENT_SOURCES = ['supervisor', 'new_hire', 'low_score', 'review', 'refresher', 'renewal'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

export type AssignmentStatus = 'open' | 'done' | 'cancelled';
/** What a list shows: open ones are due, or overdue once the due time passed. */
export type AssignmentState = 'due' | 'overdue' | 'done' | 'cancelled';

export type TrainingRules = {
  /** Every new employee gets these scenarios, due this many days after their account was made. */
  starterSet: string[];
  starterDueDays: number;
  /** Replies logged on cases scoring below `mark` on a part (average of at least `minReplies` in `sinceDays`) bring the scenarios that train it. */
  lowScore: { enabled: boolean; mark: number; minReplies: number; sinceDays: number; dueDays: number };
  /** A passed scenario comes back for a short re-practice `afterDays` later (0 turns it off). */
  refresherAfterDays: number;
  refresherDueDays: number;
  /** The assignee hears this many hours before the due time; their supervisors hear once it passes. */
  reminderHours: number;
  certification: { attempts: number; passMark: number; validDays: number };
};

export const DEFAULT_TRAINING_RULES: TrainingRules = {
  starterSet: ['cake-not-ready', 'refund-no-receipt', 'abusive-caller'],
  starterDueDays: 14,
  lowScore: { enabled: true, mark: 55, minReplies: 3, sinceDays: 60, dueDays: 14 },
  refresherAfterDays: 42,
  refresherDueDays: 7,
  reminderHours: 48,
  certification: { attempts: 3, passMark: 80, validDays: 365 },
};

const whole = (errors: FieldError[], path: string, v: unknown, min: number, max: number) => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max)
    errors.push({ path, message: `a whole number from ${min} to ${max}` });
};

/** Field errors of a rule set (empty when valid); scenario keys are checked against those that exist. */
export function validateTrainingRules(r: TrainingRules, knownScenarioKeys: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (r.starterSet.length > 20) errors.push({ path: 'starterSet', message: 'at most 20 scenarios' });
  r.starterSet.forEach((k, i) => {
    if (!knownScenarioKeys.has(k)) errors.push({ path: `starterSet.${i}`, message: `no scenario "${k}"` });
  });
  if (new Set(r.starterSet).size !== r.starterSet.length) errors.push({ path: 'starterSet', message: 'a scenario is listed twice' });
  whole(errors, 'starterDueDays', r.starterDueDays, 1, 365);
  whole(errors, 'lowScore.mark', r.lowScore.mark, 0, 100);
  whole(errors, 'lowScore.minReplies', r.lowScore.minReplies, 1, 1000);
  whole(errors, 'lowScore.sinceDays', r.lowScore.sinceDays, 1, 365);
  whole(errors, 'lowScore.dueDays', r.lowScore.dueDays, 1, 365);
  whole(errors, 'refresherAfterDays', r.refresherAfterDays, 0, 730);
  whole(errors, 'refresherDueDays', r.refresherDueDays, 1, 365);
  whole(errors, 'reminderHours', r.reminderHours, 1, 24 * 30);
  whole(errors, 'certification.attempts', r.certification.attempts, 1, 20);
  whole(errors, 'certification.passMark', r.certification.passMark, 0, 100);
  whole(errors, 'certification.validDays', r.certification.validDays, 1, 3650);
  return errors;
}

/**
 * The coach parts a scenario trains: every conversation trains tone; the moves its steps want train
 * their parts; a customer who is in the wrong trains saying a rule clearly; a hot start trains empathy.
 */
export function partsTrained(scenario: Pick<Scenario, 'customerIsRight' | 'persona'>, wantedMoves: readonly string[]): ScorePart[] {
  const parts = new Set<ScorePart>(['tone']);
  for (const m of wantedMoves) {
    if (m === 'empathy' || m === 'apology') parts.add('empathy');
    if (m === 'paraphrase' || m === 'question') parts.add('comprehension');
    if (m === 'solution') parts.add('solution');
    if (m === 'commitment' || m === 'thanks' || m === 'reassurance') parts.add('closing');
  }
  if (!scenario.customerIsRight) parts.add('clarity');
  if (['angry', 'hostile', 'abusive'].includes(scenario.persona.startMood)) parts.add('empathy');
  return SCORE_PARTS.filter((p) => parts.has(p));
}

export function assignmentState(a: { status: AssignmentStatus; due_at: string }, now: Date): AssignmentState {
  if (a.status !== 'open') return a.status;
  return Date.parse(a.due_at) < now.getTime() ? 'overdue' : 'due';
}

/** A certification must reach the higher of the scenario's own pass mark and the workspace's. */
export const certificationPassMark = (scenarioPassMark: number, rules: TrainingRules): number =>
  Math.max(scenarioPassMark, rules.certification.passMark);

export type CalibrationPair = { coach: number; supervisor: number; passMark: number };

export type Calibration = {
  reviewed: number;
  /** Supervisor minus coach, on average: positive when supervisors score higher. */
  meanDifference: number;
  meanAbsoluteDifference: number;
  /** Share (0–1) of reviewed sessions where the pass or fail stayed the same. */
  verdictAgreement: number;
};

export function calibrate(pairs: readonly CalibrationPair[]): Calibration {
  if (pairs.length === 0) return { reviewed: 0, meanDifference: 0, meanAbsoluteDifference: 0, verdictAgreement: 1 };
  const n = pairs.length;
  const diff = pairs.reduce((s, p) => s + (p.supervisor - p.coach), 0) / n;
  const abs = pairs.reduce((s, p) => s + Math.abs(p.supervisor - p.coach), 0) / n;
  const agree = pairs.filter((p) => p.coach >= p.passMark === p.supervisor >= p.passMark).length / n;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    reviewed: n,
    meanDifference: round1(diff),
    meanAbsoluteDifference: round1(abs),
    verdictAgreement: Math.round(agree * 100) / 100,
  };
}

/** When a certificate may be renewed: the renewal assignment's due time and reminder ahead of its expiry. */
export const renewalOpensAt = (expiresAt: string, rules: TrainingRules): number =>
  Date.parse(expiresAt) - rules.reminderHours * 3600_000 - rules.refresherDueDays * 86_400_000;

export type CertificationAttempt = {
  status: string;
  passed: number | null;
  startedAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
};

export type CertificationStanding = {
  status: 'certified' | 'expired' | 'attempts_used' | 'open';
  certifiedAt: string | null;
  expiresAt: string | null;
  attemptsUsed: number;
  attemptsLeft: number;
  /** Whether another attempt may start now, and why not when it may not. */
  mayStart: boolean;
  why: string | null;
};

/**
 * Where a person stands on one scenario's certification. A pass, and a new certification assignment
 * (a supervisor's or a renewal), each start a fresh round of attempts.
 */
export function certificationStanding(
  attempts: readonly CertificationAttempt[],
  assignedAt: readonly string[],
  rules: TrainingRules,
  now: Date,
): CertificationStanding {
  const lastPass = [...attempts].reverse().find((a) => a.passed === 1 && a.expiresAt);
  const roundFrom = Math.max(lastPass?.finishedAt ? Date.parse(lastPass.finishedAt) : 0, ...assignedAt.map((t) => Date.parse(t)));
  const used = attempts.filter((a) => Date.parse(a.startedAt) > roundFrom).length;
  const left = Math.max(0, rules.certification.attempts - used);
  const valid = lastPass?.expiresAt ? Date.parse(lastPass.expiresAt) > now.getTime() : false;
  const base = {
    certifiedAt: lastPass?.finishedAt ?? null,
    expiresAt: lastPass?.expiresAt ?? null,
    attemptsUsed: used,
    attemptsLeft: left,
  };
  if (valid && lastPass?.expiresAt && now.getTime() < renewalOpensAt(lastPass.expiresAt, rules))
    return {
      ...base,
      status: 'certified',
      mayStart: false,
      why: `Certified until ${lastPass.expiresAt.slice(0, 10)}; renewal opens nearer the time`,
    };
  if (left === 0)
    return {
      ...base,
      status: valid ? 'certified' : 'attempts_used',
      mayStart: false,
      why: 'Every attempt of this round is used; a supervisor can assign a new round',
    };
  return { ...base, status: valid ? 'certified' : lastPass ? 'expired' : 'open', mayStart: true, why: null };
}
