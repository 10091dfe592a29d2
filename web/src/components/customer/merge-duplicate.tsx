import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMergeCustomer } from '../../api/customers.js';
import { useCustomers } from '../../api/directory.js';
import type { CustomerProfile } from '../../api/types.js';
import { FormProblem } from '../form-problem.js';

/**
 * Merging a duplicate record into this customer: look-alikes are offered first, any other customer
 * on file can be picked by name, and the merge says what it will do before it is done.
 */
export function MergeDuplicate({ customer }: { customer: CustomerProfile }) {
  const all = useCustomers();
  const merge = useMergeCustomer(customer.id);
  const [picked, setPicked] = useState<string | null>(null);
  const likely = new Set(customer.possibleDuplicates.map((d) => d.id));
  const options = [
    ...customer.possibleDuplicates.map((d) => ({ value: d.id, label: `${d.name} (looks the same)` })),
    ...(all.data ?? []).filter((c) => c.id !== customer.id && !likely.has(c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];
  const name = options.find((o) => o.value === picked)?.label.replace(/ \(looks the same\)$/, '');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="merge-heading">
      <Title order={2} size="h5" id="merge-heading" mb={4}>
        Merge a duplicate into this customer
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The duplicate’s cases move here, each with an entry on its timeline; its email and phone join this record; the duplicate is kept
        only as a pointer to this one.
      </Text>
      <Stack gap="xs">
        <Select
          label="Duplicate record"
          placeholder={customer.possibleDuplicates.length > 0 ? 'Pick one of the look-alikes or search by name' : 'Search by name'}
          data={options}
          value={picked}
          onChange={setPicked}
          searchable
          clearable
          nothingFoundMessage="No such customer"
        />
        <Group>
          <Button
            disabled={!picked}
            loading={merge.isPending}
            onClick={() => {
              if (picked) merge.mutate(picked, { onSuccess: () => setPicked(null) });
            }}
          >
            {name ? `Merge ${name} into ${customer.name}` : 'Merge'}
          </Button>
        </Group>
        <FormProblem error={merge.error} fields={[]} title="Nothing was merged" />
        {merge.isSuccess ? (
          <Text size="sm" c="teal.8" role="status">
            Merged. Their cases and contacts are on this record now.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
