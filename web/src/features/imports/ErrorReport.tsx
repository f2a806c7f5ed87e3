import { Code, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowError } from './api.ts';

/** Every rejected row with the field and the reason, so the file can be fixed and imported again. */
export function ErrorReport({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <>
      <Title order={5} mt="lg" mb="xs">{t('import.errorsTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('import.errorsHint')}</Text>
      <Table.ScrollContainer minWidth={480} mah={420}>
        <Table striped data-testid="import-errors" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('import.row')}</Table.Th>
              <Table.Th w={180}>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.field ?? ''}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.field ? <Code>{e.field}</Code> : '—'}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
