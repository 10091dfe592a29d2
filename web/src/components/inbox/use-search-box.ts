import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { InboxFilters } from '../../lib/saved-views.js';

/**
 * Search as you type, without a request per keystroke (250 ms after the last key). The box follows
 * the URL only when the URL changed for another reason (a view was picked), so a slow response
 * never eats keystrokes.
 */
export function useSearchBox(filters: InboxFilters, setFilters: (next: InboxFilters) => void) {
  const [q, setQ] = useState(filters.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const sentQ = useRef(filters.q ?? '');
  const urlQ = filters.q ?? '';
  if (urlQ !== sentQ.current) {
    sentQ.current = urlQ;
    if (q.trim() !== urlQ) setQ(urlQ);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typed text settles, not on every filter change
  useEffect(() => {
    const typed = debouncedQ.trim();
    if (typed !== sentQ.current) {
      sentQ.current = typed;
      setFilters({ ...filters, q: typed });
    }
  }, [debouncedQ]);
  return [q, setQ] as const;
}
