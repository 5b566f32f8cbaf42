// Alerts: every episode with its level, status and stored explanation; thresholds and backtest per watch.
import { Badge, Button, Collapse, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert, AlertStatus } from '../../../../shared/domain/detection';
import { useAlerts } from '../../api/hooks/useDetection';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { AlertActions } from './AlertActions';
import { DetectionSettingsPanel } from './DetectionSettingsPanel';
import { LEVEL_COLORS } from './levelColors';
import { WhyCard } from './WhyCard';

function AlertRow({ alert }: { alert: Alert }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(alert.status === 'open' && alert.closedAt === null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid={`alert-row-${alert.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm">
            <Badge color={LEVEL_COLORS[alert.level]} variant="filled">
              {t(`detection.level.${alert.level}`)}
            </Badge>
            <Text fw={600}>{alert.watchName}</Text>
            <Text size="sm" c="dimmed">
              {t('detection.alerts.opened', { time: when(alert.openedAt) })} ·{' '}
              {alert.closedAt ? t('detection.alerts.closed', { time: when(alert.closedAt) }) : t('detection.alerts.ongoing')}
            </Text>
            <Badge variant="outline" color={alert.status === 'open' ? 'orange' : 'gray'}>
              {t(`detection.alerts.status.${alert.status}`)}
            </Badge>
            {alert.statusBy && alert.statusAt && (
              <Text size="xs" c="dimmed">
                {t('detection.alerts.statusBy', { status: t(`detection.alerts.status.${alert.status}`), by: alert.statusBy, time: when(alert.statusAt) })}
              </Text>
            )}
          </Group>
          <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
            {t('detection.alerts.details')}
          </Button>
        </Group>
        {alert.statusReason && <Text size="sm">{alert.statusReason}</Text>}
        <AlertActions alert={alert} />
        <Collapse expanded={open}>
          <WhyCard explanation={alert.explanation} watchName={alert.watchName} />
        </Collapse>
      </Stack>
    </Paper>
  );
}

export function AlertsScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AlertStatus | 'all'>('all');
  const alerts = useAlerts(useWorkspaceId(), status);
  return (
    <Stack data-testid="screen-alerts">
      <Title order={2}>{t('detection.title')}</Title>
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
      <DetectionSettingsPanel />
    </Stack>
  );
}
