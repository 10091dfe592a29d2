import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SeverityBadge } from './badges.js';

/** A case in a table of cases: its title linked to it, its number and severity below, and any badges after. */
export function CaseTitleCell({ kase, children }: { kase: { ref: string; title: string; severity: number }; children?: ReactNode }) {
  return (
    <>
      <Anchor component={Link} to={`/cases/${kase.ref}`} size="sm" fw={500}>
        {kase.title}
      </Anchor>
      <Group gap={6} mt={2}>
        <Text size="xs" c="dimmed" ff="monospace">
          {kase.ref}
        </Text>
        <SeverityBadge severity={kase.severity} size="xs" />
        {children}
      </Group>
    </>
  );
}
