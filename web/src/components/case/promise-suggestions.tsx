import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAddCommitment } from '../../api/commitments.js';
import type { SuggestedPromise } from '../../lib/promises-in-reply.js';
import { formatDateTime } from '../../lib/time.js';
import { FormProblem } from '../form-problem.js';

/**
 * After a reply is sent: the promises the coach found in it, each one click from being tracked with
 * its owner (the sender) and due time, so the reminder and the escalation can do their work.
 */
export function PromiseSuggestions({ caseRef, promises }: { caseRef: string; promises: SuggestedPromise[] }) {
  const add = useAddCommitment(caseRef);
  const [tracked, setTracked] = useState<Set<string>>(new Set());
  if (promises.length === 0) return null;
  const keyOf = (p: SuggestedPromise) => `${p.text}@${p.dueAt}`;
  return (
    <Alert color="blue" variant="light" title="Your reply makes a promise" data-testid="promise-suggestions">
      <Stack gap="xs">
        {promises.map((p) => {
          const done = tracked.has(keyOf(p));
          return (
            <Group key={keyOf(p)} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                “{p.text}” — due {formatDateTime(p.dueAt)}
              </Text>
              {done ? (
                <Text size="sm" c="teal.8" role="status">
                  Tracked under Promises & follow-ups
                </Text>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  loading={add.isPending && add.variables?.text === p.text}
                  onClick={() =>
                    add.mutate(
                      { text: p.text, dueAt: p.dueAt, source: 'coach' },
                      { onSuccess: () => setTracked((s) => new Set(s).add(keyOf(p))) },
                    )
                  }
                >
                  Track this promise
                </Button>
              )}
            </Group>
          );
        })}
        <FormProblem error={add.error} fields={[]} title="The promise was not added" />
      </Stack>
    </Alert>
  );
}
