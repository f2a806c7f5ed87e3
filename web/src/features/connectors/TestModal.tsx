import { Alert, Badge, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/notify.ts';
import { PartContentView } from '../desktop/CardSections.tsx';
import { useConnectorTest, type Connector } from './api.ts';

/** Fetches the source for a sample phone or contact now and shows the URL, the answer as the card would, and the time. */
export function TestModal({ connector, onClose }: { connector: Connector; onClose: () => void }) {
  const { t } = useTranslation();
  const test = useConnectorTest(connector.id);
  const [sample, setSample] = useState('');
  const isUuid = /^[0-9a-f-]{36}$/i.test(sample.trim());
  const r = test.data;
  return (
    <Modal opened onClose={onClose} title={t('connectors.testTitle', { name: connector.name })} size="lg" centered>
      <Stack gap="sm" data-testid="connector-test">
        <Group align="flex-end">
          <TextInput flex={1} label={t('connectors.sample')} description={t('connectors.sampleHint')} value={sample} onChange={(e) => setSample(e.currentTarget.value)} data-testid="connector-sample" />
          <Button onClick={() => test.mutate(isUuid ? { contactId: sample.trim() } : { phone: sample.trim() })} loading={test.isPending} disabled={sample.trim().length < 3} data-testid="run-test">
            {t('connectors.runTest')}
          </Button>
        </Group>
        {test.error && <Alert color="red" variant="light">{errorMessage(test.error)}</Alert>}
        {r && r.missing.length > 0 && <Alert color="orange" variant="light">{t('connectors.missing', { names: r.missing.join(', ') })}</Alert>}
        {r?.url && <Code block style={{ wordBreak: 'break-all' }}>{r.url}</Code>}
        {r?.answer && (
          <>
            <Group gap="xs">
              <Badge color={r.answer.status === 'ok' ? 'teal' : r.answer.status === 'timeout' ? 'orange' : 'red'} data-testid="test-status">{r.answer.status}</Badge>
              <Text size="sm" c="dimmed">{r.answer.ms} ms</Text>
            </Group>
            {r.answer.error && <Text size="sm" c="red">{r.answer.error}</Text>}
            {r.answer.content && <PartContentView content={r.answer.content} />}
          </>
        )}
      </Stack>
    </Modal>
  );
}
