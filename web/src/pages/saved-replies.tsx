import { Badge, Button, Group, Modal, Paper, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useTeams } from '../api/directory.js';
import {
  type SavedReply,
  type SavedReplyInput,
  useCreateSavedReply,
  useDeleteSavedReply,
  useSavedReplies,
  useUpdateSavedReply,
} from '../api/saved-replies.js';
import { useCurrentUser } from '../app/me-context.js';
import { FormProblem } from '../components/form-problem.js';
import { PageHeader } from '../components/page-header.js';
import { QueryState } from '../components/query-state.js';
import { RequireAbility } from '../components/require-ability.js';
import { EmptyState } from '../components/states.js';
import { STATUS_LABEL } from '../lib/labels.js';

const WORKSPACE = 'workspace';
const STATUS_CHOICES = (['acknowledged', 'investigating', 'resolving'] as const).map((s) => ({ value: s, label: STATUS_LABEL[s] }));

export function SavedRepliesPage() {
  return (
    <RequireAbility ability="manageSavedReplies">
      <SavedRepliesAdmin />
    </RequireAbility>
  );
}

/** Settings → Saved replies: admins keep the workspace's, supervisors their teams'. */
function SavedRepliesAdmin() {
  const replies = useSavedReplies();
  const teams = useTeams();
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const remove = useDeleteSavedReply();
  const teamName = (id: string | null) => (id === null ? 'Whole workspace' : (teams.data?.find((t) => t.id === id)?.name ?? 'A team'));
  return (
    <Stack gap="md">
      <PageHeader
        title="Saved replies"
        description="Wording your people use often, filled in for each case when they insert it in the reply composer, where the coach reads it like any reply. A saved reply can also move the case on or tag it when it is sent."
        actions={<Button onClick={() => setEditing('new')}>New saved reply</Button>}
      />
      <QueryState
        query={replies}
        label="Loading saved replies"
        rows={3}
        isEmpty={(r) => r.items.length === 0}
        empty={
          <EmptyState title="No saved replies yet">Add the first one: a greeting, an apology for a delay, a callback promise.</EmptyState>
        }
      >
        {(r) => (
          <Stack gap="sm" data-testid="saved-replies">
            {r.items.map((item) => (
              <Paper key={item.id} withBorder radius="md" p="md">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={2} size="h5">
                      {item.title}
                    </Title>
                    <Group gap={6} mt={4}>
                      <Badge variant="light" color="gray" tt="none">
                        {teamName(item.teamId)}
                      </Badge>
                      {item.setStatus ? (
                        <Badge variant="light" tt="none">
                          Moves to {STATUS_LABEL[item.setStatus as keyof typeof STATUS_LABEL] ?? item.setStatus}
                        </Badge>
                      ) : null}
                      {item.addTags.map((t) => (
                        <Badge key={t} variant="outline" tt="none">
                          + {t}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                  {item.canEdit ? (
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => setEditing(item)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(item.id)}
                        aria-label={`Delete ${item.title}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  ) : null}
                </Group>
                <Text size="sm" mt="sm" className="statement-body">
                  {item.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      <FormProblem error={remove.error} title="Not deleted" />
      {editing ? (
        <SavedReplyForm
          reply={editing === 'new' ? null : editing}
          variables={replies.data?.variables ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

function SavedReplyForm({
  reply,
  variables,
  onClose,
}: {
  reply: SavedReply | null;
  variables: { name: string; meaning: string }[];
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const teams = useTeams();
  const create = useCreateSavedReply();
  const update = useUpdateSavedReply();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const isAdmin = me.role === 'admin';
  const [scope, setScope] = useState<string>(reply?.teamId ?? (isAdmin ? WORKSPACE : (me.teamIds[0] ?? WORKSPACE)));
  const [status, setStatus] = useState<string | null>(reply?.setStatus ?? null);
  const [tags, setTags] = useState<string[]>(reply?.addTags ?? []);
  const mutation = reply ? update : create;
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const scopes = [
    ...(isAdmin ? [{ value: WORKSPACE, label: 'Whole workspace' }] : []),
    ...(teams.data ?? []).filter((t) => isAdmin || me.teamIds.includes(t.id)).map((t) => ({ value: t.id, label: t.name })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: SavedReplyInput = {
      title: title.trim(),
      body,
      teamId: scope === WORKSPACE ? null : scope,
      setStatus: (status as SavedReplyInput['setStatus']) ?? null,
      addTags: tags,
    };
    const done = { onSuccess: onClose };
    if (reply) update.mutate({ id: reply.id, body: input }, done);
    else create.mutate(input, done);
  };
  return (
    <Modal opened onClose={onClose} title={reply ? `Edit “${reply.title}”` : 'New saved reply'} size="lg" centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={error?.fieldError('title')}
            data-autofocus
          />
          <Select label="Used by" data={scopes} value={scope} onChange={(v) => setScope(v ?? scope)} allowDeselect={false} />
          <Textarea
            label="Wording"
            description="Variables are filled in from the case; a fallback after a bar is used when the case has no value, as in {{customer.firstName|there}}."
            autosize
            minRows={5}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            required
            error={error?.fieldError('body')}
          />
          <Text size="xs" c="dimmed">
            {variables.map((v) => `{{${v.name}}}: ${v.meaning}`).join(' · ')}
          </Text>
          <Select
            label="When sent, move the case to"
            placeholder="Leave the status as it is"
            data={STATUS_CHOICES}
            value={status}
            onChange={setStatus}
            clearable
          />
          <TagsInput label="When sent, add these tags" value={tags} onChange={setTags} placeholder="Type a tag and press Enter" />
          <FormProblem error={mutation.error} fields={['title', 'body']} title="Not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!title.trim() || !body.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
