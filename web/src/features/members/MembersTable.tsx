import { Avatar, Group, Select, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth, type Role } from '../../app/auth.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useMemberActions, type Member } from './api.ts';
import { ROLES } from './InviteForm.tsx';
import { RemovableTable } from './RemovableTable.tsx';

/** People of the project with an inline role switch and removal. */
export function MembersTable({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { changeRole, remove } = useMemberActions();
  const roles = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  return (
    <RemovableTable rows={members} minWidth={560} testId="members-table"
      columns={[
        {
          label: t('members.person'),
          cell: (m) => (
            <Group gap="sm" wrap="nowrap">
              <Avatar radius="xl" size={32} color="indigo">{(m.name || m.email)[0]?.toUpperCase()}</Avatar>
              <div>
                <Text size="sm" fw={600}>{m.name}{m.id === me?.id && <Text span c="dimmed" size="xs"> ({t('members.you')})</Text>}</Text>
                <Text size="xs" c="dimmed">{m.email}</Text>
              </div>
            </Group>
          ),
        },
        {
          label: t('members.role'), width: 180,
          cell: (m) => (
            <Select size="xs" data={roles} value={m.role} allowDeselect={false} aria-label={t('members.role')}
              onChange={(v) => v && v !== m.role && changeRole.mutate({ userId: m.id, role: v as Role })} />
          ),
        },
        { label: t('members.joined'), cell: (m) => <Text size="sm" c="dimmed">{formatDateTime(m.joinedAt)}</Text> },
      ]}
      remove={{
        label: t('members.remove'), icon: <IconUserMinus size={18} />, title: t('members.removeTitle'),
        body: (m) => t('members.removeBody', { name: m.name }), run: (m) => remove.mutate(m.id),
      }} />
  );
}
