import { Alert, Button, Group, Modal, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { fieldOf, usePoolEdit, type Pool } from './api.ts';

type Form = Omit<Pool, 'id'>;
const empty: Form = { name: '', cities: [], regions: [], areaPrefixes: [], numbers: [], isDefault: false };

/** Creates (`pool` null) or edits a caller ID pool: where it is local, and the numbers it shows in turn. */
export function PoolFormModal({ pool, onClose }: { pool: Pool | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = usePoolEdit();
  const [f, setF] = useState<Form>(pool ? { ...pool } : empty);
  const bad = save.error ? fieldOf(save.error) : null;
  const err = (field: keyof Form) => (bad === field ? errorMessage(save.error) : undefined);
  const list = (field: 'cities' | 'regions' | 'areaPrefixes' | 'numbers') => ({
    value: f[field],
    onChange: (v: string[]) => setF({ ...f, [field]: v }),
    error: err(field),
    label: t(`numbers.pools.${field}`),
    description: t(`numbers.pools.${field}Hint`),
    splitChars: [',', ';', '\n'],
    clearable: true,
    comboboxProps: { withinPortal: false },
  });
  const submit = () => save.mutate({ id: pool?.id ?? null, body: { ...f, name: f.name.trim() } }, {
    onSuccess: () => { notifySuccess(t('numbers.saved')); onClose(); },
  });
  return (
    <Modal opened onClose={onClose} title={pool ? pool.name : t('numbers.pools.new')} size="lg" centered>
      <Stack gap="sm" data-testid="pool-form">
        <TextInput label={t('numbers.name')} required maxLength={100} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={err('name')} data-testid="pool-name" />
        <TagsInput {...list('numbers')} data-testid="pool-numbers" />
        <TagsInput {...list('cities')} data-testid="pool-cities" />
        <TagsInput {...list('regions')} />
        <TagsInput {...list('areaPrefixes')} />
        <Switch label={t('numbers.pools.isDefault')} description={t('numbers.pools.isDefaultHint')} checked={f.isDefault} onChange={(e) => setF({ ...f, isDefault: e.currentTarget.checked })} />
        {bad === 'form' && <Alert color="red" variant="light">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-pool">{t('numbers.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
