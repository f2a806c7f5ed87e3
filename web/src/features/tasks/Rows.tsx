import { ActionIcon, Button, Group, Rating, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetailRow, SkillRow } from './form.ts';

/** A labelled list of editable rows with add and remove buttons (phones, skills, details). */
function RowList<T>({ label, rows, onChange, blank, addLabel, testId, render }: {
  label: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  addLabel: string;
  testId: string;
  render: (row: T, set: (patch: Partial<T>) => void, i: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const set = (i: number) => (patch: Partial<T>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="sm" fw={500}>{label}</Text>
      {rows.map((r, i) => (
        <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
          {render(r, set(i), i)}
          <ActionIcon variant="subtle" color="red" mt={6} onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('tasks.removeRow')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => onChange([...rows, blank])} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </Stack>
  );
}

/** Several phone numbers; a server error on one of them shows under that one. */
export function PhoneRows({ rows, onChange, errors }: { rows: { phone: string }[]; onChange: (r: { phone: string }[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <RowList label={t('tasks.phones')} rows={rows} onChange={onChange} blank={{ phone: '' }} addLabel={t('tasks.addPhone')} testId="task-phones"
      render={(r, set, i) => (
        <TextInput placeholder="+420 601 123 456" value={r.phone} onChange={(e) => set({ phone: e.currentTarget.value })} style={{ flex: 1 }}
          error={errors[`phones.${i}`]} aria-label={t('tasks.phone')} data-testid={`task-phone-${i}`} />
      )} />
  );
}

/** Required skills: a name and a minimum level 1-5 each. */
export function SkillRows({ rows, onChange, error }: { rows: SkillRow[]; onChange: (r: SkillRow[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <RowList label={t('tasks.requiredSkills')} rows={rows} onChange={onChange} blank={{ name: '', level: 3 }} addLabel={t('tasks.addSkill')} testId="task-skills"
        render={(r, set) => (
          <>
            <TextInput placeholder={t('tasks.skillName')} value={r.name} onChange={(e) => set({ name: e.currentTarget.value })} style={{ flex: 1 }} aria-label={t('tasks.skillName')} />
            <Rating value={r.level} onChange={(level) => set({ level })} count={5} mt={8} aria-label={t('tasks.skillLevel')} />
          </>
        )} />
      {error && <Text size="xs" c="red">{error}</Text>}
    </>
  );
}

/** Free key/value details the agent sees on the task card. */
export function DetailRows({ rows, onChange, error }: { rows: DetailRow[]; onChange: (r: DetailRow[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <RowList label={t('tasks.details')} rows={rows} onChange={onChange} blank={{ key: '', value: '' }} addLabel={t('tasks.addDetail')} testId="task-details"
        render={(r, set) => (
          <>
            <TextInput placeholder={t('tasks.detailKey')} value={r.key} onChange={(e) => set({ key: e.currentTarget.value })} w={160} aria-label={t('tasks.detailKey')} />
            <TextInput placeholder={t('tasks.detailValue')} value={r.value} onChange={(e) => set({ value: e.currentTarget.value })} style={{ flex: 1 }} aria-label={t('tasks.detailValue')} />
          </>
        )} />
      {error && <Text size="xs" c="red">{error}</Text>}
    </>
  );
}
