import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { Empty } from '../../components/States.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useMemberNames } from '../contacts/api.ts';
import { useGroupActions, type CallGroup } from './api.ts';
import { GroupModal } from './GroupModal.tsx';

/** Call groups (departments) with their members in ring order; a group still used by a rule cannot be deleted (the server says which). */
export function GroupsPanel({ groups }: { groups: CallGroup[] }) {
  const { t } = useTranslation();
  const names = useMemberNames();
  const { remove } = useGroupActions();
  const { modal, ask } = useConfirm();
  const [editing, setEditing] = useState<CallGroup | 'new' | null>(null);
  const confirmDelete = (g: CallGroup) => ask({
    title: t('callRouting.deleteGroupTitle'), body: t('callRouting.deleteGroupBody', { name: g.name }), confirm: t('callRouting.delete'), onConfirm: () => remove.mutate(g.id),
  });
  return (
    <>
      {modal}
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={5}>{t('callRouting.groups')}</Title>
          <Text size="sm" c="dimmed">{t('callRouting.groupsHint')}</Text>
        </div>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-group">{t('callRouting.newGroup')}</Button>
      </Group>
      {groups.length === 0 ? <Empty title={t('callRouting.noGroups')} description={t('callRouting.groupsHint')} /> : (
        <Table data-testid="groups-list" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('callRouting.groupName')}</Table.Th>
              <Table.Th>{t('callRouting.ringOrder')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.id} data-group={g.name}>
                <Table.Td><Text size="sm" fw={600}>{g.name}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {g.members.length ? g.members.map((m, i) => <Badge key={m} variant="light" color="gray" tt="none">{i + 1}. {names.get(m) ?? m}</Badge>)
                      : <Text size="sm" c="dimmed">{t('callRouting.noMembers')}</Text>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <IconAction label={t('callRouting.editGroup')} icon={<IconPencil size={16} />} onClick={() => setEditing(g)} testId="edit-group" />
                    <IconAction label={t('callRouting.delete')} color="red" icon={<IconTrash size={16} />} onClick={() => confirmDelete(g)} testId="delete-group" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <GroupModal key={editing === 'new' ? 'new' : editing.id} group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
