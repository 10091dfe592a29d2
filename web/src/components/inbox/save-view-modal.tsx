import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTeams } from '../../api/directory.js';
import { useCurrentUser } from '../../app/me-context.js';
import { FormProblem } from '../form-problem.js';

const ONLY_ME = 'me';

/** Names the current filters and sort as a view: the caller's own, or shared with a team they lead. */
export function SaveViewModal({
  opened,
  onClose,
  onSave,
}: {
  opened: boolean;
  onClose: () => void;
  onSave: (name: string, teamId: string | null) => Promise<void>;
}) {
  const me = useCurrentUser();
  const teams = useTeams();
  const [name, setName] = useState('');
  const [share, setShare] = useState(ONLY_ME);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const shareable = me.can.shareViews
    ? (teams.data ?? [])
        .filter((t) => me.role === 'admin' || me.teamIds.includes(t.id))
        .map((t) => ({ value: t.id, label: `${t.name} (shared)` }))
    : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setSaving(true);
    onSave(name.trim(), share === ONLY_ME ? null : share)
      .then(() => {
        onClose();
        setName('');
        setShare(ONLY_ME);
        setError(null);
      })
      .catch(setError)
      .finally(() => setSaving(false));
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Save this view" centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Keeps these filters and this sort one click away, on every device you sign in from.
            {shareable.length > 0 ? ' Shared with a team, it shows in the view picker of everyone in that team.' : ''}
          </Text>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
          {shareable.length > 0 ? (
            <Select
              label="Who sees it"
              data={[{ value: ONLY_ME, label: 'Only me' }, ...shareable]}
              value={share}
              onChange={(v) => setShare(v ?? ONLY_ME)}
              allowDeselect={false}
            />
          ) : null}
          <FormProblem error={error} title="The view was not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!name.trim()} loading={saving}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
