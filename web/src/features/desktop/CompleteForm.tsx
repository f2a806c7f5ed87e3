import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useComplete } from './api.ts';
import { DISPOSITIONS } from './states.ts';

/** Finishing the task: a disposition (required) and optional notes; the next task follows on its own. */
export function CompleteForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const complete = useComplete();
  const [disposition, setDisposition] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const submit = () => {
    if (disposition) complete.mutate({ taskId, disposition, notes: notes.trim() || undefined });
  };
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <Select
          label={t('desktop.disposition')}
          placeholder={t('desktop.dispositionPlaceholder')}
          data={DISPOSITIONS.map((d) => ({ value: d, label: t(`desktop.dispositions.${d}`) }))}
          value={disposition}
          onChange={setDisposition}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: 1 }}
          data-testid="disposition"
        />
        <Button color="teal" leftSection={<IconCircleCheck size={18} />} disabled={!disposition} loading={complete.isPending}
          onClick={submit} data-testid="complete-task">
          {t('desktop.done')}
        </Button>
      </Group>
      <Textarea label={t('desktop.notes')} placeholder={t('desktop.notesPlaceholder')} autosize minRows={2} maxRows={6}
        value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={5000} data-testid="task-notes" />
    </Stack>
  );
}
