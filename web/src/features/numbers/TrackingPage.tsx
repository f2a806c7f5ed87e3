import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useProject } from '../../app/project.tsx';
import { IconAction } from '../../components/IconAction.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useTrackingEdit, useTrackingNumbers, type TrackingNumber } from './api.ts';
import { StatsTable } from './StatsTable.tsx';
import { TrackingFormModal } from './TrackingFormModal.tsx';

/** Call tracking: the marketing table per source, and the advertised numbers behind it (admins edit them, supervisors read). */
export function TrackingPage() {
  const { t } = useTranslation();
  const list = useTrackingNumbers();
  const { remove } = useTrackingEdit();
  const { modal, ask } = useConfirm();
  const [editing, setEditing] = useState<TrackingNumber | 'new' | null>(null);
  const admin = hasRole(useProject().role, 'admin');
  const items = list.data?.items ?? [];
  return (
    <>
      {modal}
      <PageHeader title={t('numbers.tracking.title')} description={t('numbers.tracking.subtitle')}
        actions={admin && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-tracking">{t('numbers.tracking.new')}</Button>} />
      <Stack gap="lg">
        <StatsTable />
        <Paper p="lg">
          <Title order={5} mb="md">{t('numbers.tracking.numbers')}</Title>
          <ListTable state={list} items={items} testId="tracking-list" minWidth={560}
            empty={{ title: t('numbers.tracking.empty'), description: t('numbers.tracking.emptyHint') }}
            headings={[t('numbers.tracking.number'), t('numbers.tracking.source'), t('numbers.tracking.campaign')]}
            row={(n) => (
              <Table.Tr key={n.id}>
                <Table.Td><Text ff="monospace" size="sm">{n.number}</Text></Table.Td>
                <Table.Td>{n.source}</Table.Td>
                <Table.Td>{n.campaign}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{admin && (<>
                  <IconAction label={t('numbers.edit')} icon={<IconPencil size={16} />} onClick={() => setEditing(n)} />
                  <IconAction label={t('numbers.delete')} color="red" icon={<IconTrash size={16} />}
                    onClick={() => ask({ title: t('numbers.deleteTitle', { name: n.number }), body: t('numbers.tracking.deleteBody'), confirm: t('numbers.delete'), onConfirm: () => remove.mutate(n.id) })} />
                </>)}</Table.Td>
              </Table.Tr>
            )} />
        </Paper>
      </Stack>
      {editing && <TrackingFormModal key={editing === 'new' ? 'new' : editing.id} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
