import { Alert, Button, Group, List, Paper, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type BulkAction, useBulkChange } from '../../api/bulk.js';
import type { CaseStatus } from '../../api/types.js';
import { useUsers } from '../../api/users.js';
import { STATUS_LABEL } from '../../lib/labels.js';
import { tagSpelling } from '../case/tags-card.js';
import { FormProblem } from '../form-problem.js';

/** Moves a bulk action may make: closing asks for an outcome and a root cause, reopening for a reason, so those stay on the case page. */
const BULK_MOVES: CaseStatus[] = ['acknowledged', 'investigating', 'resolving', 'resolved', 'following_up'];

type BulkBarProps = { selected: string[]; onDone: (changed: string[]) => void; onClear: () => void };

/** Assign, move or tag the selected cases; says per case what could not be done. */
export function BulkBar({ selected, onDone, onClear }: BulkBarProps) {
  const users = useUsers();
  const bulk = useBulkChange();
  const [tag, setTag] = useState('');
  const run = (action: BulkAction) =>
    bulk.mutate({ refs: selected, action }, { onSuccess: (result) => onDone(result.results.filter((r) => r.ok).map((r) => r.ref)) });
  const result = bulk.data;
  const failures = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Change the selected cases" data-testid="bulk-bar">
      {selected.length > 0 ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Text size="sm" fw={600}>
            {selected.length} selected
          </Text>
          <Select
            label="Assign to"
            placeholder="Choose a person"
            data={[{ value: 'nobody', label: 'Nobody (unassign)' }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            value={null}
            onChange={(v) => v && run({ kind: 'assign', assigneeId: v === 'nobody' ? null : v })}
            size="xs"
            searchable
            disabled={bulk.isPending}
          />
          <Select
            label="Move to"
            placeholder="Choose a status"
            data={BULK_MOVES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            value={null}
            onChange={(v) => v && run({ kind: 'transition', to: v as CaseStatus })}
            size="xs"
            disabled={bulk.isPending}
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
              <Button type="submit" size="xs" variant="light" disabled={!tagSpelling(tag) || bulk.isPending}>
                Tag
              </Button>
            </Group>
          </form>
          <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Tick cases to assign, move or tag them together.
        </Text>
      )}
      {result ? (
        <Alert
          mt="sm"
          variant="light"
          color={failures.length ? 'yellow' : 'teal'}
          title={`Changed ${result.changed} of ${result.results.length}`}
          data-testid="bulk-result"
        >
          {failures.length ? (
            <List size="sm">
              {failures.map((f) => (
                <List.Item key={f.ref}>
                  {f.ref}: {f.problem?.detail}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
      <FormProblem error={bulk.error} title="Nothing was changed" />
    </Paper>
  );
}
