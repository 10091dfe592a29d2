import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Group, Paper, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useId, useState } from 'react';
import { type InboxFilters, normalizeFilters } from '../../lib/saved-views.js';
import { type DataColumn, DataTable } from '../data-table.js';

/** One bar: its label, value and, when the inbox can list its cases, the inbox filter that does. */
export type ChartBar = { key: string; label: string; value: number; drill?: InboxFilters | undefined };

type ChartCardProps = {
  title: string;
  /** What the figure counts, in a sentence: shown under the title and read as the chart's description. */
  description: ReactNode;
  bars: ChartBar[];
  /**
   * `categories`: one horizontal bar per group; `columns`: one column per period; `line`: a level
   * over time (nothing to click: a day's backlog is not an inbox filter).
   */
  shape?: 'categories' | 'columns' | 'line';
  unit?: string;
  format?: (value: number) => string;
};

/**
 * A chart (@mantine/charts on recharts) with a table view of the same figures. A click on a bar
 * opens the inbox filtered to its cases; the table view has each figure as a link, for the keyboard
 * and screen readers, which also hear every figure in the chart's caption. Colours and text come
 * from the theme's variables, so the chart reads in light and dark alike.
 */
export function ChartCard({
  title,
  description,
  bars,
  shape = 'categories',
  unit = 'cases',
  format = (v) => v.toLocaleString(),
}: ChartCardProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const descriptionId = useId();
  const navigate = useNavigate();
  const columns: DataColumn<ChartBar>[] = [
    { key: 'label', header: shape === 'categories' ? 'Group' : 'Period', rowHeader: true, cell: (b) => b.label },
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
  const open = (index: number) => {
    const drill = bars[index]?.drill;
    if (drill) void navigate({ to: '/cases', search: normalizeFilters(drill) });
  };
  const drillable = bars.some((b) => b.drill);
  const data = bars.map((b) => ({ label: b.label, value: b.value }));
  const series = [{ name: 'value', label: unit[0]?.toUpperCase() + unit.slice(1), color: 'var(--mantine-primary-color-filled)' }];
  const common = {
    data,
    dataKey: 'label',
    series,
    valueFormatter: format,
    tooltipAnimationDuration: 0,
    textColor: 'var(--mantine-color-dimmed)',
  };
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
        ) : (
          <Box component="figure" m={0} aria-labelledby={titleId} aria-describedby={descriptionId} data-testid="chart" data-shape={shape}>
            <VisuallyHidden component="figcaption" data-testid="chart-figures">
              {bars.map((b) => `${b.label}: ${format(b.value)} ${unit}`).join('; ')}
            </VisuallyHidden>
            {shape === 'line' ? (
              <LineChart
                {...common}
                h={180}
                curveType="linear"
                withDots={bars.length <= 31}
                gridAxis="y"
                yAxisProps={{ allowDecimals: false }}
              />
            ) : (
              <BarChart
                {...common}
                h={shape === 'categories' ? Math.max(120, bars.length * 30 + 40) : 200}
                orientation={shape === 'categories' ? 'vertical' : 'horizontal'}
                gridAxis={shape === 'categories' ? 'x' : 'y'}
                // Counts are whole: no 0.75 on the value axis.
                xAxisProps={shape === 'categories' ? { allowDecimals: false } : {}}
                yAxisProps={shape === 'categories' ? { width: 120 } : { allowDecimals: false }}
                barProps={
                  drillable
                    ? { onClick: (_: unknown, index: number) => open(index), style: { cursor: 'pointer' }, className: 'drill-bar' }
                    : {}
                }
              />
            )}
            {drillable ? (
              <Text size="xs" c="dimmed" mt={4} aria-hidden="true">
                Click a bar to open its cases in the inbox.
              </Text>
            ) : null}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
