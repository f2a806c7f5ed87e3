import { Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useMemberActions, type Invitation } from './api.ts';
import { IconAction } from '../../components/IconAction.tsx';

/** Invitations not yet accepted, with when they expire and a way to withdraw them. */
export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation();
  const { revoke } = useMemberActions();
  const { modal, ask } = useConfirm();
  return (
    <>
      {modal}
      <Table.ScrollContainer minWidth={520}>
        <Table data-testid="invitations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('login.email')}</Table.Th>
              <Table.Th>{t('members.role')}</Table.Th>
              <Table.Th>{t('members.expires')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td><Text size="sm">{inv.email}</Text></Table.Td>
                <Table.Td><RoleBadge role={inv.role} /></Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{formatDateTime(inv.expiresAt)}</Text></Table.Td>
                <Table.Td>
                  <IconAction label={t('members.revoke')} color="red" icon={<IconTrash size={18} />}
                    onClick={() => ask({ title: t('members.revokeTitle'), body: t('members.revokeBody', { email: inv.email }), confirm: t('members.revoke'), onConfirm: () => revoke.mutate(inv.id) })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
