import { Box, Button, Group, Paper } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { memo, type RefObject, startTransition, useEffect, useMemo, useState } from 'react';
import { useTeams } from '../../api/directory.js';
import type { Case, Page } from '../../api/types.js';
import { CaseRow } from '../case-row.js';
import { QueryState } from '../query-state.js';
import { EmptyState } from '../states.js';
import { useNow } from '../use-now.js';
import type { Inbox } from './use-inbox-filters.js';

type CaseListProps = {
  cases: UseInfiniteQueryResult<InfiniteData<Page<Case>>>;
  items: Case[];
  inbox: Inbox;
  selected: number;
  listRef: RefObject<HTMLDivElement | null>;
  /** When given, each row has a box to tick it for a bulk action. */
  selection?: { selected: ReadonlySet<string>; toggle: (ref: string) => void } | undefined;
};

/** Rows drawn in the page's first render: a screenful and some. */
const FIRST_ROWS = 15;

/**
 * How many rows to draw: a screenful first, then, once that is on screen, all of them in a
 * transition, which React renders in slices that give way to a key press. The rest of a page of
 * cases would otherwise hold back the first render (and the first j) by about 100 ms here.
 */
function useRowsDrawn(count: number): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (!all && count > FIRST_ROWS) startTransition(() => setAll(true));
  }, [all, count]);
  return all ? count : Math.min(count, FIRST_ROWS);
}

/** The inbox's cases, a page at a time; dimmed while a new filter's answer is on its way. */
export function CaseList({ cases, items, inbox, selected, listRef, selection }: CaseListProps) {
  const now = useNow();
  const drawn = useRowsDrawn(items.length);
  const teams = useTeams();
  const teamName = useMemo(() => new Map((teams.data ?? []).map((t) => [t.id, t.name])), [teams.data]);
  return (
    <Box ref={listRef}>
      <QueryState query={cases} label="Loading cases" rows={6} isEmpty={() => items.length === 0} empty={<NoCases inbox={inbox} />}>
        {() => (
          <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: cases.isPlaceholderData ? 0.6 : 1 }} data-testid="case-list">
            {items.slice(0, drawn).map((c, i) => (
              <InboxRow
                key={c.id}
                kase={c}
                now={now}
                selected={i === selected}
                teamName={c.teamId ? teamName.get(c.teamId) : undefined}
                checked={selection ? selection.selected.has(c.ref) : undefined}
                onToggle={selection?.toggle}
              />
            ))}
          </Paper>
        )}
      </QueryState>
      {cases.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
            Load more cases
          </Button>
        </Group>
      ) : null}
    </Box>
  );
}

type InboxRowProps = {
  kase: Case;
  now: Date;
  selected: boolean;
  teamName: string | undefined;
  /** Present when rows can be ticked for a bulk action. */
  checked: boolean | undefined;
  onToggle: ((ref: string) => void) | undefined;
};

/**
 * One row, re-rendered only when its own props change: moving the selection with j/k then redraws
 * two rows, not the whole page of them.
 */
const InboxRow = memo(function InboxRow({ kase, now, selected, teamName, checked, onToggle }: InboxRowProps) {
  const row = <CaseRow kase={kase} now={now} selected={selected} teamName={teamName} />;
  if (checked === undefined || !onToggle) return row;
  // A native box: Mantine's Checkbox costs about ten elements and a styled component per row.
  return (
    <div className="case-row-pickable">
      <div className="case-row-pick">
        <input
          type="checkbox"
          className="case-row-checkbox"
          aria-label={`Select ${kase.ref}`}
          checked={checked}
          onChange={() => onToggle(kase.ref)}
        />
      </div>
      <div className="case-row-cell">{row}</div>
    </div>
  );
});

/** Nothing matches: says whether the search found nothing or the view is empty, and offers to clear filters. */
function NoCases({ inbox }: { inbox: Inbox }) {
  const { q } = inbox.filters;
  return (
    <EmptyState
      title={q ? `Nothing matches “${q}”` : 'No cases here'}
      action={
        inbox.hasFilters ? (
          <Button size="xs" variant="light" onClick={() => inbox.setFilters({})}>
            Clear filters
          </Button>
        ) : undefined
      }
    >
      {q ? 'Try fewer words, or clear some filters.' : 'When a case matches this view, it will appear here.'}
    </EmptyState>
  );
}
