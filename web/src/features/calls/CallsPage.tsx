import { Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { CallFilters } from './api.ts';
import { CallsTable } from './CallsTable.tsx';
import { dayOffset } from './format.ts';
import { StatsPanel } from './StatsPanel.tsx';

/** Supervisors' call report: figures and a chart for a date range, then every call in it with its recording. */
export function CallsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CallFilters>({ from: dayOffset(29), to: dayOffset(0), direction: '', outcome: '', agentId: '', offset: 0 });
  const range = (patch: Partial<CallFilters>) => setFilters({ ...filters, ...patch, offset: 0 });
  const valid = filters.from && filters.to && filters.from <= filters.to;
  return (
    <>
      <PageHeader title={t('calls.title')} description={t('calls.subtitle')}
        actions={(
          <Group gap="sm" align="flex-end">
            <TextInput type="date" label={t('calls.from')} value={filters.from} onChange={(e) => range({ from: e.currentTarget.value })} data-testid="calls-from" />
            <TextInput type="date" label={t('calls.to')} value={filters.to} onChange={(e) => range({ to: e.currentTarget.value })} data-testid="calls-to"
              error={valid ? undefined : t('calls.badRange')} />
          </Group>
        )} />
      {valid && (
        <Stack gap="lg">
          <StatsPanel from={filters.from} to={filters.to} />
          <CallsTable filters={filters} onChange={setFilters} />
        </Stack>
      )}
    </>
  );
}
