import { Alert, Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../api/notify.ts';
import { PLACEHOLDERS, useConnectorEdit, type Connector, type ConnectorInput, type Display } from './api.ts';

/** Adds or edits a connector; the auth value can be replaced or removed but never read back. */
export function ConnectorModal({ item, onClose }: { item: Connector | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useConnectorEdit();
  const [f, setF] = useState<ConnectorInput>({
    name: item?.name ?? '',
    urlTemplate: item?.urlTemplate ?? 'https://',
    authHeader: item?.authHeader ?? null,
    deadlineMs: item?.deadlineMs ?? 1500,
    cacheTtlSeconds: item?.cacheTtlSeconds ?? 0,
    enabled: item?.enabled ?? true,
    display: item?.display ?? 'fields',
    position: item?.position ?? 0,
  });
  const [secret, setSecret] = useState('');
  const [clearSecret, setClearSecret] = useState(false);
  const submit = () => {
    const body: Partial<ConnectorInput> = { ...f, authHeader: f.authHeader?.trim() || null };
    if (secret) body.authValue = secret;
    else if (clearSecret) body.authValue = null;
    save.mutate({ id: item?.id ?? null, body }, { onSuccess: () => { notifySuccess(t('connectors.saved')); onClose(); } });
  };
  return (
    <Modal opened onClose={onClose} title={item ? item.name : t('connectors.new')} size="lg" centered>
      <Stack gap="sm" data-testid="connector-form">
        <TextInput label={t('connectors.name')} required maxLength={100} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} data-testid="connector-name" />
        <TextInput label={t('connectors.url')} required value={f.urlTemplate} onChange={(e) => setF({ ...f, urlTemplate: e.currentTarget.value })} data-testid="connector-url"
          description={t('connectors.urlHint', { placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })} />
        <Group grow>
          <TextInput label={t('connectors.authHeader')} placeholder="Authorization" value={f.authHeader ?? ''} onChange={(e) => setF({ ...f, authHeader: e.currentTarget.value })} />
          <PasswordInput label={t('connectors.authValue')} placeholder={item?.hasAuthValue ? t('connectors.secretKept') : ''} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} />
        </Group>
        {item?.hasAuthValue && <Switch size="xs" label={t('connectors.removeSecret')} checked={clearSecret} onChange={(e) => setClearSecret(e.currentTarget.checked)} />}
        <Group grow>
          <NumberInput label={t('connectors.deadline')} description={t('connectors.deadlineHint')} min={50} max={10000} step={100} suffix=" ms" value={f.deadlineMs} onChange={(v) => setF({ ...f, deadlineMs: Number(v) || 1500 })} />
          <NumberInput label={t('connectors.cache')} description={t('connectors.cacheHint')} min={0} max={600} suffix=" s" value={f.cacheTtlSeconds} onChange={(v) => setF({ ...f, cacheTtlSeconds: Number(v) || 0 })} />
        </Group>
        <Text size="sm" fw={500}>{t('connectors.display')}</Text>
        <SegmentedControl value={f.display} onChange={(v) => setF({ ...f, display: v as Display })} data={[{ value: 'fields', label: t('connectors.displays.fields') }, { value: 'table', label: t('connectors.displays.table') }]} />
        <Group grow>
          <NumberInput label={t('connectors.position')} min={0} max={1000} value={f.position} onChange={(v) => setF({ ...f, position: Number(v) || 0 })} />
          <Switch mt="lg" label={t('connectors.enabled')} checked={f.enabled} onChange={(e) => setF({ ...f, enabled: e.currentTarget.checked })} />
        </Group>
        {save.error && <Alert color="red" variant="light">{errorMessage(save.error)}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-connector">{t('connectors.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
