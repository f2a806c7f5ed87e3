import { Badge, Code, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import type { Delivery, DeliveryStatus } from './api.ts';

const COLOR: Record<DeliveryStatus, string> = { pending: 'gray', retrying: 'yellow', delivered: 'teal', failed: 'red' };

/** The last deliveries of one webhook: what was sent, how it went, when it is retried. */
export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="deliveries-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.when')}</Table.Th>
            <Table.Th>{t('webhooks.event')}</Table.Th>
            <Table.Th>{t('webhooks.status')}</Table.Th>
            <Table.Th>{t('webhooks.attempts')}</Table.Th>
            <Table.Th>{t('webhooks.response')}</Table.Th>
            <Table.Th>{t('webhooks.nextAttempt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td><Text size="sm">{formatDateTime(d.createdAt)}</Text></Table.Td>
              <Table.Td><Code>{d.eventType}</Code></Table.Td>
              <Table.Td><Badge color={COLOR[d.status]} variant="light">{t(`webhooks.statuses.${d.status}`)}</Badge></Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                <Tooltip label={d.lastError ?? ''} disabled={!d.lastError} multiline w={320}>
                  <Text size="sm" c={d.lastError ? 'red' : undefined} lineClamp={1} maw={240}>
                    {d.lastStatusCode ?? (d.lastError ? t('webhooks.noResponse') : '—')}
                    {d.lastError ? ` · ${d.lastError}` : ''}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
