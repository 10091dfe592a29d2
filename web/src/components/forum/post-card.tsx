import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useEditPost, useHidePost, useReportPost } from '../../api/forum.js';
import type { ForumPost } from '../../api/types.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';
import { AuthorLine } from './author-line.js';

type Mode = 'read' | 'edit' | 'report' | 'hide';

/** A post: its text (or that a moderator hid it), earlier texts if edited, and what this reader may do with it. */
export function PostCard({ post }: { post: ForumPost }) {
  const [mode, setMode] = useState<Mode>('read');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={post.opening ? 'Opening post' : 'Reply'} className="forum-post">
      <Stack gap="xs">
        <AuthorLine author={post.author} at={post.createdAt} edited={post.editedAt} />
        {post.hidden ? (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">Hidden by a moderator{post.hidden.reason ? `: ${post.hidden.reason}` : '.'}</Text>
          </Alert>
        ) : null}
        {mode === 'edit' ? (
          <EditForm post={post} onDone={() => setMode('read')} />
        ) : post.body !== null ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} {...(post.hidden ? { c: 'dimmed' } : {})}>
            {post.body}
          </Text>
        ) : null}
        {post.revisions.length > 0 ? (
          <details>
            <summary>
              <Text span size="xs" c="dimmed">
                Earlier {post.revisions.length === 1 ? 'text' : 'texts'}
              </Text>
            </summary>
            <Stack gap={4} mt={4}>
              {post.revisions.map((r) => (
                <Text key={r.replacedAt} size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  Until {formatDateTime(r.replacedAt)}: {r.body}
                </Text>
              ))}
            </Stack>
          </details>
        ) : null}
        {post.reports && post.reports.length > 0 ? (
          <Text size="xs" c="red">
            Reported: {post.reports.join('; ')}
          </Text>
        ) : null}
        {mode === 'report' || mode === 'hide' ? <ReasonForm post={post} mode={mode} onDone={() => setMode('read')} /> : null}
        {mode === 'read' ? (
          <Group gap="xs">
            {post.can.edit && post.editableUntil ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setMode('edit')}
                title={`You can edit until ${formatDateTime(post.editableUntil)}`}
              >
                Edit
              </Button>
            ) : null}
            {post.can.report && !post.reportedByYou ? (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setMode('report')}>
                Report
              </Button>
            ) : null}
            {post.reportedByYou ? (
              <Text size="xs" c="dimmed">
                You reported this post.
              </Text>
            ) : null}
            {post.can.hide ? (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setMode('hide')}>
                Hide
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function EditForm({ post, onDone }: { post: ForumPost; onDone: () => void }) {
  const [body, setBody] = useState(post.body ?? '');
  const edit = useEditPost();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    edit.mutate({ id: post.id, body: body.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Your post"
          description="The earlier text stays visible under the post."
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <FormProblem error={edit.error} fields={[]} title="The post was not changed" />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={edit.isPending} disabled={!body.trim()}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReasonForm({ post, mode, onDone }: { post: ForumPost; mode: 'report' | 'hide'; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const report = useReportPost();
  const hide = useHidePost();
  const action = mode === 'report' ? report : hide;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate({ id: post.id, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label={mode === 'report' ? 'Why should a moderator look at this post?' : 'Why is it hidden? (only moderators see this)'}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
        />
        <FormProblem error={action.error} fields={[]} title={mode === 'report' ? 'The report was not sent' : 'The post was not hidden'} />
        <Group gap="xs">
          <Button
            size="xs"
            type="submit"
            {...(mode === 'hide' ? { color: 'red' } : {})}
            loading={action.isPending}
            disabled={!reason.trim()}
          >
            {mode === 'report' ? 'Report to moderators' : 'Hide post'}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
