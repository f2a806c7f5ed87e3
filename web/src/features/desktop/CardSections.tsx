import { Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Card, CardPart, PartContent } from './card-model.ts';

/** A source's answer: a key/value list or a table of items. */
export function PartContentView({ content }: { content: PartContent }) {
  const { t } = useTranslation();
  if ('fields' in content) {
    return (
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {content.fields.map((f) => (
            <Table.Tr key={f.key}><Table.Td c="dimmed" w="40%">{f.key}</Table.Td><Table.Td fw={500}>{f.value}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  const { columns, rows, more } = content.table;
  return (
    <>
      <Table verticalSpacing={4} striped>
        <Table.Thead><Table.Tr>{columns.map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => <Table.Tr key={i}>{r.map((v, j) => <Table.Td key={j}>{v}</Table.Td>)}</Table.Tr>)}
        </Table.Tbody>
      </Table>
      {more > 0 && <Text size="xs" c="dimmed" mt={4}>{t('card.more', { count: more })}</Text>}
    </>
  );
}

const COLORS = { loading: 'gray', ok: 'teal', error: 'red', timeout: 'orange', skipped: 'gray' } as const;

/** One connector's section: loading, its data, or why there is none (slow or failing sources say so). */
export function PartSection({ part }: { part: CardPart }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" withBorder data-testid="card-part" data-part={part.name} data-status={part.status}>
      <Group justify="space-between" mb="xs">
        <Title order={6}>{part.name}</Title>
        <Group gap={6}>
          {part.cached && <Badge size="xs" variant="outline">{t('card.status.cached')}</Badge>}
          {part.ms !== null && part.status !== 'skipped' && <Text size="xs" c="dimmed">{t('card.ms', { ms: part.ms })}</Text>}
          {part.status !== 'ok' && <Badge size="sm" color={COLORS[part.status]} variant="light">{t(`card.status.${part.status}`)}</Badge>}
        </Group>
      </Group>
      {part.status === 'loading' && <Loader type="dots" size="sm" />}
      {part.status === 'ok' && part.content && <PartContentView content={part.content} />}
      {(part.status === 'error' || part.status === 'timeout') && (
        <Group gap={6} c={COLORS[part.status]}>
          {part.status === 'timeout' ? <IconClockExclamation size={16} /> : <IconAlertTriangle size={16} />}
          <Text size="sm">{part.error}</Text>
        </Group>
      )}
      {part.status === 'skipped' && <Text size="sm" c="dimmed">{part.error}</Text>}
    </Paper>
  );
}

/** What Switchboard itself knows (frame 1): tags, city, the routing rule, open tasks. */
export function CallerFacts({ card }: { card: Card }) {
  const { t } = useTranslation();
  const b = card.base;
  const row = (label: string, value: string | null | undefined) => value ? (
    <Table.Tr><Table.Td c="dimmed" w="40%">{label}</Table.Td><Table.Td>{value}</Table.Td></Table.Tr>
  ) : null;
  return (
    <Paper p="md" withBorder data-testid="card-facts">
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {row(t('card.phone'), b.phone ?? t('card.withheld'))}
          {row(t('card.line'), b.line)}
          {row(t('card.city'), b.contact?.city)}
          {row(t('card.tags'), b.contact?.tags.join(', '))}
          {row(t('card.rule'), b.rule?.name)}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600} mt="xs">{t('card.openTasks')}</Text>
      {b.openTasks.length ? (
        <Stack gap={2}>{b.openTasks.map((task) => <Text key={task.id} size="sm">{task.title || task.id.slice(0, 8)} · {task.status}</Text>)}</Stack>
      ) : <Text size="sm" c="dimmed">{t('card.noOpenTasks')}</Text>}
    </Paper>
  );
}
