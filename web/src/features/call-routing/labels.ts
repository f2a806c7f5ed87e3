import type { Action, Conditions, TestResult, TraceFailure } from './api.ts';

/** i18next's `t`, narrowed to what these helpers use (tests pass a stub). */
export type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** Short labels for the conditions a rule has, for the rule list ("Customer, Supplier", "Tag: vip", "Holiday"). */
export function conditionLabels(c: Conditions, t: Translate): string[] {
  const out: string[] = [];
  if (c.callerKinds) out.push(c.callerKinds.map((k) => t(`callRouting.kinds.${k}`)).join(', '));
  if (c.tagsAny) out.push(t('callRouting.summary.tags', { tags: c.tagsAny.join(', ') }));
  if (c.hasOwner !== undefined) out.push(t(c.hasOwner ? 'callRouting.summary.hasOwner' : 'callRouting.summary.noOwner'));
  if (c.dialled) out.push(t('callRouting.summary.dialled', { numbers: c.dialled.join(', ') }));
  if (c.day) out.push(t(`callRouting.summary.day_${c.day}`));
  if (c.hours) out.push(t(`callRouting.summary.hours_${c.hours}`));
  if (c.targetAvailable !== undefined) out.push(t(c.targetAvailable ? 'callRouting.summary.available' : 'callRouting.summary.unavailable'));
  return out;
}

/** What an action does, in words: "Call group Sales", "External number +420…", "Reject (603 Declined)". */
export function actionLabel(a: Action, t: Translate, groupName: (id: string) => string | undefined): string {
  switch (a.type) {
    case 'owner': return t('callRouting.actionText.owner');
    case 'group': return t('callRouting.actionText.group', { name: groupName(a.groupId) ?? t('callRouting.unknownGroup') });
    case 'external': return t('callRouting.actionText.external', { number: a.number });
    case 'voicemail': return t('callRouting.actionText.voicemail', { box: a.box });
    case 'reject': return t('callRouting.actionText.reject', { code: a.code, reason: t(`callRouting.reject.${a.code}`) });
  }
}

/** Why a rule did not fire, as a sentence for the "test this number" trace. */
export function failureLabel(failed: TraceFailure, t: Translate): string {
  return failed === null ? t('callRouting.test.fired') : t(`callRouting.failed.${failed}`);
}

/** One rung of the decision: who or what rings, with agents shown by name. */
export function targetLabel(target: TestResult['targets'][number], t: Translate, agentName: (id: string) => string | undefined): string {
  if (target.kind === 'agent') return t('callRouting.test.targetAgent', { name: agentName(target.agentId) ?? target.agentId, extension: target.extension });
  if (target.kind === 'external') return t('callRouting.test.targetExternal', { number: target.number });
  return t('callRouting.test.targetVoicemail', { box: target.box });
}
