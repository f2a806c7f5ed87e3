import { Alert, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { ImportRun } from './api.ts';
import { percentDone } from './progress.ts';

/** The bar plus counters: imported in green, failed in red. */
export function ImportProgress({ run, expectedRows }: { run: ImportRun; expectedRows?: number }) {
  const { t } = useTranslation();
  const pct = percentDone(run, expectedRows);
  const running = run.status === 'running';
  const failedShare = run.rowsTotal ? (run.rowsFailed / run.rowsTotal) * 100 : 0;
  return (
    <Stack gap="sm" data-testid="import-progress" data-status={run.status}>
      <Group justify="space-between">
        <Group gap="xs">
          {run.status === 'done' && <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" />}
          <Text fw={600}>{t(`import.status.${run.status}`)}</Text>
          {run.fileName && <Text size="sm" c="dimmed">{run.fileName}</Text>}
        </Group>
        <Text size="sm" c="dimmed">{pct}%</Text>
      </Group>
      {running ? (
        <Progress value={pct} animated striped size="lg" />
      ) : (
        <Progress.Root size="lg">
          <Progress.Section value={100 - failedShare} color="teal" />
          <Progress.Section value={failedShare} color="red" />
        </Progress.Root>
      )}
      <Group gap="sm">
        <Badge color="teal" variant="light" size="lg">{t('import.imported', { n: formatNumber(run.rowsImported) })}</Badge>
        <Badge color={run.rowsFailed ? 'red' : 'gray'} variant="light" size="lg" data-testid="rows-failed">
          {t('import.failed', { n: formatNumber(run.rowsFailed) })}
        </Badge>
        {run.rowsTotal > 0 && <Text size="sm" c="dimmed">{t('import.ofTotal', { n: formatNumber(run.rowsTotal) })}</Text>}
      </Group>
      {run.status === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('import.failedTitle')}>{run.failure?.message ?? t('errors.title')}</Alert>
      )}
    </Stack>
  );
}
