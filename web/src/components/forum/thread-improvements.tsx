import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useImprovements, useUpdateImprovement } from '../../api/improvements.js';
import type { ForumThread } from '../../api/types.js';
import { useCurrentUser } from '../../app/me-context.js';
import { FormProblem } from '../form-problem.js';

/** The improvements a thread led to; those who run the backlog link it to one here. */
export function ThreadImprovements({ thread }: { thread: ForumThread }) {
  const me = useCurrentUser();
  const list = useImprovements();
  const update = useUpdateImprovement();
  const [pick, setPick] = useState<string | null>(null);
  const items = list.data ?? [];
  const linked = items.filter((i) => i.forumThreadIds.includes(thread.id));
  const others = items.filter((i) => !i.forumThreadIds.includes(thread.id) && i.status !== 'dropped');
  if (!me.can.manageImprovements && linked.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="thread-improvements-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="thread-improvements-heading">
          Improvements
        </Title>
        {linked.length ? (
          <Stack gap={4} data-testid="thread-improvements">
            {linked.map((i) => (
              <Group key={i.id} gap="xs">
                <Anchor component={Link} to="/improvements" size="sm">
                  {i.title}
                </Anchor>
                <Badge size="sm" variant="light">
                  {i.status.replace('_', ' ')}
                </Badge>
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Not linked to an improvement yet.
          </Text>
        )}
        {me.can.manageImprovements && others.length ? (
          <Group gap="xs" align="flex-end">
            <Select
              size="sm"
              label="Link to an improvement"
              placeholder="Choose an improvement"
              data={others.map((i) => ({ value: i.id, label: i.title }))}
              value={pick}
              onChange={setPick}
              searchable
              style={{ flex: 1 }}
            />
            <Button
              size="sm"
              disabled={!pick}
              loading={update.isPending}
              onClick={() => {
                const target = others.find((i) => i.id === pick);
                if (target)
                  update.mutate(
                    { id: target.id, forumThreadIds: [...target.forumThreadIds, thread.id] },
                    { onSuccess: () => setPick(null) },
                  );
              }}
            >
              Link
            </Button>
          </Group>
        ) : null}
        <FormProblem error={update.error} title="The thread was not linked" />
      </Stack>
    </Paper>
  );
}
