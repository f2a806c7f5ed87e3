import { Alert, Button, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { DEFAULT_SETTINGS, useSaveQueue, type QueueFull, type QueueSettings } from './api.ts';
import { queueErrors } from './errors.ts';
import { HoursEditor } from './HoursEditor.tsx';

interface Form { name: string; vertical: string; taskType: string; settings: QueueSettings }

const toForm = (q: QueueFull | null): Form => ({
  name: q?.name ?? '', vertical: q?.vertical ?? '', taskType: q?.taskType ?? '', settings: structuredClone(q?.settings ?? DEFAULT_SETTINGS),
});
const n = (v: number | string) => (v === '' ? 0 : Number(v));

/**
 * Creates a queue (`queue` null) or edits one: every setting the routing API accepts, with the server's defaults.
 * Mount it with a `key` per queue so each opening starts from that queue's settings.
 */
export function QueueFormModal({ opened, queue, onClose }: { opened: boolean; queue: QueueFull | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveQueue();
  const [f, setF] = useState<Form>(toForm(queue));
  const s = f.settings;
  const set = (patch: Partial<QueueSettings>) => setF((o) => ({ ...o, settings: { ...o.settings, ...patch } }));
  const weight = (k: keyof QueueSettings['weights']) => (v: number | string) => set({ weights: { ...s.weights, [k]: n(v) } });
  const e = queueErrors(save.error);
  const submit = () => save.mutate({ id: queue?.id ?? null, body: {
    name: f.name, vertical: f.vertical.trim() || undefined, taskType: f.taskType.trim() || undefined,
    settings: { ...s, holidayCountry: s.holidayCountry?.trim() || null },
  } }, { onSuccess: (q) => { notifySuccess(t(queue ? 'queues.saved' : 'queues.created', { name: q.name })); onClose(); } });
  return (
    <Modal opened={opened} onClose={onClose} title={queue ? t('queues.editTitle', { name: queue.name }) : t('queues.newTitle')} size="xl" centered>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Stack gap="md" data-testid="queue-form">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('queues.name')} required value={f.name} onChange={(ev) => setF({ ...f, name: ev.currentTarget.value })} error={e.name} maxLength={100} data-testid="queue-name" />
            <TextInput label={t('queues.vertical')} value={f.vertical} onChange={(ev) => setF({ ...f, vertical: ev.currentTarget.value })} error={e.vertical} maxLength={100} />
            <TextInput label={t('queues.taskType')} value={f.taskType} onChange={(ev) => setF({ ...f, taskType: ev.currentTarget.value })} error={e.taskType} maxLength={100} />
          </SimpleGrid>
          <Divider label={t('queues.priority')} labelPosition="left" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NumberInput label={t('queues.wValue')} description={t('queues.wValueHint')} min={0} value={s.weights.value} onChange={weight('value')} error={e.weights} />
            <NumberInput label={t('queues.wAge')} description={t('queues.wAgeHint')} min={0} value={s.weights.agePerMinute} onChange={weight('agePerMinute')} />
            <NumberInput label={t('queues.wSla')} description={t('queues.wSlaHint')} min={0} value={s.weights.sla} onChange={weight('sla')} />
            <NumberInput label={t('queues.wFit')} description={t('queues.wFitHint')} min={0} value={s.weights.fit} onChange={weight('fit')} />
            <NumberInput label={t('queues.slaMinutes')} min={1} value={s.slaSeconds / 60} onChange={(v) => set({ slaSeconds: Math.round(n(v) * 60) })} error={e.slaSeconds} data-testid="queue-sla" />
            <NumberInput label={t('queues.rampMinutes')} description={t('queues.rampHint')} min={1} value={s.slaRampSeconds / 60} onChange={(v) => set({ slaRampSeconds: Math.round(n(v) * 60) })} error={e.slaRampSeconds} />
          </SimpleGrid>
          <Divider label={t('queues.offers')} labelPosition="left" />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <NumberInput label={t('queues.offerTimeout')} min={1} max={600} value={s.offerTimeoutSeconds} onChange={(v) => set({ offerTimeoutSeconds: n(v) })} error={e.offerTimeoutSeconds} data-testid="queue-offer-timeout" />
            <NumberInput label={t('queues.wrapUp')} min={0} max={3600} value={s.wrapUpSeconds} onChange={(v) => set({ wrapUpSeconds: n(v) })} error={e.wrapUpSeconds} />
            <Select label={t('queues.missedOffer')} value={s.missedOfferState} allowDeselect={false} comboboxProps={{ withinPortal: false }}
              data={(['break', 'available', 'offline'] as const).map((v) => ({ value: v, label: t(`presence.states.${v}`) }))}
              onChange={(v) => v && set({ missedOfferState: v as QueueSettings['missedOfferState'] })} />
            <NumberInput label={t('queues.ownerFallback')} description={t('queues.ownerFallbackHint')} min={0} value={s.ownerFallbackSeconds / 60}
              onChange={(v) => set({ ownerFallbackSeconds: Math.round(n(v) * 60) })} error={e.ownerFallbackSeconds} disabled={!s.ownerStickiness} />
          </SimpleGrid>
          <Group gap="xl">
            <Switch label={t('queues.autoAccept')} checked={s.autoAccept} onChange={(ev) => set({ autoAccept: ev.currentTarget.checked })} data-testid="queue-auto-accept" />
            <Switch label={t('queues.ownerStickiness')} checked={s.ownerStickiness} onChange={(ev) => set({ ownerStickiness: ev.currentTarget.checked })} />
          </Group>
          <Divider label={t('queues.hours')} labelPosition="left" />
          <HoursEditor value={s.businessHours} onChange={(businessHours) => set({ businessHours })} error={e.businessHours} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('queues.holidayCountry')} description={t('queues.holidayCountryHint')} maxLength={2} value={s.holidayCountry ?? ''}
              onChange={(ev) => set({ holidayCountry: ev.currentTarget.value.toUpperCase() || null })} error={e.holidayCountry} data-testid="queue-holidays" />
            <DatePickerInput type="multiple" label={t('queues.closedDays')} description={t('queues.closedDaysHint')} value={s.closedDays} clearable
              onChange={(v) => set({ closedDays: [...v].sort() })} error={e.closedDays} valueFormat="DD MMM YYYY" popoverProps={{ withinPortal: false }} />
          </SimpleGrid>
          {e.form && <Alert color="red" variant="light" data-testid="queue-form-error">{errorMessage(save.error)}</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={submit} loading={save.isPending} data-testid="save-queue">{queue ? t('queues.save') : t('queues.create')}</Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}
