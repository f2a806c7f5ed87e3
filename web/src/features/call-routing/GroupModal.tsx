import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { useMembers } from '../contacts/api.ts';
import { useGroupActions, type CallGroup } from './api.ts';
import { fieldErrors, moveItem } from './rules.ts';

/**
 * Creates or edits a call group (a department): its name and the people rung in this order. Anyone of the
 * project can be a member; people without an extension are skipped when the group rings.
 */
export function GroupModal({ group, onClose }: { group: CallGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useGroupActions();
  const people = useMembers().data ?? [];
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<string[]>(group?.members ?? []);
  const e = fieldErrors(save.error);
  const nameOf = (id: string) => { const m = people.find((p) => p.id === id); return m ? m.name || m.email : id; };
  const addable = people.filter((p) => !members.includes(p.id)).map((p) => ({ value: p.id, label: p.name || p.email }));
  const submit = () => save.mutate({ id: group?.id ?? null, body: { name: name.trim(), members } }, {
    onSuccess: (g) => { notifySuccess(t('callRouting.groupSaved', { name: g.name })); onClose(); },
  });
  return (
    <Modal opened onClose={onClose} centered size="lg" title={<Text fw={600}>{group ? t('callRouting.editGroupTitle', { name: group.name }) : t('callRouting.newGroupTitle')}</Text>}>
      <Stack gap="md" data-testid="group-form">
        <TextInput label={t('callRouting.groupName')} required value={name} maxLength={120} onChange={(ev) => setName(ev.currentTarget.value)} error={e.name} data-testid="group-name" />
        <div>
          <Text size="sm" fw={500}>{t('callRouting.ringOrder')}</Text>
          <Text size="xs" c="dimmed" mb={6}>{t('callRouting.ringOrderHint')}</Text>
          <Stack gap={4} data-testid="group-members">
            {members.map((id, i) => (
              <Group key={id} gap="xs" wrap="nowrap" data-member={nameOf(id)}>
                <Text size="sm" c="dimmed" w={24}>{i + 1}.</Text>
                <Text size="sm" style={{ flex: 1 }}>{nameOf(id)}</Text>
                <ActionIcon variant="subtle" disabled={i === 0} onClick={() => setMembers(moveItem(members, i, -1))} aria-label={t('callRouting.moveUp')}><IconArrowUp size={14} /></ActionIcon>
                <ActionIcon variant="subtle" disabled={i === members.length - 1} onClick={() => setMembers(moveItem(members, i, 1))} aria-label={t('callRouting.moveDown')}><IconArrowDown size={14} /></ActionIcon>
                <ActionIcon variant="subtle" color="red" onClick={() => setMembers(members.filter((m) => m !== id))} aria-label={t('callRouting.removeMember')}><IconX size={14} /></ActionIcon>
              </Group>
            ))}
            {members.length === 0 && <Text size="sm" c="dimmed">{t('callRouting.noMembers')}</Text>}
          </Stack>
          <Select mt="sm" placeholder={t('callRouting.addMember')} data={addable} value={null} searchable comboboxProps={{ withinPortal: false }}
            onChange={(v) => v && setMembers([...members, v])} error={e.members} data-testid="group-add-member" />
        </div>
        {e.form && <Alert color="red" variant="light">{e.form}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-group">{t('callRouting.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
