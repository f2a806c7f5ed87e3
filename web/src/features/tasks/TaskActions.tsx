import { Button } from '@mantine/core';
import { IconFileUpload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportTasksModal } from './ImportTasksModal.tsx';
import { NewTaskModal } from './NewTaskModal.tsx';

/** The supervisor view's header buttons: a task by hand or a CSV of them. */
export function TaskActions() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'new' | 'import' | null>(null);
  return (
    <>
      <Button variant="default" leftSection={<IconFileUpload size={16} />} onClick={() => setOpen('import')} data-testid="open-import-tasks">{t('tasks.uploadCsv')}</Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid="open-new-task">{t('tasks.new')}</Button>
      <NewTaskModal opened={open === 'new'} onClose={() => setOpen(null)} />
      <ImportTasksModal opened={open === 'import'} onClose={() => setOpen(null)} />
    </>
  );
}
