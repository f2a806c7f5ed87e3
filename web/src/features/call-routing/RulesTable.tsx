import { ActionIcon, Badge, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IconAction } from '../../components/IconAction.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useRuleActions, type CallGroup, type Rule } from './api.ts';
import { actionLabel, conditionLabels } from './labels.ts';
import { moveItem } from './rules.ts';

/**
 * The ordered rule list: the first enabled rule whose conditions hold wins, so the order is the policy.
 * Up/down move a rule one place (one request each, buttons wait for the previous move); the switch
 * enables or disables; delete asks first.
 */
export function RulesTable({ rules, groups, onEdit }: { rules: Rule[]; groups: CallGroup[]; onEdit: (r: Rule) => void }) {
  const { t } = useTranslation();
  const { toggle, remove, reorder } = useRuleActions();
  const { modal, ask } = useConfirm();
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name;
  const move = (i: number, delta: number) => reorder.mutate(moveItem(rules, i, delta));
  const confirmDelete = (r: Rule) => ask({
    title: t('callRouting.deleteTitle'), body: t('callRouting.deleteBody', { name: r.name }), confirm: t('callRouting.delete'), onConfirm: () => remove.mutate(r.id),
  });
  return (
    <>
      {modal}
      <Table.ScrollContainer minWidth={820}>
        <Table data-testid="rules-list" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('callRouting.ruleName')}</Table.Th>
              <Table.Th>{t('callRouting.conditions')}</Table.Th>
              <Table.Th>{t('callRouting.action')}</Table.Th>
              <Table.Th w={90}>{t('callRouting.enabled')}</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((r, i) => {
              const labels = conditionLabels(r.conditions, t);
              return (
                <Table.Tr key={r.id} data-rule={r.name} data-position={i + 1} style={r.enabled ? undefined : { opacity: 0.55 }}>
                  <Table.Td><Text size="sm" c="dimmed">{i + 1}</Text></Table.Td>
                  <Table.Td><Text size="sm" fw={600}>{r.name}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {labels.length ? labels.map((l) => <Badge key={l} variant="light" tt="none">{l}</Badge>) : <Text size="sm" c="dimmed">{t('callRouting.always')}</Text>}
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{actionLabel(r.action, t, groupName)}</Text></Table.Td>
                  <Table.Td>
                    <Switch checked={r.enabled} aria-label={t('callRouting.enabled')} onChange={(e) => toggle.mutate({ id: r.id, enabled: e.currentTarget.checked })} data-testid="rule-enabled" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <MoveButton label={t('callRouting.moveUp')} icon={<IconArrowUp size={16} />} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)} testId="move-up" />
                      <MoveButton label={t('callRouting.moveDown')} icon={<IconArrowDown size={16} />} disabled={i === rules.length - 1 || reorder.isPending} onClick={() => move(i, 1)} testId="move-down" />
                      <IconAction label={t('callRouting.edit')} icon={<IconPencil size={16} />} onClick={() => onEdit(r)} testId="edit-rule" />
                      <IconAction label={t('callRouting.delete')} color="red" icon={<IconTrash size={16} />} onClick={() => confirmDelete(r)} testId="delete-rule" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/** Up or down one place; disabled at the ends of the list and while the previous move is being saved. */
function MoveButton({ label, icon, disabled, onClick, testId }: { label: string; icon: ReactNode; disabled: boolean; onClick: () => void; testId: string }) {
  return (
    <Tooltip label={label} disabled={disabled}>
      <ActionIcon variant="subtle" disabled={disabled} onClick={onClick} aria-label={label} data-testid={testId}>{icon}</ActionIcon>
    </Tooltip>
  );
}
