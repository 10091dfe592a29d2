import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '../../api/dashboard.js';

type Compared = Dashboard['headline']['cases'];

/** Minutes as "45 min", "3.5 h" or "2.1 days". */
export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 90) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${Math.round((minutes / 1440) * 10) / 10} days`;
}
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
const plain = (n: number | null) => (n === null ? '—' : n.toLocaleString());

type Figure = {
  key: keyof Dashboard['headline'];
  label: string;
  format: (n: number | null) => string /** Whether a rise is good news. */;
  upIsGood: boolean;
};

const FIGURES: Figure[] = [
  { key: 'cases', label: 'Cases reported', format: plain, upIsGood: false },
  { key: 'acknowledgeMedian', label: 'Median time to acknowledge', format: duration, upIsGood: false },
  { key: 'resolveMedian', label: 'Median time to resolve', format: duration, upIsGood: false },
  { key: 'resolveP90', label: '90th percentile to resolve', format: duration, upIsGood: false },
  { key: 'breachRate', label: 'Deadline breach rate', format: percent, upIsGood: false },
  { key: 'customerSatisfaction', label: 'Customer satisfaction (of 5)', format: plain, upIsGood: true },
  { key: 'employeeSupported', label: 'Employees felt supported (of 5)', format: plain, upIsGood: true },
  { key: 'keptOnTimeRate', label: 'Promises kept on time', format: percent, upIsGood: true },
  { key: 'repeatCustomers', label: 'Repeat customers', format: plain, upIsGood: false },
  { key: 'threats', label: 'Reputational threats', format: plain, upIsGood: false },
];

function change(figure: Figure, c: Compared): { text: string; color: string } {
  if (c.change === null || c.previous === null) return { text: 'no figure for the previous period', color: 'dimmed' };
  if (c.change === 0) return { text: `same as before (${figure.format(c.previous)})`, color: 'dimmed' };
  const better = c.change > 0 === figure.upIsGood;
  return { text: `${c.change > 0 ? 'up' : 'down'} from ${figure.format(c.previous)}`, color: better ? 'teal' : 'red' };
}

/** The headline figures, each beside the previous period's. */
export function Headline({ headline }: { headline: Dashboard['headline'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="section" aria-label="Headline figures">
      {FIGURES.map((f) => {
        const c = headline[f.key];
        const delta = change(f, c);
        return (
          <Paper key={f.key} withBorder radius="md" p="sm" data-testid={`headline-${f.key}`}>
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text size="xl" fw={700}>
              {f.format(c.current)}
            </Text>
            <Text size="xs" c={delta.color}>
              {delta.text}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
