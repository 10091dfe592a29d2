import { evaluateReviewRules } from '../services/review-flags.js';
import { partyEmployeeIds } from '../store/cases.js';
import type { EventProcessor } from './event-processor.js';

/**
 * Checks the review rules for the people on a case as soon as it closes, so a flag reaches HR
 * without waiting for the nightly pass. Starts from its first run: the periodic job covers history.
 */
export function reviewsProcessor(): EventProcessor {
  return {
    name: 'reviews',
    startFrom: 'now',
    async handle(event, { db, now }) {
      if (!event.caseId || event.kind !== 'status_changed' || event.data.to !== 'closed') return;
      const employees = await partyEmployeeIds(db, event.workspaceId, event.caseId);
      if (employees.length > 0) await evaluateReviewRules(db, event.workspaceId, now, employees);
    },
  };
}
