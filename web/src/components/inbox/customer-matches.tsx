import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCustomers } from '../../api/directory.js';
import { searchNamesCustomer } from '../../lib/customer-match.js';

const MAX_SHOWN = 5;

/** Customers the inbox search names, linked to their pages; only those the reader may find are listed. */
export function CustomerMatches({ q }: { q: string | undefined }) {
  const customers = useCustomers(Boolean(q?.trim()));
  const matches = q ? (customers.data ?? []).filter((c) => searchNamesCustomer(q, c)) : [];
  if (matches.length === 0) return null;
  return (
    <Group gap="xs" aria-label="Customers matching the search" role="group">
      <Text size="sm" c="dimmed">
        Customers:
      </Text>
      {matches.slice(0, MAX_SHOWN).map((c) => (
        <Anchor key={c.id} component={Link} to={`/customers/${c.id}`} size="sm" fw={500}>
          {c.name}
        </Anchor>
      ))}
      {matches.length > MAX_SHOWN ? (
        <Text size="sm" c="dimmed">
          and {matches.length - MAX_SHOWN} more
        </Text>
      ) : null}
    </Group>
  );
}
