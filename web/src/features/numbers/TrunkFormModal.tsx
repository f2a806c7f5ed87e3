import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { fieldOf, useTrunkEdit, type Trunk, type TrunkInput } from './api.ts';

const INCREMENTS = ['60/60', '30/6', '1/1'];
const empty: TrunkInput = { name: '', priority: 10, enabled: true, maxLines: null, currency: 'CZK', firstIncrement: 60, nextIncrement: 60 };

/** Creates or edits a SIP trunk: its priority among equally cheap trunks, capacity, currency and billing increments. */
export function TrunkFormModal({ trunk, onClose }: { trunk: Trunk | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useTrunkEdit();
  const [f, setF] = useState<TrunkInput>(trunk ? { name: trunk.name, priority: trunk.priority, enabled: trunk.enabled, maxLines: trunk.maxLines, currency: trunk.currency, firstIncrement: trunk.firstIncrement, nextIncrement: trunk.nextIncrement } : empty);
  const bad = save.error ? fieldOf(save.error) : null;
  const err = (field: keyof TrunkInput) => (bad === field ? errorMessage(save.error) : undefined);
  const increment = `${f.firstIncrement}/${f.nextIncrement}`;
  const setIncrement = (v: string | null) => {
    const [a, b] = (v ?? '').split('/').map(Number);
    if (a && b) setF({ ...f, firstIncrement: a, nextIncrement: b });
  };
  const submit = () => save.mutate({ id: trunk?.id ?? null, body: { ...f, name: f.name.trim() } }, { onSuccess: () => { notifySuccess(t('numbers.saved')); onClose(); } });
  return (
    <Modal opened onClose={onClose} title={trunk ? trunk.name : t('numbers.trunks.new')} centered>
      <Stack gap="sm" data-testid="trunk-form">
        <TextInput label={t('numbers.name')} required maxLength={100} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={err('name')} data-testid="trunk-name" />
        <SimpleGrid cols={2} spacing="sm">
          <NumberInput label={t('numbers.trunks.priority')} description={t('numbers.trunks.priorityHint')} min={0} max={1000} value={f.priority} onChange={(v) => setF({ ...f, priority: Number(v) || 0 })} error={err('priority')} />
          <NumberInput label={t('numbers.trunks.maxLines')} description={t('numbers.trunks.maxLinesHint')} min={1} value={f.maxLines ?? ''} onChange={(v) => setF({ ...f, maxLines: v === '' ? null : Number(v) })} error={err('maxLines')} />
          <TextInput label={t('numbers.trunks.currency')} maxLength={3} value={f.currency} onChange={(e) => setF({ ...f, currency: e.currentTarget.value.toUpperCase() })} error={err('currency')} />
          <Select label={t('numbers.trunks.increment')} description={t('numbers.trunks.incrementHint')} value={increment} allowDeselect={false}
            data={INCREMENTS.includes(increment) ? INCREMENTS : [...INCREMENTS, increment]} onChange={setIncrement} comboboxProps={{ withinPortal: false }} />
        </SimpleGrid>
        <Switch label={t('numbers.trunks.enabled')} checked={f.enabled} onChange={(e) => setF({ ...f, enabled: e.currentTarget.checked })} />
        {bad === 'form' && <Alert color="red" variant="light">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-trunk">{t('numbers.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
