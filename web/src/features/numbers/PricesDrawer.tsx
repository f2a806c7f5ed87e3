import { Alert, Button, Drawer, FileButton, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { rowErrors, usePrices, useUploadPrices, type Trunk } from './api.ts';

/** A trunk's price list, longest prefix winning, and the CSV upload that replaces it (refused whole with each bad row named). */
export function PricesDrawer({ trunk, onClose }: { trunk: Trunk; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const prices = usePrices(trunk.id);
  const upload = useUploadPrices(trunk.id);
  const errors = rowErrors(upload.error);
  const num = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 6 });
  const send = (file: File | null) => file && upload.mutate(file, { onSuccess: (r) => notifySuccess(t('numbers.trunks.uploaded', { count: r.prices })) });
  const items = prices.data?.items ?? [];
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('numbers.trunks.pricesOf', { name: trunk.name })}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('numbers.trunks.csvHint')}</Text>
        <Group>
          <FileButton onChange={send} accept=".csv,text/csv,text/plain">
            {(props) => <Button {...props} leftSection={<IconUpload size={16} />} loading={upload.isPending} data-testid="upload-prices">{t('numbers.trunks.upload')}</Button>}
          </FileButton>
        </Group>
        {upload.isError && (
          <Alert color="red" variant="light" title={errorMessage(upload.error)} data-testid="price-errors">
            <List size="sm">{errors.slice(0, 20).map((e) => <List.Item key={`${e.line}-${e.field}`}>{t('numbers.trunks.rowError', { line: e.line, field: e.field, message: e.message })}</List.Item>)}</List>
          </Alert>
        )}
        {prices.isPending ? <Loading /> : prices.isError ? <LoadError error={prices.error} /> : !items.length ? (
          <Empty title={t('numbers.trunks.noPrices')} />
        ) : (
          <Table verticalSpacing={4} data-testid="price-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('numbers.trunks.prefix')}</Table.Th>
                <Table.Th>{t('numbers.trunks.description')}</Table.Th>
                <Table.Th ta="right">{t('numbers.trunks.rate', { currency: trunk.currency })}</Table.Th>
                <Table.Th ta="right">{t('numbers.trunks.fee', { currency: trunk.currency })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.prefix}>
                  <Table.Td ff="monospace">{p.prefix}</Table.Td>
                  <Table.Td>{p.description}</Table.Td>
                  <Table.Td ta="right">{num(p.ratePerMinute)}</Table.Td>
                  <Table.Td ta="right">{num(p.connectionFee)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Drawer>
  );
}
