import { Badge } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCustomerProfile } from '../../api/customers.js';
import { THREAT_LABEL } from './customer-signals.js';

/**
 * The customer's warnings where a case is worked, before anyone answers them: they keep coming
 * back, they made threats, they were unhappy after a follow-up. Each opens the customer's page.
 */
export function CustomerSignalBadges({ customerId }: { customerId: string }) {
  const profile = useCustomerProfile(customerId);
  const signals = profile.data?.signals;
  if (!signals) return null;
  const badges: { key: string; label: string; title: string }[] = [];
  if (signals.cases.repeat)
    badges.push({
      key: 'repeat',
      label: `Comes back: ${signals.cases.recent} cases in ${signals.cases.windowDays} days`,
      title: `${signals.cases.total} cases in all`,
    });
  if (signals.threats.length > 0)
    badges.push({ key: 'threats', label: 'Has made threats', title: signals.threats.map((t) => THREAT_LABEL[t.kind]).join(', ') });
  if (signals.satisfaction.unhappy > 0)
    badges.push({ key: 'unhappy', label: 'Unhappy after a follow-up', title: `${signals.satisfaction.unhappy} unhappy answer(s)` });
  return badges.map((b) => (
    <Badge
      key={b.key}
      component={Link}
      to={`/customers/${customerId}`}
      color="orange"
      variant="light"
      size="md"
      title={b.title}
      style={{ cursor: 'pointer' }}
    >
      {b.label}
    </Badge>
  ));
}
