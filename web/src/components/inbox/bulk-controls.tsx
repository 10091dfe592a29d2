import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BulkAction } from '../../api/bulk.js';
import type { CaseStatus } from '../../api/types.js';
import { useUsers } from '../../api/users.js';
import { STATUS_LABEL } from '../../lib/labels.js';
import { tagSpelling } from '../../lib/tags.js';

/** Moves a bulk action may make: closing asks for an outcome and a root cause, reopening for a reason, so those stay on the case page. */
const BULK_MOVES: CaseStatus[] = ['acknowledged', 'investigating', 'resolving', 'resolved', 'following_up'];

type BulkControlsProps = { count: number; pending: boolean; run: (action: BulkAction) => void; onClear: () => void };

/** What can be done to the selected cases at once: assign, move, tag. Loaded once a case is ticked. */
export function BulkControls({ count, pending, run, onClear }: BulkControlsProps) {
  const users = useUsers();
  const [tag, setTag] = useState('');
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Text size="sm" fw={600}>
        {count} selected
      </Text>
      <Select
        label="Assign to"
        placeholder="Choose a person"
        data={[{ value: 'nobody', label: 'Nobody (unassign)' }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
        value={null}
        onChange={(v) => v && run({ kind: 'assign', assigneeId: v === 'nobody' ? null : v })}
        size="xs"
        searchable
        disabled={pending}
      />
      <Select
        label="Move to"
        placeholder="Choose a status"
        data={BULK_MOVES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        value={null}
        onChange={(v) => v && run({ kind: 'transition', to: v as CaseStatus })}
        size="xs"
        disabled={pending}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tagSpelling(tag)) run({ kind: 'tag', tags: [tagSpelling(tag)] });
        }}
      >
        <Group gap={6} align="flex-end" wrap="nowrap">
          <TextInput
            label="Add a tag"
            placeholder="e.g. vip"
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            size="xs"
            maxLength={40}
          />
          <Button type="submit" size="xs" variant="light" disabled={!tagSpelling(tag) || pending}>
            Tag
          </Button>
        </Group>
      </form>
      <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
        Clear selection
      </Button>
    </Group>
  );
}
