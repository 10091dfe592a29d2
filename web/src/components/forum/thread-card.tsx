import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ForumThreadSummary } from '../../api/types.js';
import { AuthorLine } from './author-line.js';
import { ThreadLink } from './thread-link.js';

/** One thread in the forum's list: title, what it is about, who opened it, votes, replies, reviewed or not. */
export function ThreadCard({ thread }: { thread: ForumThreadSummary }) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={`thread-${thread.id}`} className="forum-thread">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <ThreadLink id={thread.id} fw={600} htmlId={`thread-${thread.id}`}>
            {thread.title}
          </ThreadLink>
          {thread.excerpt ? (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {thread.excerpt}
            </Text>
          ) : null}
          <AuthorLine author={thread.author} at={thread.createdAt} />
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm" fw={600}>
            {thread.votes} {thread.votes === 1 ? 'vote' : 'votes'}
          </Text>
          <Text size="xs" c="dimmed">
            {thread.replies} {thread.replies === 1 ? 'reply' : 'replies'}
          </Text>
          {thread.status === 'reviewed' ? (
            <Badge color="teal" variant="light">
              Reviewed
            </Badge>
          ) : null}
          {thread.openReports ? (
            <Badge color="red" variant="light">
              {thread.openReports} reported
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}
