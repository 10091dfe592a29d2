import { Paper, Table, type TableProps, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One column of a DataTable: its header and how a row fills its cell. */
export type DataColumn<T> = {
  key: string;
  /** The column's header; when no column has one, the table has no header row. */
  header?: ReactNode;
  width?: number;
  cell: (row: T, index: number) => ReactNode;
  /** Mantine props for the cell (weight, alignment, colour), fixed or per row. */
  cellProps?: TableTdProps | ((row: T) => TableTdProps);
  /** The cell names its row (`<th scope="row">`), as a person's name does in a report. */
  rowHeader?: boolean;
};

type DataTableProps<T> = Omit<TableProps, 'children' | 'onClick'> & {
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** A mouse shortcut for the whole row; keep a link or button in the row for the keyboard. */
  onRowClick?: (row: T) => void;
  caption?: ReactNode;
  rowTestId?: string;
  /** In a bordered card that scrolls sideways on narrow screens (the default), or bare inside a form. */
  framed?: boolean;
};

/** A table of records from column definitions, with its empty state. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  empty,
  onRowClick,
  caption,
  rowTestId,
  framed = true,
  ...tableProps
}: DataTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const table = (
    <Table {...tableProps}>
      {caption ? <Table.Caption>{caption}</Table.Caption> : null}
      {columns.some((c) => c.header !== undefined) ? (
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" w={c.width}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
      ) : null}
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr
            key={rowKey(row)}
            data-testid={rowTestId}
            onClick={onRowClick ? () => onRowClick(row) : undefined}
            style={onRowClick ? { cursor: 'pointer' } : undefined}
          >
            {columns.map((c) => (
              <DataCell key={c.key} column={c} row={row} index={i} />
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (!framed) return table;
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      {table}
    </Paper>
  );
}

function DataCell<T>({ column, row, index }: { column: DataColumn<T>; row: T; index: number }) {
  const content = column.cell(row, index);
  if (column.rowHeader) return <Table.Th scope="row">{content}</Table.Th>;
  const props = typeof column.cellProps === 'function' ? column.cellProps(row) : column.cellProps;
  return <Table.Td {...props}>{content}</Table.Td>;
}
