import { Alert, Badge, Button, Code, FileInput, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../app/project.tsx';
import { LoadError } from '../../components/States.tsx';
import { formatNumber } from '../../components/format.ts';
import { countDataRows, percentDone } from '../imports/progress.ts';
import { keys, uploadLeads, useLeadImport, type LeadImport } from './api.ts';

const COLUMNS = 'phone, name, external_id, timezone, value, <any other column → details>';

/** The bar while rows are read, then imported in green and rejected in red. */
function ImportBar({ run, expectedRows }: { run: LeadImport; expectedRows: number }) {
  const { t } = useTranslation();
  const pct = percentDone(run, expectedRows);
  const failedShare = run.rowsTotal ? (run.rowsFailed / run.rowsTotal) * 100 : 0;
  return (
    <Stack gap="sm" data-testid="lead-import" data-status={run.status}>
      <Group justify="space-between">
        <Group gap="xs">
          {run.status === 'done' && <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" />}
          <Text fw={600}>{t(`campaigns.importStatus.${run.status}`)}</Text>
          <Text size="sm" c="dimmed">{run.fileName}</Text>
        </Group>
        <Text size="sm" c="dimmed">{pct}%</Text>
      </Group>
      {run.status === 'running' ? <Progress value={pct} animated striped size="lg" /> : (
        <Progress.Root size="lg">
          <Progress.Section value={100 - failedShare} color="teal" />
          <Progress.Section value={failedShare} color="red" />
        </Progress.Root>
      )}
      <Group gap="sm">
        <Badge color="teal" variant="light" size="lg" data-testid="leads-imported">{t('campaigns.leadsImported', { n: formatNumber(run.rowsImported) })}</Badge>
        <Badge color={run.rowsFailed ? 'red' : 'gray'} variant="light" size="lg" data-testid="leads-failed">{t('campaigns.leadsFailed', { n: formatNumber(run.rowsFailed) })}</Badge>
      </Group>
    </Stack>
  );
}

/** Every rejected row: its line in the file (header = line 1), the error code and the reason. */
function RowErrors({ errors }: { errors: LeadImport['errors'] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <>
      <Title order={6} mt="md" mb="xs">{t('campaigns.rowErrors')}</Title>
      <Table.ScrollContainer minWidth={480} mah={320}>
        <Table striped stickyHeader data-testid="lead-import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('campaigns.line')}</Table.Th>
              <Table.Th w={200}>{t('campaigns.code')}</Table.Th>
              <Table.Th>{t('campaigns.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.line}-${i}`}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td><Code>{e.code}</Code></Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** Upload a CSV of leads into the campaign, watch the rows go in, then read which rows were refused and why. */
export function LeadUpload({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [expectedRows, setExpectedRows] = useState(0);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      setExpectedRows(await countDataRows(f).catch(() => 0));
      return uploadLeads(projectId, campaignId, f);
    },
    onSuccess: (r) => setImportId(r.id),
  });
  const run = useLeadImport(campaignId, importId);
  const finished = run.data ? run.data.status !== 'running' : false;
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: keys.stats(projectId, campaignId) });
  }, [finished, qc, projectId, campaignId]);
  return (
    <Stack gap="sm">
      <Title order={5}>{t('campaigns.uploadTitle')}</Title>
      <Text size="sm" c="dimmed">{t('campaigns.uploadColumns')} <Code>{COLUMNS}</Code></Text>
      <Group align="flex-end" gap="sm">
        <FileInput style={{ flex: 1 }} accept=".csv,text/csv" placeholder={t('campaigns.chooseFile')} leftSection={<IconFileTypeCsv size={18} />}
          value={file} onChange={setFile} clearable data-testid="lead-file" />
        <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)} data-testid="lead-upload">
          {t('campaigns.upload')}
        </Button>
      </Group>
      {run.isError && <LoadError error={run.error} />}
      {run.data && <ImportBar run={run.data} expectedRows={expectedRows} />}
      {run.data?.status === 'failed' && (
        <Alert color="red" variant="light" title={t('campaigns.importFailed')} data-testid="lead-import-failure">{run.data.failure}</Alert>
      )}
      {run.data && run.data.status !== 'running' && <RowErrors errors={run.data.errors} />}
    </Stack>
  );
}
