import { placeCaseInTheme } from '../services/place-theme.js';
import type { EventProcessor } from './event-processor.js';

/**
 * Keeps themes current between full mines: a new case is placed in its nearest theme as soon as it
 * is reported, and again when it closes, since its statements and root cause then say much more.
 * It starts from its first run: history is what the first full mine is for.
 */
export function themesProcessor(): EventProcessor {
  return {
    name: 'themes',
    startFrom: 'now',
    async handle(event, { db, now }) {
      if (!event.caseId) return;
      const closed = event.kind === 'status_changed' && event.data.to === 'closed';
      if (event.kind !== 'case_created' && !closed) return;
      await placeCaseInTheme(db, event.workspaceId, event.caseId, now);
    },
  };
}
