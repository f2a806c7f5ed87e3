import { ActionIcon, Checkbox, Group, Stack, Text } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WeekHours } from './api.ts';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
type Day = (typeof DAYS)[number];
const WORKDAY: [string, string] = ['08:00', '17:00'];

/** Monday to Friday 08:00-17:00: what "business hours on" starts from. */
export const OFFICE_HOURS: WeekHours = Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, [WORKDAY]]));

/**
 * Opening intervals per ISO weekday (1 = Monday). `null` means always open; a weekday without intervals is
 * closed. Times are HH:mm (24-hour pickers, whatever the browser's locale) in the project's time zone, as the
 * routing API takes them.
 */
export function HoursEditor({ value, onChange, error }: { value: WeekHours | null; onChange: (v: WeekHours | null) => void; error?: string }) {
  const { t } = useTranslation();
  const setDay = (d: Day, spans: [string, string][]) => onChange({ ...value, [d]: spans });
  return (
    <Stack gap={6} data-testid="business-hours">
      <Checkbox label={t('queues.alwaysOpen')} checked={value === null} onChange={(e) => onChange(e.currentTarget.checked ? null : OFFICE_HOURS)} data-testid="always-open" />
      {value && DAYS.map((d) => {
        const spans = value[d] ?? [];
        return (
          <Group key={d} gap="sm" align="center" wrap="nowrap">
            <Text size="sm" w={110}>{t(`queues.weekdays.${d}`)}</Text>
            {!spans.length && <Text size="sm" c="dimmed">{t('queues.closed')}</Text>}
            {spans.map(([a, b], i) => (
              <Group key={i} gap={4} wrap="nowrap">
                <TimePicker format="24h" size="xs" w={80} value={a} aria-label={t('queues.opens')}
                  onChange={(v) => v && setDay(d, spans.map((s, j) => (j === i ? [v.slice(0, 5), s[1]] : s)))} />
                <Text size="sm">–</Text>
                <TimePicker format="24h" size="xs" w={80} value={b} aria-label={t('queues.closes')}
                  onChange={(v) => v && setDay(d, spans.map((s, j) => (j === i ? [s[0], v.slice(0, 5)] : s)))} />
                <ActionIcon variant="subtle" color="red" size="sm" onClick={() => setDay(d, spans.filter((_, j) => j !== i))} aria-label={t('queues.removeInterval')}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {spans.length < 6 && (
              <ActionIcon variant="subtle" size="sm" onClick={() => setDay(d, [...spans, WORKDAY])} aria-label={t('queues.addInterval')}>
                <IconPlus size={14} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}
