import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '../../api/dashboard.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * When conflicts happen: a weekday × hour table (local time) whose cells are shaded by count. A
 * table is its own text view, so screen readers read the counts cell by cell.
 */
export function Heatmap({ cells, timeZone }: { cells: Dashboard['heatmap']; timeZone: string }) {
  const count = new Map(cells.map((c) => [`${c.weekday}|${c.hour}`, c.count]));
  const max = Math.max(1, ...cells.map((c) => c.count));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="When conflicts happen">
      <Title order={3} size="h5">
        When conflicts happen
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Cases reported by weekday and hour, in {timeZone} time.
      </Text>
      <ScrollArea type="auto">
        <Table withTableBorder={false} verticalSpacing={2} horizontalSpacing={2} fz="xs">
          <Table.Caption>Cases by weekday and hour of reporting</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Day</Table.Th>
              {HOURS.map((h) => (
                <Table.Th key={h} scope="col" ta="center">
                  {String(h).padStart(2, '0')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {WEEKDAYS.map((day, i) => (
              <Table.Tr key={day}>
                <Table.Th scope="row">{day}</Table.Th>
                {HOURS.map((h) => {
                  const n = count.get(`${i + 1}|${h}`) ?? 0;
                  return (
                    <Table.Td
                      key={h}
                      ta="center"
                      style={{
                        background: n
                          ? `color-mix(in srgb, var(--mantine-primary-color-filled) ${Math.round(10 + (n / max) * 30)}%, transparent)`
                          : undefined,
                      }}
                    >
                      {n || ''}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
