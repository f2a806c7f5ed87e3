import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayStats } from './api.ts';
import { percent } from './format.ts';

const HEIGHT = 140;

/** Calls per day as columns: handled at the bottom, missed on top, the rest in between. */
export function DayBars({ days }: { days: DayStats[] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...days.map((d) => d.calls));
  const label = (day: string) => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const every = Math.max(1, Math.ceil(days.length / 15));
  return (
    <Stack gap={4} data-testid="calls-chart">
      <Group gap={2} align="flex-end" wrap="nowrap" h={HEIGHT} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        {days.map((d) => {
          const other = d.calls - d.handled - d.missed;
          const h = (n: number) => (n / max) * HEIGHT;
          return (
            <Tooltip key={d.day} withArrow label={t('calls.chart.tooltip', { day: label(d.day), calls: d.calls, handled: d.handled, missed: d.missed, share: percent(d.missedShare) })}>
              <Stack gap={0} justify="flex-end" h={HEIGHT} style={{ flex: 1, minWidth: 4 }}>
                <Box h={h(d.missed)} bg="red.5" />
                <Box h={h(Math.max(0, other))} bg="gray.4" />
                <Box h={h(d.handled)} bg="teal.6" />
              </Stack>
            </Tooltip>
          );
        })}
      </Group>
      <Group gap={2} wrap="nowrap">
        {days.map((d, i) => (
          <Text key={d.day} size="xs" c="dimmed" ta="center" style={{ flex: 1, minWidth: 4, overflow: 'hidden' }}>{i % every === 0 ? label(d.day) : ''}</Text>
        ))}
      </Group>
      <Group gap="md">
        {([['teal.6', 'handled'], ['red.5', 'missed'], ['gray.4', 'other']] as const).map(([color, key]) => (
          <Group key={key} gap={6}><Box w={10} h={10} bg={color} style={{ borderRadius: 2 }} /><Text size="xs" c="dimmed">{t(`calls.chart.${key}`)}</Text></Group>
        ))}
      </Group>
    </Stack>
  );
}
