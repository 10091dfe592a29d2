import { Autocomplete, Badge, Button, CloseButton, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAddTags, useRemoveTag, useTags } from '../../api/tags.js';
import type { CaseDetail } from '../../api/types.js';
import { tagSpelling } from '../../lib/tags.js';
import { FormProblem } from '../form-problem.js';

/** The case's tags: shown to everyone who reads the case; put on and taken off by those who may change it. */
export function TagsCard({ kase }: { kase: CaseDetail }) {
  const [draft, setDraft] = useState('');
  const add = useAddTags(kase.ref);
  const remove = useRemoveTag(kase.ref);
  const known = useTags();
  const editable = kase.can.update;
  const suggestions = (known.data ?? []).map((t) => t.tag).filter((t) => !kase.tags.includes(t));
  const submit = () => {
    const tag = tagSpelling(draft);
    if (tag) add.mutate([tag], { onSuccess: () => setDraft('') });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-tags-heading" data-testid="case-tags">
      <Title order={2} size="h5" id="case-tags-heading" mb="xs">
        Tags
      </Title>
      {kase.tags.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tags yet.
        </Text>
      ) : (
        <Group gap={6}>
          {kase.tags.map((tag) => (
            <Badge
              key={tag}
              variant="light"
              tt="none"
              rightSection={
                editable ? (
                  <CloseButton
                    size="xs"
                    aria-label={`Remove the tag ${tag}`}
                    onClick={() => remove.mutate(tag)}
                    disabled={remove.isPending}
                  />
                ) : undefined
              }
            >
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Group gap="xs" mt="sm" align="flex-end" wrap="nowrap">
            <Autocomplete
              label="Add a tag"
              placeholder="e.g. late-delivery"
              data={suggestions}
              value={draft}
              onChange={setDraft}
              size="xs"
              style={{ flex: 1 }}
              maxLength={40}
            />
            <Button type="submit" size="xs" variant="light" loading={add.isPending} disabled={!tagSpelling(draft)}>
              Add
            </Button>
          </Group>
        </form>
      ) : null}
      <FormProblem error={add.error ?? remove.error} fields={['tags']} title="The tags did not change" />
    </Paper>
  );
}
