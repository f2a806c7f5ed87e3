import { ActionIcon, Button, Group, Modal, NumberInput, Rating, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import type { Agent } from './api.ts';
import { useUpdateAgent } from './api.ts';
import { rowsToSkills, type Row } from './skills.ts';


/** Edits an agent's score cap (empty = no cap) and skills with levels 1-5. */
export function AgentEditModal({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgent();
  const [cap, setCap] = useState<number | string>('');
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (!agent) return;
    setCap(agent.scoreCap ?? '');
    setRows(Object.entries(agent.skills).map(([name, level]) => ({ name, level })));
  }, [agent]);
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = () => {
    if (!agent) return;
    const scoreCap = cap === '' ? null : Number(cap);
    update.mutate({ agentId: agent.id, skills: rowsToSkills(rows), scoreCap }, {
      onSuccess: () => { notifySuccess(t('supervisor.agentSaved', { name: agent.name })); onClose(); },
    });
  };
  return (
    <Modal opened={!!agent} onClose={onClose} title={t('supervisor.editTitle', { name: agent?.name ?? '' })} size="md" centered>
      <Stack gap="md" data-testid="agent-edit">
        <NumberInput label={t('supervisor.scoreCap')} description={t('supervisor.scoreCapHint')} placeholder={t('supervisor.noCap')}
          min={0} value={cap} onChange={setCap} allowNegative={false} thousandSeparator=" " data-testid="score-cap" />
        <Stack gap={6}>
          <Text size="sm" fw={500}>{t('supervisor.skills')}</Text>
          {!rows.length && <Text size="sm" c="dimmed">{t('supervisor.noSkills')}</Text>}
          {rows.map((r, i) => (
            <Group key={i} gap="sm" wrap="nowrap">
              <TextInput placeholder={t('supervisor.skillName')} value={r.name} onChange={(e) => setRow(i, { name: e.currentTarget.value })} style={{ flex: 1 }} aria-label={t('supervisor.skillName')} />
              <Rating value={r.level} onChange={(level) => setRow(i, { level })} count={5} aria-label={t('supervisor.skillLevel')} />
              <ActionIcon variant="subtle" color="red" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={t('supervisor.removeSkill')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => setRows((rs) => [...rs, { name: '', level: 3 }])}>
            {t('supervisor.addSkill')}
          </Button>
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={save} loading={update.isPending} data-testid="save-agent">{t('supervisor.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
