import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from './CopyField.tsx';

/** Shows a freshly created secret (API key, webhook signing secret) once, with a copy button. */
export function SecretModal({ title, secret, hint, onClose }: { title: string; secret: string | null; hint: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={<Text fw={600}>{title}</Text>} size="lg" centered closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />}>{t('secrets.once')}</Alert>
        <Text size="sm" c="dimmed">{hint}</Text>
        {secret && <CopyField value={secret} testId="secret-value" />}
        <Group justify="flex-end"><Button onClick={onClose}>{t('secrets.done')}</Button></Group>
      </Stack>
    </Modal>
  );
}
