import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { fieldOf, useTrackingEdit, type TrackingNumber } from './api.ts';

/** Adds or edits an advertised number and the source/campaign it stands for. */
export function TrackingFormModal({ item, onClose }: { item: TrackingNumber | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useTrackingEdit();
  const [f, setF] = useState({ number: item?.number ?? '', source: item?.source ?? '', campaign: item?.campaign ?? '' });
  const bad = save.error ? fieldOf(save.error) : null;
  const err = (field: string) => (bad === field ? errorMessage(save.error) : undefined);
  const submit = () => save.mutate({ id: item?.id ?? null, body: f }, { onSuccess: () => { notifySuccess(t('numbers.saved')); onClose(); } });
  return (
    <Modal opened onClose={onClose} title={item ? item.number : t('numbers.tracking.new')} centered>
      <Stack gap="sm" data-testid="tracking-form">
        <TextInput label={t('numbers.tracking.number')} required placeholder="+420 234 100 001" value={f.number} onChange={(e) => setF({ ...f, number: e.currentTarget.value })} error={err('number')} data-testid="tracking-number" />
        <TextInput label={t('numbers.tracking.source')} description={t('numbers.tracking.sourceHint')} required maxLength={100} value={f.source} onChange={(e) => setF({ ...f, source: e.currentTarget.value })} error={err('source')} data-testid="tracking-source" />
        <TextInput label={t('numbers.tracking.campaign')} maxLength={100} value={f.campaign} onChange={(e) => setF({ ...f, campaign: e.currentTarget.value })} error={err('campaign')} />
        {bad === 'form' && <Alert color="red" variant="light">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-tracking">{t('numbers.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
