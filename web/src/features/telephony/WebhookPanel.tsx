import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField.tsx';
import { SecretModal } from '../../components/SecretModal.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useTelephonyActions, type TelephonyView } from './api.ts';

/** The hosted PBX: where Switchboard sends commands, where the PBX calls us, and the signing secret (shown once). */
export function WebhookPanel({ view, url, onUrl, error }: { view: TelephonyView; url: string; onUrl: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const { rotate } = useTelephonyActions();
  const { modal, ask } = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  const confirmRotate = () => ask({
    title: t('telephony.rotateTitle'), body: t('telephony.rotateBody'), confirm: t('telephony.rotate'),
    onConfirm: () => rotate.mutate(undefined, { onSuccess: (r) => setSecret(r.secret) }),
  });
  return (
    <Paper p="lg">
      {modal}
      <SecretModal title={t('telephony.secretCreated')} hint={t('telephony.secretHint')} secret={secret} onClose={() => setSecret(null)} />
      <Stack gap="md">
        <Title order={5}>{t('telephony.webhookTitle')}</Title>
        <Text size="sm" c="dimmed">{t('telephony.webhookHint')}</Text>
        <TextInput label={t('telephony.pbxUrl')} description={t('telephony.pbxUrlHint')} placeholder="https://pbx.example.com/switchboard" value={url}
          onChange={(e) => onUrl(e.currentTarget.value)} error={error} data-testid="pbx-url" />
        <div>
          <Text size="sm" fw={500}>{t('telephony.routeUrl')}</Text>
          <CopyField value={view.webhook.routeUrl} testId="route-url" />
        </div>
        <div>
          <Text size="sm" fw={500}>{t('telephony.eventsUrl')}</Text>
          <CopyField value={view.webhook.eventsUrl} testId="events-url" />
        </div>
        <Group justify="space-between">
          <Text size="sm" data-testid="secret-state">{view.webhook.secretSet ? t('telephony.secretSet') : t('telephony.noSecret')}</Text>
          <Button variant="light" color="orange" leftSection={<IconKey size={16} />} onClick={confirmRotate} loading={rotate.isPending} data-testid="rotate-secret">
            {view.webhook.secretSet ? t('telephony.rotate') : t('telephony.createSecret')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
