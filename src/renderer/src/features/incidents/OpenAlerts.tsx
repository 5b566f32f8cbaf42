// Alerts still going on, answered or not, each with its why in short and the action that opens its incident.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain/detection';
import { useOpenAlerts } from '../../api/hooks/useIncidents';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { formatDateTime } from '../../i18n/format';
import { AlertIncidentButton } from './AlertIncidentButton';

const levelColor: Record<Alert['level'], string> = { vigilance: 'yellow', alert: 'orange', crisis: 'red' };

export function OpenAlerts() {
  const { t, i18n } = useTranslation();
  const alerts = useOpenAlerts(useWorkspaceId());
  const list = alerts.data ?? [];
  if (list.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="open-alerts">
      <Title order={3} size="h4" mb="sm">
        {t('incidents.alerts.title')}
      </Title>
      <Stack gap="sm">
        {list.map((alert) => {
          const fired = alert.explanation.signals.filter((s) => s.level !== 'calm');
          return (
            <Group key={alert.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid={`alert-${alert.id}`}>
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge color={levelColor[alert.level]} variant="light">
                    {t(`incidents.level.${alert.level}`)}
                  </Badge>
                  <Text fw={600}>{alert.watchName}</Text>
                  <Text size="sm">{formatDateTime(alert.openedAt, i18n.language)}</Text>
                </Group>
                <Text size="sm">
                  {fired.map((s) => `${t(`incidents.alerts.signal.${s.kind}`)}${s.items.length > 0 ? ` (${s.items.slice(0, 3).join(', ')})` : ''}`).join(' · ')}
                </Text>
              </Stack>
              <AlertIncidentButton alert={alert} size="sm" />
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
