import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountKind } from './api.ts';

const COLOR: Record<AccountKind, string> = { customer: 'teal', supplier: 'orange', partner: 'violet', other: 'gray' };

/** Customer / supplier / partner: what inbound routing decides on, so it is always visible. */
export function KindBadge({ kind }: { kind: AccountKind }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={COLOR[kind] ?? 'gray'} data-testid="kind-badge">{t(`kinds.${kind}`)}</Badge>;
}
