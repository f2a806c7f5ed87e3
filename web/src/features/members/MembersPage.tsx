import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useInvitations, useMembers } from './api.ts';
import { InviteForm } from './InviteForm.tsx';
import { InvitationsTable } from './InvitationsTable.tsx';
import { MembersTable } from './MembersTable.tsx';

/** Admin page: who is in the project, in which role, and who has been invited. */
export function MembersPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const invitations = useInvitations();
  const open = (invitations.data ?? []).filter((i) => !i.acceptedAt && new Date(i.expiresAt) > new Date());
  return (
    <>
      <PageHeader title={t('members.title')} description={t('members.subtitle')} />
      <Stack gap="lg" maw={1000}>
        <Paper p="lg">
          <Title order={5} mb={4}>{t('members.inviteTitle')}</Title>
          <Text size="sm" c="dimmed" mb="md">{t('members.inviteHint')}</Text>
          <InviteForm />
        </Paper>
        <Paper p="lg">
          <Title order={5} mb="sm">{t('members.listTitle')}</Title>
          {members.isPending && <Loading />}
          {members.isError && <LoadError error={members.error} />}
          {members.data && <MembersTable members={members.data} />}
        </Paper>
        <Paper p="lg">
          <Title order={5} mb="sm">{t('members.openInvitations')}</Title>
          {invitations.isPending && <Loading />}
          {invitations.isError && <LoadError error={invitations.error} />}
          {invitations.data && open.length === 0 && <Empty title={t('members.noInvitations')} icon={<IconMailOpened size={28} />} />}
          {open.length > 0 && <InvitationsTable invitations={open} />}
        </Paper>
      </Stack>
    </>
  );
}
