// Alerts: every episode with its level, status and stored explanation, or one alert opened by its address;
// thresholds and backtest per watch. The list is read a page at a time by keyset, whatever the history's length.
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus } from '../../../../shared/domain/detection';
import { useAlerts } from '../../api/hooks/useDetection';
import { usePeriod } from '../../app/usePeriod';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { PeriodPicker } from '../../components/PeriodPicker';
import { periodLabel } from '../../components/periodLabel';
import { QueryState } from '../../components/QueryState';
import { AlertDetail } from './AlertDetail';
import { AlertRow } from './AlertRow';
import { useAlertRoute } from './alertRoute';
import { DetectionSettingsPanel } from './DetectionSettingsPanel';
import { KeysetPager, usePageStarts } from '../../components/KeysetPager';

const PAGE = 50;

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

/** The alerts of the hash's period and watch when one is set (#/alerts?from=…&to=…&watch=…), else every alert. */
function AlertList() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<AlertStatus | 'all'>('all');
  const [period, setPeriod] = usePeriod();
  const bounds = period.from && period.to ? { from: period.from, to: period.to } : null;
  const scope = bounds ? { ...bounds, watchId: period.watchIds[0] } : {};
  const pages = usePageStarts<{ openedAt: string; id: number }>(JSON.stringify([status, scope]));
  const alerts = useAlerts(useWorkspaceId(), status, scope, { limit: PAGE, before: pages.current });
  const last = alerts.data?.length === PAGE ? alerts.data.at(-1) : undefined;
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('detection.alerts.title')}
        </Title>
        <Group align="flex-end">
          <PeriodPicker bounds={bounds} onBounds={(b) => setPeriod(b)} testId="alerts-period" />
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as AlertStatus | 'all')}
            data={(['all', 'open', 'acknowledged', 'dismissed'] as const).map((s) => ({ value: s, label: t(`detection.alerts.filter.${s}`) }))}
          />
        </Group>
      </Group>
      {bounds && (
        <Group gap="xs" data-testid="alerts-in-period">
          <Text size="sm">{t('detection.alerts.inPeriod', { period: periodLabel(bounds.from, bounds.to, i18n.language) })}</Text>
          <Button variant="subtle" size="compact-sm" onClick={() => setPeriod({ from: null, to: null })}>
            {t('detection.alerts.wholeHistory')}
          </Button>
        </Group>
      )}
      <QueryState query={alerts}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{bounds ? t('detection.alerts.noneInPeriod') : t('detection.alerts.empty')}</Text>
          ) : (
            <Stack gap="sm" data-testid="alerts-list">
              {list.map((a) => (
                <AlertRow key={a.id} alert={a} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <KeysetPager
        pages={pages}
        next={last ? { openedAt: last.openedAt, id: last.id } : null}
        busy={alerts.isPlaceholderData}
        labels={{ navigation: t('detection.alerts.pages'), back: t('detection.alerts.newer'), page: t('detection.alerts.page', { page: pages.page }), forward: t('detection.alerts.older') }}
        testIds={{ back: 'alerts-newer', page: 'alerts-page', forward: 'alerts-older' }}
      />
    </>
  );
}
