import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAction } from '../../components/IconAction.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';

/** One column: its header, optional width, and what a row shows in it. */
export interface Column<T> {
  label: string;
  width?: number;
  cell: (row: T) => ReactNode;
}

/** The destructive action at the end of every row, asked about in one shared dialog first. */
export interface RemoveAction<T> {
  label: string;
  icon: ReactNode;
  title: string;
  body: (row: T) => string;
  run: (row: T) => void;
}

/**
 * The layout the members and invitations lists share: a scrolling table of rows, each ending in a red
 * action that asks "are you sure?" before it runs.
 */
export function RemovableTable<T extends { id: string }>(props: {
  rows: T[];
  columns: Column<T>[];
  remove: RemoveAction<T>;
  minWidth: number;
  testId: string;
}) {
  const { modal, ask } = useConfirm();
  const { remove } = props;
  return (
    <>
      {modal}
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => <Table.Th key={c.label} w={c.width}>{c.label}</Table.Th>)}
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.id}>
                {props.columns.map((c) => <Table.Td key={c.label}>{c.cell(row)}</Table.Td>)}
                <Table.Td>
                  <IconAction label={remove.label} color="red" icon={remove.icon}
                    onClick={() => ask({ title: remove.title, body: remove.body(row), confirm: remove.label, onConfirm: () => remove.run(row) })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
