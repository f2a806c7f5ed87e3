import { Badge, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconKeyOff, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useApiKeyActions, useApiKeys, type ApiKey } from './api.ts';
import { CreateKeyForm } from './CreateKeyForm.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { IconAction } from '../../components/IconAction.tsx';

function KeyRow({ k, onRevoke }: { k: ApiKey; onRevoke: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr style={k.revokedAt ? { opacity: 0.55 } : undefined}>
      <Table.Td><Text size="sm" fw={600}>{k.name}</Text></Table.Td>
      <Table.Td><Code>{k.prefix}…</Code></Table.Td>
      <Table.Td><RoleBadge role={k.role} /></Table.Td>
      <Table.Td><Text size="sm" c="dimmed">{formatDateTime(k.createdAt)}</Text></Table.Td>
      <Table.Td><Text size="sm" c="dimmed">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('apiKeys.never')}</Text></Table.Td>
      <Table.Td>
        {k.revokedAt ? <Badge color="gray" variant="light">{t('apiKeys.revoked')}</Badge> : (
          <IconAction label={t('apiKeys.revoke')} color="red" icon={<IconKeyOff size={18} />} onClick={onRevoke} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Admin page: keys integrators send as `Authorization: Bearer sk_...`. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const { revoke } = useApiKeyActions();
  const { modal, ask } = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  const confirmRevoke = (k: ApiKey) =>
    ask({ title: t('apiKeys.revokeTitle'), body: t('apiKeys.revokeBody', { name: k.name }), confirm: t('apiKeys.revoke'), onConfirm: () => revoke.mutate(k.id) });
  return (
    <>
      {modal}
      <SecretModal title={t('apiKeys.createdTitle')} hint={t('apiKeys.createdHint')} secret={secret} onClose={() => setSecret(null)} />
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.subtitle')} />
      <Stack gap="lg" maw={1000}>
        <Paper p="lg">
          <Title order={5} mb="md">{t('apiKeys.newTitle')}</Title>
          <CreateKeyForm onCreated={setSecret} />
        </Paper>
        <Paper p="lg">
          {keys.isPending && <Loading />}
          {keys.isError && <LoadError error={keys.error} />}
          {keys.data?.length === 0 && <Empty title={t('apiKeys.empty')} description={t('apiKeys.emptyHint')} icon={<IconKey size={28} />} />}
          {keys.data && keys.data.length > 0 && (
            <Table.ScrollContainer minWidth={680}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('apiKeys.name')}</Table.Th>
                    <Table.Th>{t('apiKeys.key')}</Table.Th>
                    <Table.Th>{t('members.role')}</Table.Th>
                    <Table.Th>{t('apiKeys.created')}</Table.Th>
                    <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{keys.data.map((k) => <KeyRow key={k.id} k={k} onRevoke={() => confirmRevoke(k)} />)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}
