// The printable call tree for when laptops fail: role, holder with phones, deputy, whom each role calls.
import { useRoleName } from '../../api/hooks/usePlan';
import { Anchor, Box, Button, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIncident } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';

export function CallTree({ incidentId, onBack }: { incidentId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const roleName = useRoleName(useWorkspaceId());
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const incident = useIncident(useWorkspaceId(), incidentId);
  return (
    <QueryState query={incident}>
      {(detail) => (
        // Black on white whatever the theme: this page is meant for paper.
        <Box bg="white" c="black" p="lg" data-testid="screen-calltree" style={{ colorScheme: 'light' }}>
          <Group justify="space-between" className="no-print" mb="md">
            <Anchor component="button" type="button" onClick={onBack} c="blue.9">
              ← {t('incidents.backToIncident')}
            </Anchor>
            <Button onClick={() => window.print()} data-testid="print-calltree">
              {t('incidents.print')}
            </Button>
          </Group>
          <Title order={2} c="black">
            {t('incidents.callTree.title')} — {detail.title}
          </Title>
          <Text size="sm" mb="md" c="black">
            {t('incidents.callTree.printedAt', { time: formatDateTime(new Date().toISOString(), i18n.language) })}
          </Text>
          <Table withTableBorder withColumnBorders c="black" style={{ fontSize: 14 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('incidents.roster.role')}</Table.Th>
                <Table.Th>{t('incidents.roster.holder')}</Table.Th>
                <Table.Th>{t('incidents.callTree.phones')}</Table.Th>
                <Table.Th>{t('incidents.roster.deputy')}</Table.Th>
                <Table.Th>{t('incidents.callTree.calls')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.roster.map((role) => (
                <Table.Tr key={role.roleId}>
                  <Table.Td fw={700}>{role.name[lang]}</Table.Td>
                  <Table.Td>{role.holder?.name ?? '—'}</Table.Td>
                  <Table.Td>{[role.holder?.phone, role.holder?.altPhone].filter(Boolean).join(' / ') || '—'}</Table.Td>
                  <Table.Td>{role.deputies.map((d) => `${d.name} ${d.phone}`).join('; ') || '—'}</Table.Td>
                  <Table.Td>{role.calls.map((c) => roleName(c)).join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <style>{'@media print { .no-print, nav, header { display: none !important; } main { padding: 0 !important; } }'}</style>
        </Box>
      )}
    </QueryState>
  );
}
