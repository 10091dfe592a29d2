import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useThreadList } from '../api/forum.js';
import type { ForumSort } from '../api/types.js';
import { NewThreadForm } from '../components/forum/new-thread-form.js';
import { ThreadCard } from '../components/forum/thread-card.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { EmptyState } from '../components/states.js';

const SORTS: { value: ForumSort; label: string }[] = [
  { value: 'votes', label: 'Most votes' },
  { value: 'newest', label: 'Newest' },
  { value: 'unreviewed', label: 'Not yet reviewed' },
];

/** The staff forum: processes and rules that frustrate customers, raised and voted on by the people who meet them. */
export function ForumPage() {
  const [sort, setSort] = useState<ForumSort>('votes');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [writing, setWriting] = useState(false);
  const threads = useThreadList(q, sort);
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Forum"
        description="Which process or rule makes customers angry? Say so here, vote for what you see too, and supervisors answer."
        actions={
          writing ? null : (
            <Button onClick={() => setWriting(true)} data-autofocus>
              Start a thread
            </Button>
          )
        }
      />
      {writing ? <NewThreadForm onDone={() => setWriting(false)} /> : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search threads"
          placeholder="e.g. receipt refund"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          type="search"
        />
        <div>
          <Text size="sm" fw={500} id="forum-sort-label" mb={4}>
            Sort
          </Text>
          <SegmentedControl aria-labelledby="forum-sort-label" data={SORTS} value={sort} onChange={(v) => setSort(v as ForumSort)} />
        </div>
      </Group>
      <QueryState
        query={threads}
        label="Loading threads"
        rows={4}
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title={q ? 'No thread matches' : 'No threads yet'}>
            {q ? 'Every word you type must occur in a thread. Try fewer words.' : 'Start the first one: what keeps frustrating customers?'}
          </EmptyState>
        }
      >
        {() => (
          <Stack gap="sm">
            {items.map((t) => (
              <ThreadCard key={t.id} thread={t} />
            ))}
            {threads.hasNextPage ? (
              <Group justify="center">
                <Button variant="default" loading={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
                  Show more threads
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
