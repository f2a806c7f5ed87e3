import { Button, Code, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { uploadCsv, useImport } from './api.ts';
import { countDataRows } from './progress.ts';
import { ErrorReport } from './ErrorReport.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportHistory } from './ImportHistory.tsx';

const COLUMNS = 'name, phone, phone2…, email, account, account_kind, city, region, timezone, owner_email, tags, external_id, custom.<key>';

/**
 * Upload a CSV of contacts, watch it run, then read which rows were rejected and why. The import shown
 * is in the URL (`?import=<id>`), so the history below links to any past report.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const [file, setFile] = useState<File | null>(null);
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const qc = useQueryClient();
  const [expectedRows, setExpectedRows] = useState(0);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      setExpectedRows(await countDataRows(f).catch(() => 0));
      return uploadCsv(projectId, f);
    },
    onSuccess: (r) => {
      setParams({ import: r.id });
      void qc.invalidateQueries({ queryKey: ['imports', projectId] });
    },
  });
  const run = useImport(importId);

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.subtitle')}
        actions={
          <Button component="a" href={`/api/projects/${projectId}/contacts/export.csv`} variant="default" leftSection={<IconDownload size={16} />}>
            {t('contacts.export')}
          </Button>
        }
      />
      <Stack gap="lg" maw={960}>
        <Paper p="lg">
          <Title order={5} mb={4}>{t('import.fileTitle')}</Title>
          <Text size="sm" c="dimmed" mb="md">{t('import.columns')} <Code>{COLUMNS}</Code></Text>
          <Group align="flex-end" gap="sm">
            <FileInput
              style={{ flex: 1 }}
              accept=".csv,text/csv"
              placeholder={t('import.choose')}
              leftSection={<IconFileTypeCsv size={18} />}
              value={file}
              onChange={setFile}
              clearable
              data-testid="import-file"
            />
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
              data-testid="import-submit"
            >
              {t('import.upload')}
            </Button>
          </Group>
        </Paper>
        {importId && (
          <Paper p="lg">
            {run.isPending && <Loading />}
            {run.isError && <LoadError error={run.error} />}
            {run.data && <ImportProgress run={run.data} expectedRows={expectedRows} />}
            {run.data && run.data.status !== 'running' && <ErrorReport errors={run.data.errors} />}
            {run.data?.status === 'done' && (
              <Group mt="lg">
                <Button component={Link} to={projectPath(projectId, 'contacts')} variant="light">{t('import.viewContacts')}</Button>
              </Group>
            )}
          </Paper>
        )}
        <Paper p="lg">
          <ImportHistory selected={importId} />
        </Paper>
      </Stack>
    </>
  );
}
