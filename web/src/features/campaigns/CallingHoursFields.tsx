import { SimpleGrid, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useTranslation } from 'react-i18next';
import { HoursEditor } from '../queues/HoursEditor.tsx';
import type { CallingHours } from './api.ts';
import { ALL_DAY, isAllDay } from './form.ts';

/**
 * When leads may be called, in each lead's own time zone: opening ranges per weekday (the queues' editor;
 * "always open" is every day all day), public holidays of a country and extra closed days.
 */
export function CallingHoursFields({ value, onChange, error }: { value: CallingHours; onChange: (v: CallingHours) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <HoursEditor value={isAllDay(value.days) ? null : value.days} onChange={(days) => onChange({ ...value, days: days ?? ALL_DAY })} error={error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
        <TextInput label={t('campaigns.holidayCountry')} description={t('campaigns.holidayCountryHint')} maxLength={2}
          value={value.holidayCountry ?? ''} onChange={(e) => onChange({ ...value, holidayCountry: e.currentTarget.value.toUpperCase() || null })}
          data-testid="campaign-holidays" />
        <DatePickerInput type="multiple" label={t('campaigns.closedDays')} value={value.closedDays} clearable valueFormat="DD MMM YYYY"
          onChange={(v) => onChange({ ...value, closedDays: [...v].sort() })} popoverProps={{ withinPortal: false }} />
      </SimpleGrid>
    </DatesProvider>
  );
}
