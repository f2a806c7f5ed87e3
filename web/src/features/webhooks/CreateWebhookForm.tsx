import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventTypes, useWebhookActions } from './api.ts';

/** URL and the event types to send; `onCreated` receives the signing secret to show once. */
export function CreateWebhookForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const { create } = useWebhookActions();
  const types = useEventTypes();
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const data = [
    { value: '*', label: t('webhooks.allEvents') },
    ...(types.data ?? []).map((e) => ({ value: e.type, label: e.type })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url: url.trim(), eventTypes }, { onSuccess: (w) => { onCreated(w.secret); setUrl(''); setEventTypes([]); } });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('webhooks.url')} placeholder="https://crm.example.com/hooks/switchboard" type="url" required value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
        <MultiSelect
          label={t('webhooks.events')}
          placeholder={eventTypes.length ? undefined : t('webhooks.eventsPlaceholder')}
          data={data}
          value={eventTypes}
          onChange={setEventTypes}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Group justify="flex-end">
          <Button type="submit" disabled={!eventTypes.length} loading={create.isPending} leftSection={<IconPlus size={16} />}>{t('webhooks.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
