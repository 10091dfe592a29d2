import { Alert, List, Paper, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { type BulkAction, useBulkChange } from '../../api/bulk.js';
import { FormProblem } from '../form-problem.js';

// The fields (people and statuses to pick from) load when the first case is ticked.
const BulkControls = lazy(() => import('./bulk-controls.js').then((m) => ({ default: m.BulkControls })));

type BulkBarProps = { selected: string[]; onDone: (changed: string[]) => void; onClear: () => void };

/** Assign, move or tag the selected cases; says per case what could not be done. */
export function BulkBar({ selected, onDone, onClear }: BulkBarProps) {
  const bulk = useBulkChange();
  const run = (action: BulkAction) =>
    bulk.mutate({ refs: selected, action }, { onSuccess: (result) => onDone(result.results.filter((r) => r.ok).map((r) => r.ref)) });
  const result = bulk.data;
  const failures = result?.results.filter((r) => !r.ok) ?? [];
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Change the selected cases" data-testid="bulk-bar">
      {selected.length > 0 ? (
        <Suspense fallback={<Text size="sm" fw={600}>{`${selected.length} selected`}</Text>}>
          <BulkControls count={selected.length} pending={bulk.isPending} run={run} onClear={onClear} />
        </Suspense>
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
