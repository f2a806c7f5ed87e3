import { Badge, Table, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CAPABILITIES, type TelephonyView } from './api.ts';

/** Every running adapter against every capability, the chosen one highlighted: what works and what does not. */
export function CapabilitiesTable({ view }: { view: TelephonyView }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="capabilities">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('telephony.capability')}</Table.Th>
          {view.adapters.map((a) => (
            <Table.Th key={a.name}>
              {t(`telephony.adapter.${a.name}`)} {a.name === view.adapter && <Badge size="xs" ml={4}>{t('telephony.inUse')}</Badge>}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {CAPABILITIES.map((c) => (
          <Table.Tr key={c}>
            <Table.Td>
              <Text size="sm">{t(`telephony.cap.${c}`)}</Text>
            </Table.Td>
            {view.adapters.map((a) => (
              <Table.Td key={a.name} data-testid={`cap-${a.name}-${c}`}>
                {a.capabilities[c] ? <IconCheck size={16} color="var(--mantine-color-teal-6)" /> : <IconX size={16} color="var(--mantine-color-red-6)" />}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
