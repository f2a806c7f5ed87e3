import { Alert, Button, Divider, Group, Input, Modal, MultiSelect, SegmentedControl, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/notify.ts';
import { ActionEditor } from './ActionEditor.tsx';
import { CALLER_KINDS, useRuleActions, type CallGroup, type CallerKind, type Rule } from './api.ts';
import { cleanAction, conditionsOf, fieldErrors, toRuleForm, type RuleForm } from './rules.ts';

/** A labelled segmented control for a condition with "any" and two values. */
function Choice<T extends string>({ label, hint, value, options, onChange, error, testId }: {
  label: string; hint: string; value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; error?: string; testId: string;
}) {
  return (
    <Input.Wrapper label={label} description={hint} error={error}>
      <SegmentedControl mt={4} fullWidth size="xs" value={value} data={options} onChange={(v) => onChange(v as T)} data-testid={testId} />
    </Input.Wrapper>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Divider label={label} labelPosition="left" />
      {children}
    </>
  );
}

/**
 * Creates (`rule` null, added at the end of the list) or edits a rule: every condition the routing model has
 * and the action, with the server's validation messages under the fields they concern.
 */
export function RuleEditor({ rule, groups, onClose }: { rule: Rule | null; groups: CallGroup[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useRuleActions();
  const [f, setF] = useState<RuleForm>(() => toRuleForm(rule));
  const set = (patch: Partial<RuleForm>) => setF((o) => ({ ...o, ...patch }));
  const e = fieldErrors(save.error);
  const c = (k: string) => e[`conditions.${k}`];
  const any = { value: 'any' as const, label: t('callRouting.any') };
  const submit = () => save.mutate(
    { id: rule?.id ?? null, body: { name: f.name.trim(), enabled: f.enabled, conditions: conditionsOf(f), action: cleanAction(f.action) } },
    { onSuccess: (r) => { notifySuccess(t(rule ? 'callRouting.ruleSaved' : 'callRouting.ruleCreated', { name: r.name })); onClose(); } },
  );
  return (
    <Modal opened onClose={onClose} size="xl" centered title={<Text fw={600}>{rule ? t('callRouting.editRuleTitle', { name: rule.name }) : t('callRouting.newRuleTitle')}</Text>}>
      <Stack gap="md" data-testid="rule-form">
        <Group align="flex-end" gap="lg">
          <TextInput style={{ flex: 1 }} label={t('callRouting.ruleName')} required value={f.name} maxLength={120}
            onChange={(ev) => set({ name: ev.currentTarget.value })} error={e.name} data-testid="rule-name" />
          <Switch label={t('callRouting.enabled')} checked={f.enabled} onChange={(ev) => set({ enabled: ev.currentTarget.checked })} mb={6} />
        </Group>
        <Section label={t('callRouting.whenCaller')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MultiSelect label={t('callRouting.callerKinds')} description={t('callRouting.callerKindsHint')} value={f.callerKinds} clearable
              data={CALLER_KINDS.map((k) => ({ value: k, label: t(`callRouting.kinds.${k}`) }))} comboboxProps={{ withinPortal: false }}
              onChange={(v) => set({ callerKinds: v as CallerKind[] })} error={c('callerKinds')} placeholder={t('callRouting.anyKind')} data-testid="rule-kinds" />
            <TagsInput label={t('callRouting.tags')} description={t('callRouting.tagsHint')} value={f.tagsAny} onChange={(v) => set({ tagsAny: v })}
              error={c('tagsAny')} placeholder={t('callRouting.tagsPlaceholder')} data-testid="rule-tags" />
            <Choice label={t('callRouting.hasOwner')} hint={t('callRouting.hasOwnerHint')} value={f.hasOwner} onChange={(hasOwner) => set({ hasOwner })} error={c('hasOwner')}
              options={[any, { value: 'yes', label: t('callRouting.yes') }, { value: 'no', label: t('callRouting.no') }]} testId="rule-has-owner" />
            <TagsInput label={t('callRouting.dialled')} description={t('callRouting.dialledHint')} value={f.dialled} onChange={(v) => set({ dialled: v })}
              error={c('dialled')} placeholder="+420222000111" data-testid="rule-dialled" />
          </SimpleGrid>
        </Section>
        <Section label={t('callRouting.whenTime')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Choice label={t('callRouting.day')} hint={t('callRouting.dayHint')} value={f.day} onChange={(day) => set({ day })} error={c('day')} testId="rule-day"
              options={[any, { value: 'workday', label: t('callRouting.workday') }, { value: 'holiday', label: t('callRouting.holiday') }]} />
            <Choice label={t('callRouting.hours')} hint={t('callRouting.hoursHint')} value={f.hours} onChange={(hours) => set({ hours })} error={c('hours')} testId="rule-hours"
              options={[any, { value: 'open', label: t('callRouting.open') }, { value: 'closed', label: t('callRouting.closed') }]} />
            <Choice label={t('callRouting.targetAvailable')} hint={t('callRouting.targetAvailableHint')} value={f.targetAvailable} testId="rule-available"
              onChange={(targetAvailable) => set({ targetAvailable })} error={c('targetAvailable')}
              options={[any, { value: 'yes', label: t('callRouting.yes') }, { value: 'no', label: t('callRouting.no') }]} />
          </SimpleGrid>
        </Section>
        <Section label={t('callRouting.then')}>
          <ActionEditor value={f.action} onChange={(action) => set({ action })} groups={groups} errors={e} prefix="action" testId="rule-action" />
        </Section>
        {e.form && <Alert color="red" variant="light" data-testid="rule-form-error">{e.form}</Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-rule">{rule ? t('callRouting.save') : t('callRouting.addRule')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
