import { isFinished } from '../domain/case-status.js';
import { authorize, type Subject } from '../domain/permissions.js';
import type { Actor } from '../services/context.js';
import type { CaseRow } from '../store/schema.js';

/** What the caller may do with a case now: read from the permission table and the case's state, so clients show only what works. */
export type CaseAbilities = {
  update: boolean;
  assign: boolean;
  transition: boolean;
  /** Notes, replies and ending an abusive interaction. */
  annotate: boolean;
  reportAbuse: boolean;
  /** Calls a supervisor now (one open call at a time). */
  requestHelp: boolean;
  /** Takes an open call for help. */
  takeHelp: boolean;
  /** Runs or changes the case's playbook and strategy. */
  runPlaybook: boolean;
  /** Sets the case type, whose deadline preset re-times the clocks: for those who manage the case, not only work on it. */
  setCaseType: boolean;
  addCustomerStatement: boolean;
  /** Writes the caller's own side (an employee named on the case, or staff who take statements). */
  addOwnStatement: boolean;
  proposeResolution: boolean;
  addCommitment: boolean;
  planFollowUp: boolean;
  /** Merges this case into another (the same incident reported twice): it closes as merged. */
  merge: boolean;
  /** Takes part of this case into a new case. */
  split: boolean;
};

/**
 * The caller's abilities on one case. Supervisors and admins take the customer's side; an employee
 * writes only their own. A finished case takes no new resolution, a closed one no new promise or
 * abuse report.
 */
export function caseAbilities(actor: Actor, row: CaseRow, subject: Subject): CaseAbilities {
  const may = (action: Parameters<typeof authorize>[1], resource: Parameters<typeof authorize>[2], on: Subject = subject) =>
    authorize(actor, action, resource, on);
  const closed = row.status === 'closed';
  const finished = isFinished(row.status);
  return {
    update: may('update', 'case'),
    assign: may('assign', 'case'),
    transition: may('transition', 'case'),
    annotate: may('annotate', 'case'),
    reportAbuse: may('annotate', 'case') && !closed,
    requestHelp: may('annotate', 'case') && !closed && row.help_requested_at === null,
    takeHelp: may('assign', 'case') && row.help_requested_at !== null,
    runPlaybook: may('update', 'case') && !finished,
    setCaseType: may('update', 'case') && may('assign', 'case'),
    addCustomerStatement: may('create', 'statement', { ...subject, ownerUserId: null }),
    addOwnStatement: may('create', 'statement', { ...subject, ownerUserId: actor.userId }),
    proposeResolution: (may('create', 'resolution') || may('update', 'resolution')) && !finished,
    addCommitment: may('create', 'commitment') && !closed,
    planFollowUp: may('create', 'follow_up'),
    merge: may('transition', 'case') && !closed && row.merged_into_id === null,
    split: may('update', 'case') && may('create', 'case') && !closed && row.merged_into_id === null,
  };
}
