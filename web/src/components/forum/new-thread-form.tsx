import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useCreateThread, useSimilarThreads } from '../../api/forum.js';
import { FormProblem } from '../form-problem.js';
import { AS_COLLEAGUE_HELP } from './author-line.js';
import { ThreadLink } from './thread-link.js';

/**
 * Opening a thread. While the title and text are typed, threads that look like the same problem
 * are offered with the words they share, so a person can vote there instead of starting a copy.
 */
export function NewThreadForm({ onDone }: { onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [asColleague, setAsColleague] = useState(false);
  const [debouncedTitle] = useDebouncedValue(title.trim(), 300);
  const [debouncedBody] = useDebouncedValue(body.trim(), 300);
  const similar = useSimilarThreads(debouncedTitle, debouncedBody);
  const create = useCreateThread();
  const navigate = useNavigate();
  const error = create.error instanceof ApiError ? create.error : null;
  const matches = debouncedTitle.length >= 5 ? (similar.data?.items ?? []) : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title: title.trim(), body: body.trim(), asColleague },
      {
        onSuccess: (thread) => {
          onDone();
          void navigate({ to: '/forum/$id', params: { id: thread.id } });
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate aria-labelledby="new-thread-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-thread-heading">
            Start a thread
          </Title>
          <Text size="sm" c="dimmed">
            Name a process or rule that frustrates customers, and what happens when it does.
          </Text>
          <TextInput
            label="Title"
            placeholder="e.g. Refunds without a receipt are refused at the till"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error?.fieldError('title')}
            required
            maxLength={150}
          />
          <Textarea
            label="What happens"
            autosize
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={error?.fieldError('body')}
            required
            maxLength={5000}
          />
          {matches.length > 0 ? (
            <Paper
              withBorder
              radius="sm"
              p="sm"
              style={{ borderLeft: '4px solid var(--mantine-color-yellow-6)' }}
              data-testid="similar-threads"
              aria-live="polite"
            >
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  Is it one of these? Vote there to give it more weight.
                </Text>
                {matches.map((m) => (
                  <div key={m.thread.id}>
                    <ThreadLink id={m.thread.id} size="sm" fw={500}>
                      {m.thread.title}
                    </ThreadLink>
                    <Text size="xs" c="dimmed">
                      {m.thread.votes} {m.thread.votes === 1 ? 'vote' : 'votes'} · shares the words{' '}
                      {m.sharedTerms.map((t) => `“${t}”`).join(', ')}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Paper>
          ) : null}
          <Checkbox
            label="Show me to colleagues as “a colleague”"
            description={AS_COLLEAGUE_HELP}
            checked={asColleague}
            onChange={(e) => setAsColleague(e.currentTarget.checked)}
          />
          <FormProblem error={create.error} fields={['title', 'body']} title="The thread was not posted" />
          <Group gap="sm">
            <Button type="submit" loading={create.isPending} disabled={title.trim().length < 5 || !body.trim()}>
              {matches.length > 0 ? 'Post as a new thread' : 'Post thread'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
