import { Box, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { type InboxFilters, normalizeFilters } from '../../lib/saved-views.js';
import { type DataColumn, DataTable } from '../data-table.js';

/** One bar: its label, value and, when the inbox can list its cases, the inbox filter that does. */
export type ChartBar = { key: string; label: string; value: number; drill?: InboxFilters | undefined };

type ChartCardProps = {
  title: string;
  /** What the figure counts, in a sentence: shown under the title and read as the chart's description. */
  description: ReactNode;
  bars: ChartBar[];
  /** Columns over time; bars by category otherwise. */
  vertical?: boolean;
  unit?: string;
  format?: (value: number) => string;
};

/**
 * A bar chart with a table view of the same figures. The chart is a labelled list of bars, each a
 * link to the inbox filtered to its cases when it has one, so it works by keyboard and screen reader,
 * and its colours come from the theme, so it reads in light and dark alike.
 */
export function ChartCard({
  title,
  description,
  bars,
  vertical = false,
  unit = 'cases',
  format = (v) => v.toLocaleString(),
}: ChartCardProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const descriptionId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const columns: DataColumn<ChartBar>[] = [
    { key: 'label', header: vertical ? 'Period' : 'Group', rowHeader: true, cell: (b) => b.label },
    {
      key: 'value',
      header: unit[0]?.toUpperCase() + unit.slice(1),
      cell: (b) =>
        b.drill ? (
          <Link to="/cases" search={normalizeFilters(b.drill)}>
            {format(b.value)}
          </Link>
        ) : (
          format(b.value)
        ),
    },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5" id={titleId}>
              {title}
            </Title>
            <Text size="xs" c="dimmed" id={descriptionId}>
              {description}
            </Text>
          </div>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
            aria-label={`Show ${title} as`}
          />
        </Group>
        {bars.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing to count in this period.
          </Text>
        ) : view === 'table' ? (
          <DataTable columns={columns} rows={bars} rowKey={(b) => b.key} caption={title} framed={false} striped />
        ) : vertical ? (
          <Box
            component="ul"
            aria-label={title}
            aria-describedby={descriptionId}
            style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 140, listStyle: 'none', margin: 0, padding: 0 }}
          >
            {bars.map((b) => (
              <Box component="li" key={b.key} style={{ flex: 1, height: '100%', display: 'flex', alignItems: 'flex-end', minWidth: 3 }}>
                <Bar bar={b} unit={unit} format={format} style={{ width: '100%', height: `${(b.value / max) * 100}%`, minHeight: 2 }} />
              </Box>
            ))}
          </Box>
        ) : (
          <Stack
            component="ul"
            aria-label={title}
            aria-describedby={descriptionId}
            gap={4}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {bars.map((b) => (
              <Box component="li" key={b.key}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" w={130} truncate="end" title={b.label}>
                    {b.label}
                  </Text>
                  <Box style={{ flex: 1 }}>
                    <Bar bar={b} unit={unit} format={format} style={{ height: 18, width: `${Math.max(1, (b.value / max) * 100)}%` }} />
                  </Box>
                  <Text size="sm" fw={600} w={56} ta="right">
                    {format(b.value)}
                  </Text>
                </Group>
              </Box>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Bar({ bar, unit, format, style }: { bar: ChartBar; unit: string; format: (v: number) => string; style: CSSProperties }) {
  const name = `${bar.label}: ${format(bar.value)} ${unit}`;
  const look = { ...style, display: 'block', borderRadius: 3, background: 'var(--mantine-primary-color-filled)' };
  return (
    <Tooltip label={bar.drill ? `${name} — open in the inbox` : name} withinPortal>
      {bar.drill ? (
        <Link
          to="/cases"
          search={normalizeFilters(bar.drill)}
          aria-label={`${name}, open in the inbox`}
          data-testid="chart-bar"
          style={look}
        />
      ) : (
        <Box role="img" aria-label={name} style={look} />
      )}
    </Tooltip>
  );
}
