import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { Queue } from './api.ts';
import { openRanges } from './hours.ts';
import { formatDuration } from './time.ts';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="sm" fw={500} ta="right">{value}</Text>
    </Group>
  );
}

/** The task's queue at a glance: today's hours (where callbacks may land), SLA, wrap-up and offer time. */
export function QueueInfo({ queue, now }: { queue: Queue; now: number }) {
  const { t } = useTranslation();
  const cal = { timezone: queue.timezone, businessHours: queue.settings.businessHours, closedDays: queue.settings.closedDays };
  const today = DateTime.fromMillis(now, { zone: queue.timezone }).toISODate()!;
  const ranges = openRanges(cal, today);
  const hours = !queue.settings.businessHours ? t('queueInfo.alwaysOpen') : ranges.length ? ranges.map(([a, b]) => `${a}–${b}`).join(', ') : t('queueInfo.closedToday');
  return (
    <Paper p="lg" data-testid="queue-info">
      <Title order={5} mb="sm">{queue.name}</Title>
      <Stack gap={6}>
        <Row label={t('queueInfo.hoursToday')} value={hours} />
        <Row label={t('queueInfo.sla')} value={formatDuration(queue.settings.slaSeconds)} />
        <Row label={t('queueInfo.wrapUp')} value={formatDuration(queue.settings.wrapUpSeconds)} />
        <Row label={t('queueInfo.offer')} value={queue.settings.autoAccept ? t('queueInfo.autoAccept') : formatDuration(queue.settings.offerTimeoutSeconds)} />
      </Stack>
    </Paper>
  );
}
