import '@mantine/dates/styles.css';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { useQueueList } from '../queues/api.ts';
import { useAgents } from '../supervisor/api.ts';
import { fieldErrors, useCreateTask } from './api.ts';
import { EMPTY, placeErrors, toBody, type Form } from './form.ts';
import { DetailRows, PhoneRows, SkillRows } from './Rows.tsx';

/** Creates one task by hand (R-01 from the UI): every field of the API, with the server's errors next to their fields. */
export function NewTaskModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queues = useQueueList();
  const agents = useAgents();
  const create = useCreateTask();
  const [f, setF] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<Form>) => setF((old) => ({ ...old, ...patch }));
  const close = () => { setF(EMPTY); setErrors({}); create.reset(); onClose(); };
  const submit = () => {
    if (!f.queueId) { setErrors({ queueId: t('tasks.queueRequired') }); return; }
    const { body, phoneRows } = toBody(f);
    setErrors({});
    create.mutate(body, {
      onSuccess: () => { notifySuccess(t('tasks.created')); close(); },
      onError: (err) => setErrors(placeErrors(fieldErrors(err, body.phones ?? []), phoneRows)),
    });
  };
  const phoneFallback = errors.phones;
  return (
    <Modal opened={opened} onClose={close} title={t('tasks.newTitle')} size="lg" centered>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Stack gap="md" data-testid="new-task-form">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('tasks.queue')} required data={(queues.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }))} value={f.queueId}
              onChange={(v) => set({ queueId: v })} error={errors.queueId} data-testid="task-queue" comboboxProps={{ withinPortal: false }} />
            <TextInput label={t('tasks.title')} value={f.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} maxLength={500} data-testid="task-title-input" />
            <NumberInput label={t('tasks.value')} min={0} allowNegative={false} thousandSeparator=" " value={f.value} onChange={(v) => set({ value: v })} error={errors.value} data-testid="task-value" />
            <Select label={t('tasks.owner')} description={t('tasks.ownerHint')} placeholder={t('tasks.anyAgent')} clearable data={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={f.ownerAgentId} onChange={(v) => set({ ownerAgentId: v })} error={errors.ownerAgentId} comboboxProps={{ withinPortal: false }} />
            <DateTimePicker label={t('tasks.dueAt')} description={t('tasks.dueAtHint')} value={f.dueAt} onChange={(v) => set({ dueAt: v })} placeholder={t('tasks.pickTime')} clearable valueFormat="DD MMM YYYY HH:mm" error={errors.dueAt} popoverProps={{ withinPortal: false }} />
            <DateTimePicker label={t('tasks.scheduledAt')} description={t('tasks.scheduledAtHint')} value={f.scheduledAt} onChange={(v) => set({ scheduledAt: v })} placeholder={t('tasks.pickTime')} clearable valueFormat="DD MMM YYYY HH:mm" error={errors.scheduledAt} popoverProps={{ withinPortal: false }} />
            <NumberInput label={t('tasks.ttl')} description={t('tasks.ttlHint')} min={0} decimalScale={2} allowNegative={false} value={f.ttlHours} onChange={(v) => set({ ttlHours: v })} error={errors.ttlSeconds} />
          </SimpleGrid>
          <PhoneRows rows={f.phones} onChange={(phones) => set({ phones })} errors={errors} />
          {phoneFallback && <Alert color="red" variant="light" py={6}>{phoneFallback}</Alert>}
          <SkillRows rows={f.skills} onChange={(skills) => set({ skills })} error={errors.requiredSkills} />
          <DetailRows rows={f.details} onChange={(details) => set({ details })} error={errors.details} />
          {errors.form && <Alert color="red" variant="light" data-testid="task-form-error">{errors.form}</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button onClick={submit} loading={create.isPending} data-testid="create-task">{t('tasks.create')}</Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}
