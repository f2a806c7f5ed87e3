import { NavLink, Stack, Text } from '@mantine/core';
import { IconAddressBook, IconBuilding, IconFileImport, IconHeadset, IconKey, IconLayoutDashboard, IconRoute, IconStack2, IconUsers, IconWebhook, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { hasRole, projectPath, useProject } from './project.tsx';
import { numbersNav } from '../features/numbers/routes.tsx';
import { campaignsNav } from '../features/campaigns/routes.tsx';
import { connectorsNav } from '../features/connectors/routes.tsx';
import { telephonyNav } from '../features/telephony/routes.tsx';
import { callsNav } from '../features/calls/routes.tsx';
import type { Role } from './auth.tsx';

interface Item {
  path: string;
  label: string;
  icon: Icon;
  min: Role;
  /** Other path prefixes that belong to this item (a contact page highlights "Contacts"). */
  also?: string[];
  /** Shown to this role only (the desktop is for agents; supervisors are not routed tasks). */
  only?: Role;
}

const WORK: Item[] = [
  { path: 'desktop', label: 'nav.desktop', icon: IconHeadset, min: 'agent', only: 'agent' },
  { path: 'supervisor', label: 'nav.supervisor', icon: IconLayoutDashboard, min: 'supervisor' },
  callsNav,
  { path: 'queues', label: 'nav.queues', icon: IconStack2, min: 'supervisor' },
  { path: 'call-routing', label: 'callRouting.nav', icon: IconRoute, min: 'supervisor' },
  { path: 'contacts', label: 'nav.contacts', icon: IconAddressBook, min: 'agent' },
  { path: 'accounts', label: 'nav.accounts', icon: IconBuilding, min: 'agent' },
  { path: 'import', label: 'nav.import', icon: IconFileImport, min: 'supervisor' },
  campaignsNav,
];
const ADMIN: Item[] = [
  { path: 'members', label: 'nav.members', icon: IconUsers, min: 'admin' },
  { path: 'api-keys', label: 'nav.apiKeys', icon: IconKey, min: 'admin' },
  { path: 'webhooks', label: 'nav.webhooks', icon: IconWebhook, min: 'admin' },
  ...numbersNav,
  ...connectorsNav,
  ...telephonyNav,
];

/** The sidebar; pages above the person's role are left out (the server refuses them anyway). */
export function Nav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { projectId, role } = useProject();
  const { pathname } = useLocation();
  const render = (item: Item) => {
    const base = projectPath(projectId, '');
    const active = [item.path, ...(item.also ?? [])].some((p) => pathname.startsWith(base + p));
    return (
      <NavLink
        key={item.path}
        component={Link}
        to={projectPath(projectId, item.path)}
        label={t(item.label)}
        leftSection={<item.icon size={18} stroke={1.6} />}
        active={active}
        onClick={onNavigate}
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
    );
  };
  const admin = ADMIN.filter((i) => hasRole(role, i.min));
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4}>{t('nav.work')}</Text>
      {WORK.filter((i) => hasRole(role, i.min) && (!i.only || i.only === role)).map(render)}
      {admin.length > 0 && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>{t('nav.admin')}</Text>
          {admin.map(render)}
        </>
      )}
    </Stack>
  );
}
