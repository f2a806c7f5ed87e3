import { Alert, Anchor, Badge, Button, Drawer, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconPhoneCall, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/notify.ts';
import { projectPath, useProject } from '../../app/project.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useContact, useMemberNames } from '../contacts/api.ts';
import { useTestNumber, type CallGroup, type TestResult } from './api.ts';
import { actionLabel, failureLabel, targetLabel } from './labels.ts';
import { fieldErrors, testInstant } from './rules.ts';

function ContactName({ contactId }: { contactId: string }) {
  const { projectId } = useProject();
  const contact = useContact(contactId);
  return (
    <Anchor component={Link} to={projectPath(projectId, 'contacts', contactId)} size="sm" data-testid="test-contact">
      {contact.data?.name ?? contactId}
    </Anchor>
  );
}

/** Who called: the number as read, the kind, the contact, the owner and the tags routing saw. */
function CallerCard({ caller }: { caller: TestResult['caller'] }) {
  const { t } = useTranslation();
  const names = useMemberNames();
  return (
    <Paper withBorder p="sm" data-testid="test-caller">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>{t('callRouting.test.caller')}</Text>
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>{caller.phone ?? t('callRouting.test.anonymous')}</Text>
        <Badge variant="light" tt="none" data-testid="test-caller-kind">{t(`callRouting.kinds.${caller.kind}`)}</Badge>
      </Group>
      {caller.contactId && <ContactName contactId={caller.contactId} />}
      <Text size="sm" c="dimmed">{t('callRouting.test.owner', { name: caller.ownerId ? names.get(caller.ownerId) ?? caller.ownerId : t('callRouting.test.none') })}</Text>
      {caller.tags.length > 0 && <Group gap={4} mt={4}>{caller.tags.map((tag) => <Badge key={tag} size="sm" variant="outline" tt="none">{tag}</Badge>)}</Group>}
    </Paper>
  );
}

/** The decision: the rule that fires (or the fallback), what rings in order, and each earlier rule with why it did not fire. */
function Outcome({ r, groups }: { r: TestResult; groups: CallGroup[] }) {
  const { t } = useTranslation();
  const names = useMemberNames();
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name;
  return (
    <Stack gap="sm" data-testid="test-result" data-rule={r.rule?.name ?? ''}>
      <Alert color={r.fallback ? 'yellow' : r.reject ? 'red' : 'teal'} variant="light" icon={<IconPhoneCall size={18} />}
        title={r.rule ? t('callRouting.test.matched', { name: r.rule.name }) : t('callRouting.test.fallback')}>
        <Text size="sm" data-testid="test-action">{actionLabel(r.action, t, groupName)}</Text>
        {r.overflow && <Text size="sm" c="dimmed">{t('callRouting.test.overflow', { name: r.overflow.name })}</Text>}
        {r.reject && <Text size="sm">{t('callRouting.test.rejected', { code: r.reject, reason: t(`callRouting.reject.${r.reject}`) })}</Text>}
      </Alert>
      {r.targets.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>{t('callRouting.test.targets')}</Text>
          <List type="ordered" size="sm" data-testid="test-targets">
            {r.targets.map((x, i) => <List.Item key={i}>{targetLabel(x, t, (id) => names.get(id))}</List.Item>)}
          </List>
        </div>
      )}
      <CallerCard caller={r.caller} />
      <div>
        <Text size="sm" fw={600} mb={4}>{t('callRouting.test.trace')}</Text>
        <Stack gap={4} data-testid="test-trace">
          {r.trace.map((x) => (
            <Group key={x.ruleId} gap="xs" wrap="nowrap" data-trace={x.name} data-matched={x.matched}>
              <ThemeIcon size="sm" radius="xl" variant="light" color={x.matched ? 'teal' : 'gray'}>{x.matched ? <IconCheck size={12} /> : <IconX size={12} />}</ThemeIcon>
              <Text size="sm" fw={x.matched ? 600 : 400}>{x.name}</Text>
              <Text size="sm" c="dimmed">— {failureLabel(x.failed, t)}</Text>
            </Group>
          ))}
          {r.trace.length === 0 && <Text size="sm" c="dimmed">{t('callRouting.test.noRules')}</Text>}
        </Stack>
      </div>
      <Text size="xs" c="dimmed">{t('callRouting.test.decidedFor', { at: formatDateTime(r.at), dialled: r.dialled || '—' })}</Text>
    </Stack>
  );
}

/**
 * "Test this number": a caller number, the number dialled and optionally a date and time in the project's
 * zone; answers what routing would do with such a call now, with the same in-memory data the PBX gets.
 */
export function TestNumberDrawer({ opened, onClose, groups, timezone }: { opened: boolean; onClose: () => void; groups: CallGroup[]; timezone: string }) {
  const { t } = useTranslation();
  const test = useTestNumber();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const e = fieldErrors(test.error);
  const run = () => test.mutate({ from: from.trim() || null, to: to.trim(), at: testInstant(date || null, time || null, timezone) });
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={<Title order={4}>{t('callRouting.test.title')}</Title>}>
      <Stack gap="md" data-testid="test-drawer">
        <Text size="sm" c="dimmed">{t('callRouting.test.hint')}</Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('callRouting.test.from')} description={t('callRouting.test.fromHint')} value={from} onChange={(ev) => setFrom(ev.currentTarget.value)}
            error={e.from} data-testid="test-from" onKeyDown={(ev) => ev.key === 'Enter' && run()} />
          <TextInput label={t('callRouting.test.to')} description={t('callRouting.test.toHint')} value={to} onChange={(ev) => setTo(ev.currentTarget.value)}
            error={e.to} data-testid="test-to" onKeyDown={(ev) => ev.key === 'Enter' && run()} />
          <TextInput type="date" label={t('callRouting.test.date')} description={t('callRouting.test.dateHint', { zone: timezone })} value={date}
            onChange={(ev) => setDate(ev.currentTarget.value)} error={e.at} data-testid="test-date" />
          <TextInput type="time" label={t('callRouting.test.time')} description={t('callRouting.test.timeHint')} value={time}
            onChange={(ev) => setTime(ev.currentTarget.value)} disabled={!date} data-testid="test-time" />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button onClick={run} loading={test.isPending} leftSection={<IconPhoneCall size={16} />} data-testid="run-test">{t('callRouting.test.run')}</Button>
        </Group>
        {test.isError && e.form && <Alert color="red" variant="light">{errorMessage(test.error)}</Alert>}
        {test.data && <Outcome r={test.data} groups={groups} />}
      </Stack>
    </Drawer>
  );
}
