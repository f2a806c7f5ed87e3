import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Empty, LoadError, Loading } from './States.tsx';

/** What the table needs to know of the query behind it. */
export interface ListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * The table of a settings list page (numbers, trunks, connectors): a spinner while loading, the error,
 * "nothing here yet" without rows, else the headings (plus a blank one over the row buttons) and a row
 * per item. `row` renders one `<Table.Tr>`.
 */
export function ListTable<T>({ state, items, empty, headings, row, testId, minWidth = 720 }: {
  state: ListState;
  items: T[];
  empty: { title: string; description?: string };
  headings: string[];
  row: (item: T) => ReactNode;
  testId?: string;
  minWidth?: number;
}) {
  if (state.isPending) return <Loading />;
  if (state.isError) return <LoadError error={state.error} />;
  if (!items.length) return <Empty title={empty.title} description={empty.description} />;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headings.map((h) => <Table.Th key={h}>{h}</Table.Th>)}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((item) => row(item))}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
