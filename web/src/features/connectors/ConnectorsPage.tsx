import { Badge, Button, Code, Paper, Table, Text } from '@mantine/core';
import { IconFlask, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useConnectorEdit, useConnectors, type Connector } from './api.ts';
import { ConnectorModal } from './ConnectorModal.tsx';
import { TestModal } from './TestModal.tsx';

/** Back-office sources of the caller card: where each is fetched, how fast it must be, how it shows. */
export function ConnectorsPage() {
  const { t } = useTranslation();
  const list = useConnectors();
  const { remove } = useConnectorEdit();
  const { modal, ask } = useConfirm();
  const [editing, setEditing] = useState<Connector | 'new' | null>(null);
  const [testing, setTesting] = useState<Connector | null>(null);
  const items = list.data ?? [];
  return (
    <>
      {modal}
      <PageHeader title={t('connectors.title')} description={t('connectors.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-connector">{t('connectors.new')}</Button>} />
      <Paper p="lg">
        <ListTable state={list} items={items} testId="connector-list"
          empty={{ title: t('connectors.empty'), description: t('connectors.emptyHint') }}
          headings={[t('connectors.name'), t('connectors.url'), t('connectors.deadline'), t('connectors.cache'), t('connectors.display')]}
          row={(c) => (
            <Table.Tr key={c.id} opacity={c.enabled ? 1 : 0.5}>
              <Table.Td><Text fw={500}>{c.name}</Text>{!c.enabled && <Badge size="xs" color="gray">{t('connectors.disabled')}</Badge>}</Table.Td>
              <Table.Td maw={380}><Code style={{ wordBreak: 'break-all' }}>{c.urlTemplate}</Code>{c.authHeader && <Text size="xs" c="dimmed">{c.authHeader}: ••••</Text>}</Table.Td>
              <Table.Td>{c.deadlineMs} ms</Table.Td>
              <Table.Td>{c.cacheTtlSeconds ? `${c.cacheTtlSeconds} s` : '—'}</Table.Td>
              <Table.Td>{t(`connectors.displays.${c.display}`)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <IconAction label={t('connectors.test')} icon={<IconFlask size={16} />} onClick={() => setTesting(c)} />
                <IconAction label={t('connectors.edit')} icon={<IconPencil size={16} />} onClick={() => setEditing(c)} />
                <IconAction label={t('connectors.delete')} color="red" icon={<IconTrash size={16} />}
                  onClick={() => ask({ title: t('connectors.deleteTitle', { name: c.name }), body: t('connectors.deleteBody'), confirm: t('connectors.delete'), onConfirm: () => remove.mutate(c.id) })} />
              </Table.Td>
            </Table.Tr>
          )} />
      </Paper>
      {editing && <ConnectorModal key={editing === 'new' ? 'new' : editing.id} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {testing && <TestModal connector={testing} onClose={() => setTesting(null)} />}
    </>
  );
}
