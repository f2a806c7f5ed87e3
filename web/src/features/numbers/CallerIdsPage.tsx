import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { usePoolEdit, usePools, type Pool } from './api.ts';
import { PoolFormModal } from './PoolFormModal.tsx';
import { PreviewCard } from './PreviewCard.tsx';

const Tags = ({ items, mono }: { items: string[]; mono?: boolean }) => (
  <Group gap={4}>{items.map((x) => <Badge key={x} size="sm" variant="light" color="gray" tt="none" ff={mono ? 'monospace' : undefined}>{x}</Badge>)}</Group>
);

/** Admin page: the project's outbound numbers per city/region; click-to-call picks the local one by itself. */
export function CallerIdsPage() {
  const { t } = useTranslation();
  const pools = usePools();
  const { remove } = usePoolEdit();
  const { modal, ask } = useConfirm();
  const [editing, setEditing] = useState<Pool | 'new' | null>(null);
  const items = pools.data?.items ?? [];
  return (
    <>
      {modal}
      <PageHeader title={t('numbers.pools.title')} description={t('numbers.pools.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-pool">{t('numbers.pools.new')}</Button>} />
      <Stack gap="lg">
        <PreviewCard />
        <Paper p="lg">
          <ListTable state={pools} items={items} testId="pools-list" minWidth={820}
            empty={{ title: t('numbers.pools.empty'), description: t('numbers.pools.emptyHint') }}
            headings={[t('numbers.name'), t('numbers.pools.numbers'), t('numbers.pools.cities'), t('numbers.pools.regions'), t('numbers.pools.areaPrefixes')]}
            row={(p) => (
              <Table.Tr key={p.id} data-pool-row={p.name}>
                <Table.Td>
                  <Text fw={600} size="sm">{p.name}</Text>
                  {p.isDefault && <Badge size="xs" variant="filled">{t('numbers.pools.default')}</Badge>}
                </Table.Td>
                <Table.Td><Tags items={p.numbers} mono /></Table.Td>
                <Table.Td><Tags items={p.cities} /></Table.Td>
                <Table.Td><Tags items={p.regions} /></Table.Td>
                <Table.Td><Tags items={p.areaPrefixes} mono /></Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <IconAction label={t('numbers.edit')} icon={<IconPencil size={16} />} onClick={() => setEditing(p)} testId={`edit-pool-${p.name}`} />
                  <IconAction label={t('numbers.delete')} color="red" icon={<IconTrash size={16} />}
                    onClick={() => ask({ title: t('numbers.deleteTitle', { name: p.name }), body: t('numbers.pools.deleteBody'), confirm: t('numbers.delete'), onConfirm: () => remove.mutate(p.id) })} />
                </Table.Td>
              </Table.Tr>
            )} />
        </Paper>
      </Stack>
      {editing && <PoolFormModal key={editing === 'new' ? 'new' : editing.id} pool={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
