import { Alert, Button, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import type { Role } from '../../app/auth.tsx';
import { useMembers } from '../contacts/api.ts';
import { useSaveExtensions, type Extension } from './api.ts';
import { extensionList, fieldErrors } from './rules.ts';

/**
 * The extension plan: each person's SIP user, the one their phone registers with. Routing rings people
 * only through it, so a group member without an extension is skipped. Saved as a whole.
 */
export function ExtensionsPanel({ extensions }: { extensions: Extension[] }) {
  const { t } = useTranslation();
  const members = useMembers();
  const people = (members.data ?? []) as Array<{ id: string; name: string; email: string; role: Role }>;
  const save = useSaveExtensions();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(extensions.map((e) => [e.agentId, e.extension])));
  const list = extensionList(draft, people.map((p) => p.id));
  const e = fieldErrors(save.error);
  const rowError = (id: string) => e[`extensions.${list.findIndex((x) => x.agentId === id)}`];
  const submit = () => save.mutate(list, { onSuccess: () => notifySuccess(t('callRouting.extensionsSaved')) });
  return (
    <>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={5}>{t('callRouting.extensions')}</Title>
          <Text size="sm" c="dimmed">{t('callRouting.extensionsHint')}</Text>
        </div>
        <Button onClick={submit} loading={save.isPending} disabled={!members.data} data-testid="save-extensions">{t('callRouting.saveExtensions')}</Button>
      </Group>
      {(e.extensions || e.form) && <Alert color="red" variant="light" mb="sm" data-testid="extensions-error">{e.extensions ?? e.form}</Alert>}
      <Table data-testid="extensions-list" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('callRouting.person')}</Table.Th>
            <Table.Th>{t('callRouting.role')}</Table.Th>
            <Table.Th w={220}>{t('callRouting.sipUser')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id} data-person={p.name || p.email}>
              <Table.Td><Text size="sm" fw={500}>{p.name || p.email}</Text><Text size="xs" c="dimmed">{p.email}</Text></Table.Td>
              <Table.Td><RoleBadge role={p.role} /></Table.Td>
              <Table.Td>
                <TextInput size="xs" value={draft[p.id] ?? ''} maxLength={32} aria-label={t('callRouting.sipUser')}
                  onChange={(ev) => { const v = ev.currentTarget.value; setDraft((d) => ({ ...d, [p.id]: v })); }} error={rowError(p.id)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
