import '@mantine/dates/styles.css';
import 'dayjs/locale/cs';
import 'dayjs/locale/ru';
import 'dayjs/locale/tr';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { IconAlertTriangle, IconPhoneCalling } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { formatDateTime } from '../../components/format.ts';
import { useScheduleCallback, type Queue } from './api.ts';
import { dayBounds, earliestOpen, isClosedDay, isOpenAt, slots, toInstant, toPickerValue, zoneDiffers, type Calendar } from './hours.ts';

function calendarOf(queue: Queue | undefined): Calendar {
  return {
    timezone: queue?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    businessHours: queue?.settings.businessHours ?? null,
    closedDays: queue?.settings.closedDays ?? [],
  };
}

/** The server's refusal, with its suggested next opening as a one-click fix when it gave one. */
function ServerError({ error, onUse }: { error: unknown; onUse: (iso: string) => void }) {
  const { t } = useTranslation();
  const next = error instanceof ApiError ? (error.details as { nextOpen?: string | null } | undefined)?.nextOpen : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={error instanceof ApiError ? error.code : undefined} data-testid="callback-error">
      <Stack gap={6}>
        <Text size="sm">{errorMessage(error)}</Text>
        {next && (
          <Group gap="xs">
            <Text size="sm">{t('callback.nextOpen', { time: formatDateTime(next) })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => onUse(next)}>{t('callback.useTime')}</Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Schedules a callback in the queue's business hours: closed days are greyed out and the time list offers
 * open half-hours. Holidays are known only to the server; its refusal is shown with the next opening.
 */
export function CallbackForm({ taskId, queue }: { taskId: string; queue?: Queue }) {
  const { t, i18n } = useTranslation();
  const cal = calendarOf(queue);
  const schedule = useScheduleCallback();
  const [value, setValue] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const now = Date.now();
  const day = value?.slice(0, 10);
  const bounds = day ? dayBounds(cal, day) : null;
  const closedTime = value !== null && !isOpenAt(cal, value);
  const submit = () => {
    const at = value && toInstant(cal, value);
    if (at) schedule.mutate({ taskId, at, notes: notes.trim() || undefined }, { onSuccess: () => notifySuccess(t('callback.scheduled', { time: formatDateTime(at) })) });
  };
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Stack gap="sm" data-testid="callback-form">
        <DateTimePicker
          label={t('callback.when')}
          description={zoneDiffers(cal) ? t('callback.zoneHint', { zone: cal.timezone }) : undefined}
          placeholder={t('callback.pick')}
          value={value}
          onChange={(v) => { setValue(v); schedule.reset(); }}
          minDate={DateTime.fromMillis(now, { zone: cal.timezone }).toISODate()!}
          excludeDate={(d) => isClosedDay(cal, d, now)}
          valueFormat="DD MMM YYYY HH:mm"
          defaultTimeValue={earliestOpen(cal)}
          timePickerProps={{
            min: bounds?.min, max: bounds?.max, withDropdown: true, closeDropdownOnPresetSelect: true, presets: day ? slots(cal, day) : undefined, popoverProps: { withinPortal: false, position: 'right-end' },
            hoursInputLabel: t('callback.hours'), minutesInputLabel: t('callback.minutes'),
          }}
          submitButtonProps={{ 'aria-label': t('callback.confirm') }}
          clearable
          data-testid="callback-at"
        />
        {closedTime && <Text size="xs" c="orange.8">{t('callback.closedTime')}</Text>}
        <TextInput label={t('desktop.notes')} placeholder={t('callback.notesPlaceholder')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={5000} />
        {schedule.isError && <ServerError error={schedule.error} onUse={(iso) => { setValue(toPickerValue(cal, iso)); schedule.reset(); }} />}
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPhoneCalling size={16} />} disabled={!value} loading={schedule.isPending} onClick={submit} data-testid="schedule-callback">
            {t('callback.schedule')}
          </Button>
        </Group>
      </Stack>
    </DatesProvider>
  );
}
