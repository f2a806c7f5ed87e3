import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../app/auth.tsx';

const COLOR: Record<Role, string> = { admin: 'grape', supervisor: 'blue', agent: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={COLOR[role]}>{t(`roles.${role}`)}</Badge>;
}
