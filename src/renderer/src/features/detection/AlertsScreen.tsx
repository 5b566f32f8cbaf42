// Alerts: every episode with its level, status and stored explanation, or one alert opened by its address;
// thresholds and backtest per watch.
import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../../shared/domain/detection';
import { useAlerts } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { AlertDetail } from './AlertDetail';
import { AlertRow } from './AlertRow';
import { useAlertRoute } from './alertRoute';
import { DetectionSettingsPanel } from './DetectionSettingsPanel';

export function AlertsScreen() {
  const { t } = useTranslation();
  const alertId = useAlertRoute();
  return (
    <Stack data-testid="screen-alerts">
      <Title order={2}>{t('detection.title')}</Title>
      {alertId === null ? <AlertList /> : <AlertDetail alertId={alertId} />}
      <DetectionSettingsPanel />
    </Stack>
  );
}

function AlertList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AlertStatus | 'all'>('all');
  const alerts = useAlerts(useWorkspaceId(), status);
  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('detection.alerts.title')}
        </Title>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as AlertStatus | 'all')}
          data={(['all', 'open', 'acknowledged', 'dismissed'] as const).map((s) => ({ value: s, label: t(`detection.alerts.filter.${s}`) }))}
        />
      </Group>
      <QueryState query={alerts}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('detection.alerts.empty')}</Text>
          ) : (
            <Stack gap="sm" data-testid="alerts-list">
              {list.map((a) => (
                <AlertRow key={a.id} alert={a} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
