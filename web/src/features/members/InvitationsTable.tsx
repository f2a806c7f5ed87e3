import { Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useMemberActions, type Invitation } from './api.ts';
import { RemovableTable } from './RemovableTable.tsx';

/** Invitations not yet accepted, with when they expire and a way to withdraw them. */
export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation();
  const { revoke } = useMemberActions();
  return (
    <RemovableTable rows={invitations} minWidth={520} testId="invitations-table"
      columns={[
        { label: t('login.email'), cell: (inv) => <Text size="sm">{inv.email}</Text> },
        { label: t('members.role'), cell: (inv) => <RoleBadge role={inv.role} /> },
        { label: t('members.expires'), cell: (inv) => <Text size="sm" c="dimmed">{formatDateTime(inv.expiresAt)}</Text> },
      ]}
      remove={{
        label: t('members.revoke'), icon: <IconTrash size={18} />, title: t('members.revokeTitle'),
        body: (inv) => t('members.revokeBody', { email: inv.email }), run: (inv) => revoke.mutate(inv.id),
      }} />
  );
}
