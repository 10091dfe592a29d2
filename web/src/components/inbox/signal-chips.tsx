import { Chip, Group, Text } from '@mantine/core';
import { CUSTOMER_SIGNALS, type CustomerSignal, type InboxFilters } from '../../lib/saved-views.js';

const SIGNAL_LABEL: Record<CustomerSignal, string> = {
  repeatCustomer: 'Comes back',
  threat: 'Threat made',
  abuseFlagged: 'Abuse flag',
};

type SignalChipsProps = { filters: InboxFilters; onChange: (next: InboxFilters) => void };

/** The filters by what is known of the customer, as toggles. */
export function SignalChips({ filters, onChange }: SignalChipsProps) {
  return (
    <Group gap={6} align="flex-end" role="group" aria-labelledby="signal-filters-label">
      <Text size="xs" fw={500} id="signal-filters-label" w="100%">
        Customer
      </Text>
      {CUSTOMER_SIGNALS.map((signal) => (
        <Chip
          key={signal}
          size="xs"
          checked={filters[signal] === true}
          onChange={(on) => onChange({ ...filters, [signal]: on || undefined })}
        >
          {SIGNAL_LABEL[signal]}
        </Chip>
      ))}
    </Group>
  );
}
