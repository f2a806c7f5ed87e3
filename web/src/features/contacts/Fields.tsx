import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A titled card of the contact or account page. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg">
      <Title order={5} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

/** Label above value pairs in a grid; empty values show a dash so the layout stays put. */
export function FieldGrid({ fields }: { fields: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
      {fields.map(([label, value]) => (
        <Stack gap={2} key={label}>
          <Text size="xs" c="dimmed" fw={500}>{label}</Text>
          <Text size="sm" component="div">{value || '—'}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (!tags.length) return <Text size="sm" c="dimmed">{t('contacts.noTags')}</Text>;
  return <Group gap={6}>{tags.map((tag) => <Badge key={tag} variant="light" color="indigo" tt="none">{tag}</Badge>)}</Group>;
}

/** The project's own fields (imported columns without a fixed meaning), as a key/value table. */
export function CustomFields({ custom }: { custom: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(custom);
  if (!entries.length) return <Text size="sm" c="dimmed">{t('contacts.noCustom')}</Text>;
  return (
    <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false}>
      <Table.Tbody>
        {entries.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td w="40%"><Text size="sm" c="dimmed">{k}</Text></Table.Td>
            <Table.Td><Text size="sm">{typeof v === 'string' ? v : JSON.stringify(v)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
