import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import type { Role } from '../../app/auth.tsx';
import { useMemberActions } from './api.ts';

export const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/** E-mail and role; the invited person gets a link to set their own password. */
export function InviteForm() {
  const { t } = useTranslation();
  const { invite } = useMemberActions();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate({ email: email.trim(), role }, {
      onSuccess: () => { notifySuccess(t('members.invited', { email: email.trim() })); setEmail(''); },
    });
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('login.email')} type="email" required placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <Select label={t('members.role')} data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} w={170} />
        <Button type="submit" loading={invite.isPending} leftSection={<IconMailPlus size={16} />}>{t('members.invite')}</Button>
      </Group>
    </form>
  );
}
