import { Button, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../api/notify.ts';
import { useCallControl } from './call-api.ts';

const DISPOSITIONS = ['interested', 'callback', 'not_interested', 'resolved', 'wrong_number'] as const;

/** After the call: how it went, stored with the call facts (no connector data). */
export function CallDisposition({ callRecordId, onDone }: { callRecordId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { disposition } = useCallControl();
  const [value, setValue] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const save = () => disposition.mutate({ id: callRecordId, disposition: value!, note }, {
    onSuccess: () => { notifySuccess(t('card.saved')); onDone(); },
    onError: notifyError,
  });
  return (
    <Paper p="md" withBorder data-testid="call-disposition">
      <Title order={6} mb="xs">{t('card.disposition')}</Title>
      <Stack gap="xs">
        <Select value={value} onChange={setValue} placeholder={t('card.dispositionHint')} data={DISPOSITIONS.map((d) => ({ value: d, label: t(`card.dispositions.${d}`) }))} data-testid="disposition-select" />
        <Textarea placeholder={t('card.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>{t('card.dismiss')}</Button>
          <Button onClick={save} disabled={!value} loading={disposition.isPending} data-testid="disposition-save">{t('card.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
