// The composer area: statements of an incident, the FR/EN editor with its checks, approvals and publication.
import { Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentList } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { AccountsPanel } from './AccountsPanel';
import { CampaignFreezePanel } from './CampaignFreezePanel';
import { GoingOfflineBanner } from './GoingOfflineBanner';
import { NewStatementModal } from './NewStatementModal';
import { OutboxOverview } from './OutboxOverview';
import { ResponseQueuePanel } from './ResponseQueuePanel';
import { StatementList } from './StatementList';
import { StatementWorkspace } from './StatementWorkspace';

export function ComposerScreen() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const incidents = useIncidentList(workspaceId);
  const [chosenIncident, setChosenIncident] = useState<string | null>(null);
  const [statementId, setStatementId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <Stack data-testid="screen-composer">
      <QueryState query={incidents}>
        {(list) => {
          const open = list.filter((i) => i.status !== 'closed');
          const incidentId = chosenIncident ?? open[0]?.id ?? list[0]?.id ?? null;
          return (
            <>
              <Group justify="space-between" align="flex-end">
                <Title order={2}>{t('composer.title')}</Title>
                {list.length > 0 && (
                  <Select
                    label={t('composer.incident')}
                    data={list.map((i) => ({ value: i.id, label: i.title }))}
                    value={incidentId}
                    onChange={(v) => {
                      setChosenIncident(v);
                      setStatementId(null);
                    }}
                    allowDeselect={false}
                    w={360}
                    data-testid="composer-incident"
                  />
                )}
              </Group>
              {incidentId === null ? (
                <Paper withBorder p="lg">
                  <Text>{t('composer.noIncident')}</Text>
                </Paper>
              ) : (
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, md: 3 }}>
                    <Stack gap="xs">
                      <Button onClick={() => setCreating(true)} data-testid="composer-new">
                        {t('composer.newStatement')}
                      </Button>
                      <StatementList workspaceId={workspaceId} incidentId={incidentId} selected={statementId} onSelect={setStatementId} />
                    </Stack>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 9 }}>
                    {statementId ? (
                      <StatementWorkspace workspaceId={workspaceId} statementId={statementId} />
                    ) : (
                      <Paper withBorder p="lg">
                        <Text c="dimmed">{t('composer.pickStatement')}</Text>
                      </Paper>
                    )}
                  </Grid.Col>
                </Grid>
              )}
              <GoingOfflineBanner workspaceId={workspaceId} incidentId={incidentId} />
              <ResponseQueuePanel workspaceId={workspaceId} incidentId={incidentId} onOpenStatement={setStatementId} />
              <CampaignFreezePanel workspaceId={workspaceId} incidentId={incidentId} />
              {incidentId !== null && creating && (
                <NewStatementModal
                  workspaceId={workspaceId}
                  incident={list.find((i) => i.id === incidentId)!}
                  onClose={() => setCreating(false)}
                  onCreated={(id) => {
                    setCreating(false);
                    setStatementId(id);
                  }}
                />
              )}
            </>
          );
        }}
      </QueryState>
      <OutboxOverview workspaceId={workspaceId} onSelect={setStatementId} />
      <AccountsPanel workspaceId={workspaceId} />
    </Stack>
  );
}
