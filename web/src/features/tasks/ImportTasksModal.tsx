import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/notify.ts';
import { useImportTasks } from './api.ts';

/** A sample file a supervisor can copy: every column the importer knows. */
export const CSV_SAMPLE = 'queue,title,phones,value,dueAt,ttlSeconds,skills,details.product\nWeb leads,Solar quote,+420601123456;+420602000111,12000,2026-12-01T12:00:00+01:00,86400,czech:3 german:2,solar';

/** The failing line of an all-or-nothing import, when the server named it. */
function lineOf(err: unknown): number | undefined {
  return err instanceof ApiError ? (err.details as { line?: number } | undefined)?.line : undefined;
}

/** Uploads tasks from a CSV file: the result is the imported count, or the first bad line and why (nothing was imported). */
export function ImportTasksModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useImportTasks();
  const [file, setFile] = useState<File | null>(null);
  const close = () => { setFile(null); upload.reset(); onClose(); };
  const line = lineOf(upload.error);
  return (
    <Modal opened={opened} onClose={close} title={t('tasks.importTitle')} size="lg" centered>
      <Stack gap="md" data-testid="import-tasks-form">
        <Text size="sm">{t('tasks.importHint')}</Text>
        <Code block fz="xs" data-testid="csv-sample">{CSV_SAMPLE}</Code>
        <Text size="xs" c="dimmed">{t('tasks.importColumns')}</Text>
        <FileInput label={t('tasks.csvFile')} placeholder={t('tasks.pickCsv')} accept=".csv,text/csv" value={file}
          onChange={(f) => { setFile(f); upload.reset(); }} leftSection={<IconFileUpload size={16} />} clearable data-testid="task-csv" />
        {upload.isSuccess && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-result">
            {t('tasks.imported', { count: upload.data.imported })}
          </Alert>
        )}
        {upload.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-error"
            title={line ? t('tasks.importFailedLine', { line }) : t('tasks.importFailed')}>
            <Text size="sm">{errorMessage(upload.error)}</Text>
            <Text size="xs" c="dimmed" mt={4}>{t('tasks.nothingImported')}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>{upload.isSuccess ? t('tasks.done') : t('common.cancel')}</Button>
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)} data-testid="upload-tasks">{t('tasks.upload')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
