import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import type { Contact } from './api.ts';
import { KindBadge } from './KindBadge.tsx';
import { formatPhone } from './phone.ts';

/** Contacts as rows: name (link), first phone, account with kind, city, tags. */
export function ContactsTable({ contacts, showAccount = true }: { contacts: Contact[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="contacts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('contacts.phone')}</Table.Th>
            {showAccount && <Table.Th>{t('contacts.account')}</Table.Th>}
            <Table.Th>{t('contacts.city')}</Table.Th>
            <Table.Th>{t('contacts.tags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={projectPath(projectId, 'contacts', c.id)} fw={600} size="sm">{c.name}</Anchor>
                {c.emails[0] && <Text size="xs" c="dimmed">{c.emails[0]}</Text>}
              </Table.Td>
              <Table.Td><Text size="sm" ff="monospace">{c.phones[0] ? formatPhone(c.phones[0].number) : '—'}</Text></Table.Td>
              {showAccount && (
                <Table.Td>
                  {c.account ? (
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={projectPath(projectId, 'accounts', c.account.id)} size="sm">{c.account.name}</Anchor>
                      <KindBadge kind={c.account.kind} />
                    </Group>
                  ) : <Text size="sm" c="dimmed">—</Text>}
                </Table.Td>
              )}
              <Table.Td><Text size="sm">{c.city ?? '—'}</Text></Table.Td>
              <Table.Td>
                <Group gap={4}>{c.tags.map((tag) => <Badge key={tag} size="sm" variant="light" color="indigo" tt="none">{tag}</Badge>)}</Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
