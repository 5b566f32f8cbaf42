// The incidents area: the list of incidents (several may be open at once) or one incident's own space.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentList } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { CallTree } from './CallTree';
import { IncidentSpace } from './IncidentSpace';
import { severityColor, statusColor } from './labels';
import { OpenAlerts } from './OpenAlerts';
import { OpenIncidentModal } from './OpenIncidentModal';
import { GeneralLog } from './GeneralLog';
import { GENERAL_LOG_HASH, useIncidentRoute } from './useIncidentRoute';
import { WallDisplay } from './WallDisplay';

export function IncidentsScreen() {
  const [route, go] = useIncidentRoute();
  if (route.incidentId && route.view === 'wall') return <WallDisplay incidentId={route.incidentId} onExit={() => go(route.incidentId)} />;
  if (route.incidentId && route.view === 'calltree') return <CallTree incidentId={route.incidentId} onBack={() => go(route.incidentId, 'roster')} />;
  if (route.generalLog) return <GeneralLog onBack={() => go(null)} />;
  if (route.incidentId) return <IncidentSpace incidentId={route.incidentId} tab={route.view} go={go} />;
  return <IncidentList onOpen={(id) => go(id)} />;
}

function IncidentList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const list = useIncidentList(workspaceId);
  const [opening, setOpening] = useState(false);
  useHotkeys([['alt+i', () => setOpening(true)]]);
  return (
    <Stack data-testid="screen-incidents">
      <Group justify="space-between">
        <Title order={2}>{t('incidents.title')}</Title>
        <Group>
          <Button variant="default" component="a" href={GENERAL_LOG_HASH} data-testid="general-log-button">
            {t('incidents.generalLog.open')}
          </Button>
          <Button onClick={() => setOpening(true)} data-testid="incident-open-button">
            {t('incidents.open')}
          </Button>
        </Group>
      </Group>
      <OpenAlerts />
      <QueryState query={list}>
        {(incidents) =>
          incidents.length === 0 ? (
            <Paper withBorder p="lg">
              <Text fw={600}>{t('incidents.emptyTitle')}</Text>
              <Text c="dimmed">{t('incidents.emptyHelp')}</Text>
              <Anchor href="#/alerts" size="sm" data-testid="incidents-empty-alerts">
                {t('incidents.emptyAlerts')}
              </Anchor>
            </Paper>
          ) : (
            <Table striped highlightOnHover data-testid="incident-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('incidents.fields.title')}</Table.Th>
                  <Table.Th>{t('incidents.fields.scenario')}</Table.Th>
                  <Table.Th>{t('incidents.fields.severity')}</Table.Th>
                  <Table.Th>{t('incidents.fields.status')}</Table.Th>
                  <Table.Th>{t('incidents.fields.openedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {incidents.map((incident) => (
                  <Table.Tr key={incident.id}>
                    <Table.Td>
                      <Button variant="subtle" px={0} onClick={() => onOpen(incident.id)}>
                        {incident.title}
                      </Button>
                    </Table.Td>
                    <Table.Td>{t(`incidents.scenario.${incident.scenarioKind}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={severityColor[incident.severity]} variant="light">{t(`incidents.severity.${incident.severity}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={statusColor[incident.status]}>
                        {t(`incidents.status.${incident.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDateTime(incident.openedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <OpenIncidentModal opened={opening} onClose={() => setOpening(false)} onOpened={onOpen} />
    </Stack>
  );
}
