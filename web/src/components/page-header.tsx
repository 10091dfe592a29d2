import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The top of a page: its one h1, a line on what the page is for, and its main actions on the right.
 * A string description is set as the usual dimmed line; pass an element to set it yourself.
 */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      {typeof description === 'string' ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : (
        description
      )}
    </div>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      {heading}
      {actions}
    </Group>
  );
}
