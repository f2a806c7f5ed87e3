import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notifyError } from '../api/notify.ts';
import { LANGUAGES } from '../i18n/index.ts';
import { useAuth } from './auth.tsx';
import { useProject } from './project.tsx';

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
}

/** Avatar menu: who is signed in, role, language switch and sign-out. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const { me, logout, setLocale } = useAuth();
  const { role } = useProject();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Menu position="bottom-end" width={230} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>{initials(me.name || me.email)}</Avatar>
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600} visibleFrom="sm">{me.name}</Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">{t(`roles.${role}`)}</Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Divider />
        <Menu.Label><Group gap={6}><IconLanguage size={14} />{t('shell.language')}</Group></Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l.code}
            onClick={() => setLocale(l.code).catch(notifyError)}
            rightSection={i18n.language === l.code ? <IconCheck size={14} /> : null}
          >
            {l.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout().then(() => navigate('/login'))}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
