import { Button, Group, Popover, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsRightLeft, IconPhone, IconPhoneOff, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/notify.ts';
import { useAgents, useCallControl, type CallInfo, type Command } from './call-api.ts';

/** Transfer to another agent or to any number. */
function TransferButton({ call }: { call: CallInfo }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const { transfer } = useCallControl();
  const [mode, setMode] = useState<'agent' | 'number'>('agent');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [open, setOpen] = useState(false);
  const go = () => transfer.mutate(
    { id: call.id, to: mode === 'agent' ? { agentId: agentId! } : { number } },
    { onSuccess: () => setOpen(false), onError: notifyError },
  );
  return (
    <Popover opened={open} onChange={setOpen} width={300} position="bottom" withArrow>
      <Popover.Target>
        <Button variant="default" leftSection={<IconArrowsRightLeft size={16} />} onClick={() => setOpen((o) => !o)} data-testid="call-transfer">{t('card.transfer')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <SegmentedControl size="xs" value={mode} onChange={(v) => setMode(v as 'agent' | 'number')}
            data={[{ value: 'agent', label: t('card.transferAgent') }, { value: 'number', label: t('card.transferNumber') }]} />
          {mode === 'agent' ? (
            <Select searchable value={agentId} onChange={setAgentId} data={(agents.data ?? []).filter((a) => a.id !== call.agentId).map((a) => ({ value: a.id, label: a.name || a.email }))} />
          ) : (
            <TextInput placeholder="+420 …" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
          )}
          <Button size="xs" onClick={go} loading={transfer.isPending} disabled={mode === 'agent' ? !agentId : number.trim().length < 3}>{t('card.transferGo')}</Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Answer, hold/resume, transfer and hang up, through the calls API (the PBX adapter does the work). */
export function CallControls({ call }: { call: CallInfo | undefined }) {
  const { t } = useTranslation();
  const { command } = useCallControl();
  if (!call) return <Text size="sm" c="dimmed">{t('card.noCallRecord')}</Text>;
  if (call.state === 'ended') return null;
  const run = (cmd: Command) => command.mutate({ id: call.id, cmd }, { onError: notifyError });
  const busy = command.isPending;
  return (
    <Group gap="xs" data-testid="call-controls">
      {call.state === 'ringing' && call.direction === 'inbound' && (
        <Button color="teal" leftSection={<IconPhone size={16} />} onClick={() => run('answer')} loading={busy} data-testid="call-answer">{t('card.answer')}</Button>
      )}
      {call.state === 'talking' && <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => run('hold')} disabled={busy} data-testid="call-hold">{t('card.hold')}</Button>}
      {call.state === 'held' && <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => run('unhold')} disabled={busy} data-testid="call-resume">{t('card.resume')}</Button>}
      {call.state !== 'ringing' && <TransferButton call={call} />}
      <Button color="red" variant="light" leftSection={<IconPhoneOff size={16} />} onClick={() => run('hangup')} disabled={busy} data-testid="call-hangup">{t('card.hangup')}</Button>
    </Group>
  );
}
