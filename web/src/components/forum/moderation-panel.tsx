import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useMerge, useReview, useThreadList } from '../../api/forum.js';
import type { ForumThread } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';

/** For supervisors and admins: answer a thread (marking it reviewed), or merge it into the thread it duplicates. */
export function ModerationPanel({ thread }: { thread: ForumThread }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="moderate-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="moderate-heading">
          Moderate
        </Title>
        {thread.can.review ? <ReviewForm thread={thread} /> : null}
        {thread.can.merge ? <MergeForm thread={thread} /> : null}
      </Stack>
    </Paper>
  );
}

function ReviewForm({ thread }: { thread: ForumThread }) {
  const [answer, setAnswer] = useState(thread.review?.answer ?? '');
  const review = useReview(thread.id);
  const error = review.error instanceof ApiError ? review.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate(answer.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Answer"
          description="A short answer: what will change, or why it stays. Everyone who voted is told."
          autosize
          minRows={2}
          maxLength={2000}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={error?.fieldError('answer')}
        />
        <FormProblem error={review.error} fields={['answer']} title="The thread was not marked reviewed" />
        <Group>
          <Button type="submit" loading={review.isPending} disabled={!answer.trim()}>
            {thread.review ? 'Update the answer' : 'Mark reviewed'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MergeForm({ thread }: { thread: ForumThread }) {
  const [into, setInto] = useState<string | null>(null);
  const others = useThreadList('', 'newest');
  const merge = useMerge(thread.id);
  const navigate = useNavigate();
  const options = (others.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((t) => t.id !== thread.id)
    .map((t) => ({ value: t.id, label: t.title }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (into) merge.mutate(into, { onSuccess: (target) => void navigate({ to: '/forum/$id', params: { id: target.id } }) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Select
          label="Merge this thread into"
          description="For a duplicate: its votes move to the other thread (one per person) and it points there."
          data={options}
          value={into}
          onChange={setInto}
          searchable
          placeholder="Choose the thread it duplicates"
        />
        <FormProblem error={merge.error} fields={[]} title="The threads were not merged" />
        <Group>
          <Button type="submit" variant="light" loading={merge.isPending} disabled={!into}>
            Merge
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Merged threads stay readable; replies continue in the thread they were merged into.
        </Text>
      </Stack>
    </form>
  );
}
