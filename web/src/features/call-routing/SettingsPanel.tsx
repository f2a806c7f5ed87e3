import { Alert, Button, Code, Divider, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { IconKey } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { hasRole, useProject } from '../../app/project.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { HoursEditor } from '../queues/HoursEditor.tsx';
import { ActionEditor } from './ActionEditor.tsx';
import { useSettingsActions, type CallGroup, type RoutingSettings, type SettingsPatch } from './api.ts';
import { cleanAction, fieldErrors, fullWeek } from './rules.ts';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/** The PBX token: only its prefix is ever shown again; rotating it shows the new one once and stops the old one at once. */
function PbxToken({ prefix }: { prefix: string | null }) {
  const { t } = useTranslation();
  const { rotateToken } = useSettingsActions();
  const { modal, ask } = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = () => ask({
    title: t('callRouting.rotateTitle'), body: t('callRouting.rotateBody'), confirm: t('callRouting.rotate'),
    onConfirm: () => rotateToken.mutate(undefined, { onSuccess: (r) => setSecret(r.token) }),
  });
  return (
    <Paper p="lg">
      {modal}
      <SecretModal title={t('callRouting.tokenCreated')} hint={t('callRouting.tokenHint')} secret={secret} onClose={() => setSecret(null)} />
      <Group justify="space-between">
        <div>
          <Title order={5}>{t('callRouting.pbxToken')}</Title>
          <Text size="sm" c="dimmed">{t('callRouting.pbxTokenHint')}</Text>
          <Text size="sm" mt={6} data-testid="pbx-token-prefix">{prefix ? <Code>{prefix}…</Code> : t('callRouting.noToken')}</Text>
        </div>
        <Button variant="light" color="orange" leftSection={<IconKey size={16} />} onClick={rotate} loading={rotateToken.isPending} data-testid="rotate-token">
          {prefix ? t('callRouting.rotate') : t('callRouting.createToken')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Time zone, holiday calendar, closed days and business hours that rules read; the fallback route; ring time. */
export function SettingsPanel({ settings, groups }: { settings: RoutingSettings; groups: CallGroup[] }) {
  const { t, i18n } = useTranslation();
  const { role } = useProject();
  const { save } = useSettingsActions();
  const [f, setF] = useState<SettingsPatch>(() => {
    const { pbxTokenPrefix: _, ...rest } = settings;
    return rest;
  });
  const set = (patch: SettingsPatch) => setF((o) => ({ ...o, ...patch }));
  const e = fieldErrors(save.error);
  const zoneList = useMemo(() => [...new Set([...zones(), settings.timezone])], [settings.timezone]);
  const submit = () => save.mutate(
    { ...f, holidayCountry: f.holidayCountry?.trim() || null, businessHours: fullWeek(f.businessHours), fallback: f.fallback && cleanAction(f.fallback) },
    { onSuccess: () => notifySuccess(t('callRouting.settingsSaved')) },
  );
  return (
    <Stack gap="lg">
      <Paper p="lg">
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
          <Stack gap="md" data-testid="routing-settings">
            <Title order={5}>{t('callRouting.calendar')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select label={t('callRouting.timezone')} data={zoneList} searchable allowDeselect={false} value={f.timezone} comboboxProps={{ withinPortal: false }}
                onChange={(v) => v && set({ timezone: v })} error={e.timezone} data-testid="settings-timezone" />
              <TextInput label={t('callRouting.holidayCountry')} description={t('callRouting.holidayCountryHint')} maxLength={2} value={f.holidayCountry ?? ''}
                onChange={(ev) => set({ holidayCountry: ev.currentTarget.value.toUpperCase() || null })} error={e.holidayCountry} data-testid="settings-country" />
              <DatePickerInput type="multiple" label={t('callRouting.closedDays')} description={t('callRouting.closedDaysHint')} value={f.closedDays ?? []} clearable
                onChange={(v) => set({ closedDays: [...v].sort() })} error={e.closedDays} valueFormat="DD MMM YYYY" popoverProps={{ withinPortal: false }} />
            </SimpleGrid>
            <Text size="sm" fw={500}>{t('callRouting.businessHours')}</Text>
            <HoursEditor value={f.businessHours ?? null} onChange={(businessHours) => set({ businessHours })} error={e.businessHours} />
            <Divider label={t('callRouting.fallbackSection')} labelPosition="left" />
            <Text size="sm" c="dimmed">{t('callRouting.fallbackHint')}</Text>
            {f.fallback && <ActionEditor value={f.fallback} onChange={(fallback) => set({ fallback })} groups={groups} errors={e} prefix="fallback" testId="settings-fallback" />}
            <NumberInput label={t('callRouting.ringSeconds')} description={t('callRouting.ringSecondsHint')} min={5} max={120} w={220} value={f.ringSeconds}
              onChange={(v) => set({ ringSeconds: Number(v) || 0 })} error={e.ringSeconds} data-testid="settings-ring" />
            {e.form && <Alert color="red" variant="light">{e.form}</Alert>}
            <Group justify="flex-end">
              <Button onClick={submit} loading={save.isPending} data-testid="save-settings">{t('callRouting.saveSettings')}</Button>
            </Group>
          </Stack>
        </DatesProvider>
      </Paper>
      {hasRole(role, 'admin') && <PbxToken prefix={settings.pbxTokenPrefix} />}
    </Stack>
  );
}
