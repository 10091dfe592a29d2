import { AppError } from './errors.js';

export const CASE_STATUSES = [
  'reported',
  'acknowledged',
  'investigating',
  'resolving',
  'resolved',
  'following_up',
  'closed',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The lifecycle of a case. Forward moves follow the work; `reopened` is reachable from every
 * finished state because an unhappy follow-up or new facts must be able to bring a case back.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  reported: ['acknowledged', 'investigating'],
  acknowledged: ['investigating'],
  investigating: ['resolving'],
  resolving: ['resolved', 'investigating'],
  resolved: ['following_up', 'closed', 'reopened'],
  following_up: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['investigating', 'resolving'],
};

/** The statuses a case in `from` may move to next. */
export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/** Throws `illegal_transition` unless `from → to` is a move the lifecycle allows. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].join(', ');
    throw new AppError('illegal_transition', `A case that is ${from} cannot move to ${to}; allowed: ${allowed}`);
  }
}

/** Reopening needs a reason, so the timeline says why a finished case came back. */
export function requiresReason(to: CaseStatus): boolean {
  return to === 'reopened';
}

export function isAcknowledging(to: CaseStatus): boolean {
  return to !== 'reported';
}

/** The statuses of a case whose problem is solved: it is followed up, closed, or may be reopened. */
export const FINISHED_STATUSES = ['resolved', 'following_up', 'closed'] as const satisfies readonly CaseStatus[];

/** Whether a case in this status is finished (resolved, being followed up, or closed). */
export function isFinished(status: string): boolean {
  return (FINISHED_STATUSES as readonly string[]).includes(status);
}

/** Whether moving to `to` finishes the case (its resolve clock stops). */
export function isResolving(to: CaseStatus): boolean {
  return isFinished(to);
}
