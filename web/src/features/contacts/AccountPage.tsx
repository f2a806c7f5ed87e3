import { Anchor, Breadcrumbs, Grid, Pagination, Group, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { useAccount, useContacts, useMemberNames } from './api.ts';
import { ContactsTable } from './ContactsTable.tsx';
import { CustomFields, FieldGrid, Section, Tags } from './Fields.tsx';
import { KindBadge } from './KindBadge.tsx';
import { AccountActions } from './edit/RecordActions.tsx';

const PAGE_SIZE = 25;

/** A counterparty (company) with its details and the people we know there. */
export function AccountPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const { projectId } = useProject();
  const [page, setPage] = useState(1);
  const account = useAccount(accountId);
  const contacts = useContacts({ accountId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const owners = useMemberNames();
  if (account.isPending) return <Loading />;
  if (account.isError) return <LoadError error={account.error} />;
  const a = account.data;
  const pages = contacts.data ? Math.ceil(contacts.data.total / PAGE_SIZE) : 1;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={projectPath(projectId, 'accounts')} size="sm">{t('accounts.title')}</Anchor>
        <Text size="sm">{a.name}</Text>
      </Breadcrumbs>
      <PageHeader title={a.name} testId="account-name" badge={<KindBadge kind={a.kind} />} description={t('accounts.subtitle')} actions={<AccountActions account={a} />} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Section title={t('accounts.contacts')}>
            {contacts.isPending && <Loading />}
            {contacts.isError && <LoadError error={contacts.error} />}
            {contacts.data?.items.length === 0 && <Empty title={t('accounts.noContacts')} icon={<IconUsers size={28} />} />}
            {contacts.data && contacts.data.items.length > 0 && <ContactsTable contacts={contacts.data.items} showAccount={false} />}
            {pages > 1 && <Group justify="flex-end" mt="md"><Pagination total={pages} value={page} onChange={setPage} size="sm" /></Group>}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Section title={t('contacts.details')}>
              <FieldGrid fields={[
                [t('contacts.owner'), a.ownerId ? owners.get(a.ownerId) ?? '…' : null],
                [t('contacts.city'), a.city],
                [t('contacts.region'), a.region],
                [t('contacts.timezone'), a.timezone],
                [t('contacts.externalId'), a.externalId],
              ]} />
            </Section>
            <Section title={t('contacts.tags')}><Tags tags={a.tags} /></Section>
            <Section title={t('contacts.custom')}><CustomFields custom={a.custom} /></Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
