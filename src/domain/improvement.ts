/**
 * An improvement: a process change proposed from a theme, a case or a forum thread. Its life:
 * proposed → planned → in progress → done, or dropped (with a reason) from any step before done.
 * Done can be reopened to in progress, and dropped to proposed, when it turns out otherwise.
 */
export const IMPROVEMENT_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

const MOVES: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  proposed: ['planned', 'dropped'],
  planned: ['in_progress', 'proposed', 'dropped'],
  in_progress: ['done', 'planned', 'dropped'],
  done: ['in_progress'],
  dropped: ['proposed'],
};

/** The statuses an improvement may move to from where it is. */
export const nextImprovementStatuses = (from: ImprovementStatus): readonly ImprovementStatus[] => MOVES[from];

export const canMoveImprovement = (from: ImprovementStatus, to: ImprovementStatus): boolean => MOVES[from].includes(to);

/** What an improvement can be linked to; forum threads are kept by id until the forum lands beside it. */
export const IMPROVEMENT_LINK_KINDS = ['case', 'theme', 'forum_thread'] as const;
export type ImprovementLinkKind = (typeof IMPROVEMENT_LINK_KINDS)[number];
