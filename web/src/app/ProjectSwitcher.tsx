import { Select } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from './auth.tsx';
import { projectPath, useProject } from './project.tsx';

/** Jumps to another of the person's projects, on the landing page of their role there. */
export function ProjectSwitcher() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { projectId } = useProject();
  const navigate = useNavigate();
  const projects = me?.projects ?? [];
  return (
    <Select
      aria-label={t('shell.project')}
      data={projects.map((p) => ({ value: p.projectId, label: p.projectName }))}
      value={projectId}
      onChange={(id) => id && id !== projectId && navigate(projectPath(id))}
      allowDeselect={false}
      leftSection={<IconBuildingStore size={16} />}
      w={{ base: 180, sm: 260 }}
      comboboxProps={{ withinPortal: true }}
      readOnly={projects.length < 2}
      rightSection={projects.length < 2 ? <span /> : undefined}
    />
  );
}
