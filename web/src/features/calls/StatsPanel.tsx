import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import { useCallStats } from './api.ts';
import { DayBars } from './DayBars.tsx';
import { duration, money, percent } from './format.ts';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper p="md" withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
    </Paper>
  );
}

/** for a date range: calls, handled, missed share, talk time and cost, and the per-day chart. */
export function StatsPanel({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const stats = useCallStats({ from, to });
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <LoadError error={stats.error} />;
  const { totals, days, currency, timezone } = stats.data;
  return (
    <Paper p="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          <Figure label={t('calls.stats.calls')} value={formatNumber(totals.calls)} testId="stat-calls" />
          <Figure label={t('calls.stats.handled')} value={formatNumber(totals.handled)} testId="stat-handled" />
          <Figure label={t('calls.stats.missedShare')} value={percent(totals.missedShare)} testId="stat-missed-share" />
          <Figure label={t('calls.stats.talkTime')} value={duration(totals.talkSeconds)} testId="stat-talk" />
          <Figure label={t('calls.stats.cost')} value={money(totals.cost, currency)} testId="stat-cost" />
        </SimpleGrid>
        {totals.calls ? <DayBars days={days} /> : <Empty title={t('calls.stats.empty')} description={t('calls.stats.emptyHint')} />}
        <Text size="xs" c="dimmed">{t('calls.stats.timezone', { timezone })}</Text>
      </Stack>
    </Paper>
  );
}
