import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconCurrencyDollar, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useTrunkEdit, useTrunks, type Trunk } from './api.ts';
import { PricesDrawer } from './PricesDrawer.tsx';
import { TrunkFormModal } from './TrunkFormModal.tsx';

/** Admin page: SIP trunks, cheapest first per destination with failover down the list, and their price lists. */
export function TrunksPage() {
  const { t } = useTranslation();
  const trunks = useTrunks();
  const { remove } = useTrunkEdit();
  const { modal, ask } = useConfirm();
  const [editing, setEditing] = useState<Trunk | 'new' | null>(null);
  const [pricing, setPricing] = useState<Trunk | null>(null);
  const items = trunks.data?.items ?? [];
  return (
    <>
      {modal}
      <PageHeader title={t('numbers.trunks.title')} description={t('numbers.trunks.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-trunk">{t('numbers.trunks.new')}</Button>} />
      <Paper p="lg">
        <ListTable state={trunks} items={items} testId="trunks-list"
          empty={{ title: t('numbers.trunks.empty'), description: t('numbers.trunks.emptyHint') }}
          headings={[t('numbers.name'), t('numbers.trunks.priority'), t('numbers.trunks.lines'), t('numbers.trunks.increment'), t('numbers.trunks.prices')]}
          row={(tr) => (
            <Table.Tr key={tr.id} data-trunk-row={tr.name}>
              <Table.Td>
                <Text fw={600} size="sm">{tr.name}</Text>
                {!tr.enabled && <Badge size="xs" color="gray">{t('numbers.trunks.disabled')}</Badge>}
              </Table.Td>
              <Table.Td>{tr.priority}</Table.Td>
              <Table.Td>{tr.linesInUse} / {tr.maxLines ?? '∞'}</Table.Td>
              <Table.Td>{tr.firstIncrement}/{tr.nextIncrement}</Table.Td>
              <Table.Td>{t('numbers.trunks.priceCount', { count: tr.prices, currency: tr.currency })}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <IconAction label={t('numbers.trunks.prices')} icon={<IconCurrencyDollar size={16} />} onClick={() => setPricing(tr)} testId={`prices-${tr.name}`} />
                <IconAction label={t('numbers.edit')} icon={<IconPencil size={16} />} onClick={() => setEditing(tr)} />
                <IconAction label={t('numbers.delete')} color="red" icon={<IconTrash size={16} />}
                  onClick={() => ask({ title: t('numbers.deleteTitle', { name: tr.name }), body: t('numbers.trunks.deleteBody'), confirm: t('numbers.delete'), onConfirm: () => remove.mutate(tr.id) })} />
              </Table.Td>
            </Table.Tr>
          )} />
      </Paper>
      {editing && <TrunkFormModal key={editing === 'new' ? 'new' : editing.id} trunk={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {pricing && <PricesDrawer trunk={pricing} onClose={() => setPricing(null)} />}
    </>
  );
}
