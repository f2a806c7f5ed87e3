import { Alert, Badge, Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { IconPhoneOutgoing } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/notify.ts';
import { usePreview } from './api.ts';

/** "Which number would a call to this customer show?" — the same choice click-to-call makes, and its reason. */
export function PreviewCard() {
  const { t } = useTranslation();
  const preview = usePreview();
  const [q, setQ] = useState({ phone: '', city: '', region: '' });
  const choice = preview.data?.choice;
  const run = () => preview.mutate({ phone: q.phone, ...(q.city && { city: q.city }), ...(q.region && { region: q.region }) });
  return (
    <Paper p="lg">
      <Title order={5} mb="sm">{t('numbers.preview.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
        <TextInput label={t('numbers.preview.phone')} placeholder="+420 541 123 456" value={q.phone} onChange={(e) => setQ({ ...q, phone: e.currentTarget.value })} data-testid="preview-phone" />
        <TextInput label={t('numbers.preview.city')} value={q.city} onChange={(e) => setQ({ ...q, city: e.currentTarget.value })} />
        <TextInput label={t('numbers.preview.region')} value={q.region} onChange={(e) => setQ({ ...q, region: e.currentTarget.value })} />
        <Button leftSection={<IconPhoneOutgoing size={16} />} onClick={run} disabled={!q.phone.trim()} loading={preview.isPending} data-testid="preview-run">{t('numbers.preview.run')}</Button>
      </SimpleGrid>
      {preview.isError && <Alert mt="md" color="red" variant="light">{errorMessage(preview.error)}</Alert>}
      {preview.isSuccess && (
        <Group mt="md" gap="sm" data-testid="preview-result">
          {choice ? (
            <>
              <Text fw={650} ff="monospace">{choice.number}</Text>
              <Badge variant="light" tt="none">{choice.poolName}</Badge>
              <Text size="sm" c="dimmed">{t(`numbers.preview.reason.${choice.reason}`, { matched: choice.matched ?? '' })}</Text>
            </>
          ) : <Text size="sm" c="dimmed">{t('numbers.preview.none')}</Text>}
        </Group>
      )}
    </Paper>
  );
}
