import { NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome, type RetryRule } from './api.ts';

const num = (v: number | string) => (v === '' ? 0 : Math.round(Number(v)));

/** Per call outcome (busy, no answer, machine, failed, abandoned): wait before the next attempt and the most attempts. */
export function RetryEditor({ value, onChange, error }: { value: Record<Outcome, RetryRule>; onChange: (v: Record<Outcome, RetryRule>) => void; error?: string }) {
  const { t } = useTranslation();
  const set = (o: Outcome, patch: Partial<RetryRule>) => onChange({ ...value, [o]: { ...value[o], ...patch } });
  return (
    <>
      <Table data-testid="campaign-retry" verticalSpacing={4} withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.retryOutcome')}</Table.Th>
            <Table.Th>{t('campaigns.retryDelay')}</Table.Th>
            <Table.Th>{t('campaigns.retryMax')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {OUTCOMES.map((o) => (
            <Table.Tr key={o}>
              <Table.Td><Text size="sm">{t(`campaigns.outcome.${o}`)}</Text></Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={0} max={86400} value={value[o].delayMinutes} aria-label={`${t(`campaigns.outcome.${o}`)}: ${t('campaigns.retryDelay')}`}
                  onChange={(v) => set(o, { delayMinutes: num(v) })} data-testid={`retry-${o}-delay`} />
              </Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} max={100} value={value[o].maxAttempts} aria-label={`${t(`campaigns.outcome.${o}`)}: ${t('campaigns.retryMax')}`}
                  onChange={(v) => set(o, { maxAttempts: num(v) })} data-testid={`retry-${o}-max`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && <Text size="xs" c="red">{error}</Text>}
    </>
  );
}
