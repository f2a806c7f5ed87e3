import { Anchor, Badge, Group, Pagination, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { projectPath, useProject } from '../../app/project.tsx';
import { LoadError, Loading } from '../../components/States.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { useImports, type ImportSummary } from './api.ts';

const PAGE_SIZE = 10;
const COLOR: Record<ImportSummary['status'], string> = { running: 'blue', done: 'teal', failed: 'red' };

/** Past imports, newest first; each links to its report on this page (`?import=<id>`). */
export function ImportHistory({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const imports = useImports({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = imports.data ? Math.max(1, Math.ceil(imports.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <Title order={5} mb="sm">{t('import.historyTitle')}</Title>
      {imports.isPending && <Loading />}
      {imports.isError && <LoadError error={imports.error} />}
      {imports.data?.items.length === 0 && <Text size="sm" c="dimmed">{t('import.historyEmpty')}</Text>}
      {imports.data && imports.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="import-history" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.file')}</Table.Th>
                <Table.Th>{t('import.statusLabel')}</Table.Th>
                <Table.Th ta="right">{t('import.importedCol')}</Table.Th>
                <Table.Th ta="right">{t('import.failedCol')}</Table.Th>
                <Table.Th>{t('import.by')}</Table.Th>
                <Table.Th>{t('import.started')}</Table.Th>
                <Table.Th>{t('import.finished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {imports.data.items.map((i) => <HistoryRow key={i.id} run={i} selected={i.id === selected} />)}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Group justify="flex-end" mt="sm"><Pagination total={pages} value={page} onChange={setPage} size="sm" /></Group>}
    </>
  );
}

function HistoryRow({ run, selected }: { run: ImportSummary; selected: boolean }) {
  const { t } = useTranslation();
  const { projectId } = useProject();
  const status = <Badge color={COLOR[run.status]} variant="light">{t(`import.statusShort.${run.status}`)}</Badge>;
  return (
    <Table.Tr bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
      <Table.Td>
        <Anchor component={Link} to={`${projectPath(projectId, 'import')}?import=${run.id}`} size="sm" fw={600}>{run.fileName || '—'}</Anchor>
      </Table.Td>
      <Table.Td>{run.failure ? <Tooltip label={run.failure.message ?? run.failure.code} multiline w={320}>{status}</Tooltip> : status}</Table.Td>
      <Table.Td ta="right"><Text size="sm">{formatNumber(run.rowsImported)}</Text></Table.Td>
      <Table.Td ta="right"><Text size="sm" c={run.rowsFailed ? 'red' : undefined}>{formatNumber(run.rowsFailed)}</Text></Table.Td>
      <Table.Td><Text size="sm">{run.createdBy ? run.createdBy.name || run.createdBy.email : t('import.byApi')}</Text></Table.Td>
      <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(run.createdAt)}</Text></Table.Td>
      <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{run.finishedAt ? formatDateTime(run.finishedAt) : '—'}</Text></Table.Td>
    </Table.Tr>
  );
}
