import { useHotkeys } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import type { Case } from '../../api/types.js';

/**
 * The inbox's keyboard: j/k select, Enter opens, / focuses the search. The selection belongs to
 * one query (`queryKey`), so a new filter starts again from no selection.
 */
export function useInboxKeyboard(items: Case[], queryKey: string) {
  const navigate = useNavigate();
  const [selection, setSelection] = useState({ key: queryKey, index: -1 });
  const selected = selection.key === queryKey ? selection.index : -1;
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const move = (delta: number) => {
    if (items.length === 0) return;
    const next = Math.min(items.length - 1, Math.max(0, selected + delta));
    setSelection({ key: queryKey, index: next });
    const row = listRef.current?.querySelectorAll<HTMLAnchorElement>('.case-row')[next];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  };

  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    [
      '/',
      (e) => {
        e.preventDefault();
        searchRef.current?.focus();
      },
    ],
    [
      'Enter',
      () => {
        // A focused row is a link and opens itself; this covers a selection without focus.
        const kase = items[selected];
        if (kase && (document.activeElement === document.body || document.activeElement === null))
          void navigate({ to: '/cases/$ref', params: { ref: kase.ref } });
      },
      { preventDefault: false },
    ],
  ]);

  return { selected, move, listRef, searchRef };
}
