import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { RefObject } from 'react';
import { exportUrl, type InboxFilters } from '../../lib/saved-views.js';
import { FilterRow } from './filter-row.js';
import { activeFilterCount } from './filter-specs.js';
import type { Inbox } from './use-inbox-filters.js';
import { useSearchBox } from './use-search-box.js';

type InboxToolbarProps = {
  inbox: Inbox;
  /** "Loading…" or how many cases the list holds (with a + when more pages wait). */
  countText: string;
  searchRef: RefObject<HTMLInputElement | null>;
  /** ArrowDown in the search box goes on to the first case. */
  onLeaveSearch: () => void;
  onSaveView: () => void;
};

/** Search, filters and sort (folded away on phones), the case count, Reset and Save as view. */
export function InboxToolbar({ inbox, countText, searchRef, onLeaveSearch, onSaveView }: InboxToolbarProps) {
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, filtersPanel] = useDisclosure(false);
  const count = activeFilterCount(inbox.filters);
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="sm">
        <SearchBox filters={inbox.filters} setFilters={inbox.setFilters} inputRef={searchRef} onLeave={onLeaveSearch} />
        {isPhone ? (
          <Button variant="default" size="xs" onClick={filtersPanel.toggle} aria-expanded={filtersOpen}>
            {filtersOpen ? 'Hide filters' : `Filters and sort${count ? ` (${count})` : ''}`}
          </Button>
        ) : null}
        <FilterRow filters={inbox.filters} onChange={(next) => inbox.setFilters(next)} hidden={isPhone && !filtersOpen} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {countText}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="subtle" color="gray" onClick={() => inbox.setFilters({})} disabled={!inbox.hasFilters}>
              Reset
            </Button>
            <Button size="xs" variant="light" onClick={onSaveView} disabled={Boolean(inbox.activeView)}>
              Save as view
            </Button>
            <Button
              size="xs"
              variant="default"
              component="a"
              href={exportUrl(inbox.query)}
              download="cases.csv"
              title="Every case these filters match, with outcome and root cause"
            >
              Export CSV
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

type SearchBoxProps = {
  filters: InboxFilters;
  setFilters: (next: InboxFilters) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  onLeave: () => void;
};

/** The full-text search over the cases; Escape and ArrowDown hand the keyboard back to the list. */
function SearchBox({ filters, setFilters, inputRef, onLeave }: SearchBoxProps) {
  const [q, setQ] = useSearchBox(filters, setFilters);
  return (
    <TextInput
      ref={inputRef}
      type="search"
      aria-label="Search cases"
      placeholder="Search by number, customer, or words in the case…"
      value={q}
      onChange={(e) => setQ(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Chromium clears a search box on Escape; here Escape means "back to the list".
          e.preventDefault();
          e.currentTarget.blur();
        }
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          e.currentTarget.blur();
          onLeave();
        }
      }}
    />
  );
}
