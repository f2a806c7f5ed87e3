import { Avatar, Group, Select, Table, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, type Role } from '../../app/auth.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useMemberActions, type Member } from './api.ts';
import { ROLES } from './InviteForm.tsx';
import { IconAction } from '../../components/IconAction.tsx';

/** People of the project with an inline role switch and removal. */
export function MembersTable({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { changeRole, remove } = useMemberActions();
  const { modal, ask } = useConfirm();
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <>
    {modal}
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.person')}</Table.Th>
            <Table.Th w={180}>{t('members.role')}</Table.Th>
            <Table.Th>{t('members.joined')}</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar radius="xl" size={32} color="indigo">{(m.name || m.email)[0]?.toUpperCase()}</Avatar>
                  <div>
                    <Text size="sm" fw={600}>{m.name}{m.id === me?.id && <Text span c="dimmed" size="xs"> ({t('members.you')})</Text>}</Text>
                    <Text size="xs" c="dimmed">{m.email}</Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Select size="xs" data={roles} value={m.role} allowDeselect={false} aria-label={t('members.role')}
                  onChange={(v) => v && v !== m.role && changeRole.mutate({ userId: m.id, role: v as Role })} />
              </Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{formatDateTime(m.joinedAt)}</Text></Table.Td>
              <Table.Td>
                <IconAction label={t('members.remove')} color="red" icon={<IconUserMinus size={18} />}
                  onClick={() => ask({ title: t('members.removeTitle'), body: t('members.removeBody', { name: m.name }), confirm: t('members.remove'), onConfirm: () => remove.mutate(m.id) })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
    </>
  );
}
