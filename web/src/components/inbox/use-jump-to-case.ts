import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { caseRefIn } from '../../../../src/contracts/vocabulary.js';
import { useCasesByNumber } from '../../api/cases.js';

/**
 * Typing a case's number in the search goes straight to it, whatever the view's filters: when the
 * search is a reference (or a bare number) that names one case the caller may see, its page opens.
 * Only for a search typed here: coming back to the inbox (the browser's back button) with that
 * search in the address stays on the list.
 */
export function useJumpToCase(q: string | undefined): void {
  const navigate = useNavigate();
  const arrivedWith = useRef(q);
  const asked = q && q !== arrivedWith.current && caseRefIn(q) ? q : null;
  const found = useCasesByNumber(asked);
  const [only, second] = found.data?.items ?? [];
  useEffect(() => {
    if (asked && only && !second) void navigate({ to: '/cases/$ref', params: { ref: only.ref } });
  }, [asked, only, second, navigate]);
}
