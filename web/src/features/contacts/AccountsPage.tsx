import { Anchor, Button, Group, Pagination, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasRole, projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import type { Account, AccountKind } from './api.ts';
import { useAccounts, useMemberNames } from './api.ts';
import { AccountFormModal, KINDS } from './edit/AccountFormModal.tsx';
import { KindBadge } from './KindBadge.tsx';

const PAGE_SIZE = 25;

/** The project's companies: search by name, filter by kind (customer, supplier...), page through. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { projectId, role } = useProject();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const kind = (params.get('kind') as AccountKind | null) ?? null;
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const accounts = useAccounts({ q, kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const data = accounts.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={data ? t('contacts.count', { formatted: formatNumber(data.total) }) : t('accounts.listSubtitle')}
        actions={hasRole(role, 'supervisor') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('accountForm.new')}</Button>
        )}
      />
      <Paper p="md">
        <Group mb="md" gap="sm" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            size="md"
            placeholder={t('accounts.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => { setText(e.currentTarget.value); setPage(1); }}
            aria-label={t('accounts.search')}
          />
          <Select
            size="md"
            w={200}
            aria-label={t('accountForm.kind')}
            placeholder={t('accounts.allKinds')}
            data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={kind}
            onChange={(k) => { setParams(k ? { kind: k } : {}, { replace: true }); setPage(1); }}
            clearable
          />
        </Group>
        {accounts.isPending && <Loading />}
        {accounts.isError && <LoadError error={accounts.error} />}
        {data && data.items.length === 0 && <Empty title={q || kind ? t('accounts.noMatch') : t('accounts.empty')} icon={<IconBuilding size={28} />} />}
        {data && data.items.length > 0 && <AccountsTable accounts={data.items} />}
        {data && pages > 1 && (
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">{t('common.pageOf', { page, pages })}</Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" />
          </Group>
        )}
      </Paper>
      <AccountFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(a) => navigate(projectPath(projectId, 'accounts', a.id))} />
    </>
  );
}

function AccountsTable({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const owners = useMemberNames();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.name')}</Table.Th>
            <Table.Th>{t('accountForm.kind')}</Table.Th>
            <Table.Th>{t('contacts.city')}</Table.Th>
            <Table.Th>{t('contacts.owner')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td><Anchor component={Link} to={projectPath(projectId, 'accounts', a.id)} fw={600} size="sm">{a.name}</Anchor></Table.Td>
              <Table.Td><KindBadge kind={a.kind} /></Table.Td>
              <Table.Td><Text size="sm">{a.city ?? '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{a.ownerId ? owners.get(a.ownerId) ?? '…' : '—'}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
