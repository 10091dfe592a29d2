import { useEffect, useState } from 'react';
import type { Me } from '../../api/types.js';
import { clearDraft, EMPTY_DRAFT, loadDraft, type ReportDraft, saveDraft } from '../../lib/report-draft.js';
import { browserStore } from '../../lib/storage.js';

// Money starts in the workspace's currency (a Los Angeles shop reports in USD, not the form's own guess).
const freshDraft = (me: Me): ReportDraft => ({ ...EMPTY_DRAFT, teamId: me.teamIds[0] ?? '', currency: me.workspace.currency });

/**
 * The report as it is being written, kept in this browser as it is typed (300 ms after the last
 * change), so a closed tab or a dead battery loses nothing. `restored` is the draft found on opening.
 */
export function useReportDraft(me: Me) {
  const store = browserStore();
  const [restored] = useState(() => loadDraft(store, me.id));
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? freshDraft(me));

  useEffect(() => {
    const id = window.setTimeout(() => saveDraft(store, me.id, draft, new Date()), 300);
    return () => window.clearTimeout(id);
  }, [draft, store, me.id]);

  return {
    draft,
    restored,
    update: <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => setDraft((d) => ({ ...d, [key]: value })),
    /** Forgets the kept draft (once the report is sent). */
    discard: () => clearDraft(store, me.id),
    /** Forgets the kept draft and starts from an empty form. */
    restart: () => {
      clearDraft(store, me.id);
      setDraft(freshDraft(me));
    },
  };
}
