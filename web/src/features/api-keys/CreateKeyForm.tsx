import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/auth.tsx';
import { ROLES } from '../members/InviteForm.tsx';
import { useApiKeyActions } from './api.ts';

/** Name and role of a new key; `onCreated` receives the full key to show once. */
export function CreateKeyForm({ onCreated }: { onCreated: (key: string) => void }) {
  const { t } = useTranslation();
  const { create } = useApiKeyActions();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('admin');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), role }, { onSuccess: (k) => { onCreated(k.key); setName(''); } });
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('apiKeys.name')} placeholder={t('apiKeys.namePlaceholder')} required value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <Select label={t('members.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} w={170} />
        <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} />}>{t('apiKeys.create')}</Button>
      </Group>
    </form>
  );
}
