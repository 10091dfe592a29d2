import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { usePosts, useThread, useVote } from '../api/forum.js';
import type { ForumThread } from '../api/types.js';
import { FormProblem } from '../components/form-problem.js';
import { ModerationPanel } from '../components/forum/moderation-panel.js';
import { PostCard } from '../components/forum/post-card.js';
import { ReplyForm } from '../components/forum/reply-form.js';
import { ThreadImprovements } from '../components/forum/thread-improvements.js';
import { ThreadLink } from '../components/forum/thread-link.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { formatDateTime } from '../lib/time.js';

/** One thread: the answer when it was reviewed, its posts, the vote, a reply, and moderation for those who may. */
export function ForumThreadPage() {
  const { id } = useParams({ from: '/app/forum/$id' });
  const thread = useThread(id);
  return (
    <QueryState query={thread} label="Loading the thread">
      {(t) => <ThreadView thread={t} />}
    </QueryState>
  );
}

function ThreadView({ thread }: { thread: ForumThread }) {
  const posts = usePosts(thread.id);
  const vote = useVote();
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/forum" size="sm">
        ← All threads
      </Anchor>
      <PageHeader
        title={thread.title}
        description={
          <Group gap="xs" mt={4}>
            {thread.status === 'reviewed' ? (
              <Badge color="teal" variant="light">
                Reviewed
              </Badge>
            ) : null}
            {thread.status === 'merged' ? (
              <Badge color="gray" variant="light">
                Merged
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {thread.votes} {thread.votes === 1 ? 'vote' : 'votes'} · {thread.replies} {thread.replies === 1 ? 'reply' : 'replies'}
            </Text>
          </Group>
        }
        actions={
          thread.can.vote ? (
            <Button
              variant={thread.voted ? 'filled' : 'light'}
              aria-pressed={thread.voted}
              loading={vote.isPending}
              onClick={() => vote.mutate({ id: thread.id, up: !thread.voted })}
            >
              {thread.voted ? 'Voted · withdraw' : 'Vote: this frustrates customers'}
            </Button>
          ) : null
        }
      />
      <FormProblem error={vote.error} fields={[]} title="Your vote was not recorded" />
      {thread.mergedInto ? (
        <Alert color="gray" variant="light" title="Merged into another thread">
          <Text size="sm">
            This discussion continues in <ThreadLink id={thread.mergedInto.id}>{thread.mergedInto.title}</ThreadLink>; its votes were
            carried over there.
          </Text>
        </Alert>
      ) : null}
      {thread.review ? (
        <Alert color="teal" variant="light" title={`Answer from ${thread.review.byName}`} data-testid="review-answer">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {thread.review.answer}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {formatDateTime(thread.review.at)}
          </Text>
        </Alert>
      ) : null}
      {thread.merged.length > 0 ? (
        <Text size="sm" c="dimmed">
          Merged in:{' '}
          {thread.merged.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ', ' : ''}
              <ThreadLink id={m.id} size="sm">
                {m.title}
              </ThreadLink>
            </span>
          ))}
        </Text>
      ) : null}
      <QueryState query={posts} label="Loading posts" rows={2}>
        {() => (
          <Stack gap="sm">
            {items.map((p) => (
              <PostCard key={p.id} post={p} />
            ))}
            {posts.hasNextPage ? (
              <Group justify="center">
                <Button variant="default" loading={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
                  Show more posts
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </QueryState>
      {thread.can.reply ? (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="reply-heading">
          <Title order={2} size="h4" id="reply-heading" mb="xs">
            Reply
          </Title>
          <ReplyForm threadId={thread.id} />
        </Paper>
      ) : null}
      {thread.can.review || thread.can.merge ? <ModerationPanel thread={thread} /> : null}
      <ThreadImprovements thread={thread} />
    </Stack>
  );
}
