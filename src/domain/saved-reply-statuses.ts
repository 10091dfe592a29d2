import type { CaseStatus } from './case-status.js';

/** The statuses a saved reply may move a case to when sent: forward moves that need nothing more than the reply. */
export const SAVED_REPLY_STATUSES = ['acknowledged', 'investigating', 'resolving'] as const satisfies readonly CaseStatus[];
