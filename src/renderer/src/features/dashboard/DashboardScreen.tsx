// The dashboard of one watch: big figures, the volume/tone/level chart with markers, splits and the stream, over
// a "last N" range that follows the clock or an absolute period kept in the hash (#/dashboard?from=…&to=…&watch=…).
// Everything refreshes from push events; previous data stays on screen while a refresh runs.
import { Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_RANGES, type DashboardRange } from '../../../../shared/domain/dashboard';
import { useDashboardBreakdown, useDashboardSeries } from '../../api/hooks/useDashboard';
import { useWatches } from '../../api/hooks/useListen';
import { usePeriod } from '../../app/usePeriod';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { PeriodPicker } from '../../components/PeriodPicker';
import { periodLabel } from '../../components/periodLabel';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../i18n/format';
import { GoingOfflineBanner } from '../composer/GoingOfflineBanner';
import { WatchAlertNotice } from '../detection/WatchAlertNotice';
import { DashboardStream } from './DashboardStream';
import { DemoBadge, DemoBanner } from './DemoBanner';
import { durationText } from './durationText';
import { SplitPanels } from './SplitPanels';
import { StatCards } from './StatCards';
import { VolumeChart } from './VolumeChart';

export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const [period, setPeriod] = usePeriod();
  const [range, setRange] = useState<DashboardRange>('6h');
  const list = watches.data ?? [];
  const chosen = period.watchIds[0] ?? null;
  const watchId = chosen !== null && list.some((w) => w.id === chosen) ? chosen : (list.find((w) => w.enabled)?.id ?? list[0]?.id ?? null);
  const bounds = period.from && period.to ? { from: period.from, to: period.to } : null;
  const series = useDashboardSeries(workspaceId, watchId, bounds ?? range);
  const breakdown = useDashboardBreakdown(workspaceId, watchId, bounds ?? range);
  const rangeName = bounds ? periodLabel(bounds.from, bounds.to, i18n.language) : t('dashboard.stats.lastN', { range: t(`dashboard.ranges.${range}`) });

  return (
    <Stack data-testid="screen-dashboard" gap="md">
      <DemoBanner />
      <GoingOfflineBanner workspaceId={workspaceId} incidentId={null} />
      {watchId !== null && <WatchAlertNotice watchId={watchId} />}
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={2}>{t('dashboard.title')}</Title>
          <DemoBadge watchId={watchId} />
        </Group>
        <Group align="flex-end">
          {list.length > 0 && (
            <Select
              label={t('dashboard.watch')}
              data={list.map((w) => ({ value: String(w.id), label: w.name }))}
              value={watchId === null ? null : String(watchId)}
              onChange={(v) => v && setPeriod({ watchIds: [Number(v)] })}
              allowDeselect={false}
              w={260}
              data-testid="dashboard-watch"
            />
          )}
          <PeriodPicker
            testId="dashboard-range"
            ranges={DASHBOARD_RANGES.map((r) => ({ value: r, label: t(`dashboard.ranges.${r}`) }))}
            range={range}
            bounds={bounds}
            onRange={(r) => {
              setRange(r);
              setPeriod({ from: null, to: null });
            }}
            onBounds={(b) => setPeriod(b)}
          />
        </Group>
      </Group>
      <QueryState query={watches}>
        {() =>
          watchId === null ? (
            <Paper withBorder p="lg">
              <Text>{t('dashboard.noWatch')}</Text>
            </Paper>
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 8 }}>
                <Stack gap="md">
                  <QueryState query={series}>
                    {(data) => (
                      <>
                        <StatCards series={data} rangeName={rangeName} />
                        <Paper withBorder p="md" radius="md" data-testid="dashboard-chart-panel" data-total={data.total}>
                          <VolumeChart series={data} />
                          <Text size="sm" c="dimmed">
                            {t('dashboard.chart.bucketOf', { duration: durationText(data.bucketMinutes, t) })} ·{' '}
                            {data.baselineDays >= 3 ? t('dashboard.chart.baselineNote', { days: data.baselineDays }) : t('dashboard.chart.noBaseline')}
                          </Text>
                          {data.replayed && (
                            <Text size="sm" c="dimmed" data-testid="dashboard-replayed">
                              {t('dashboard.chart.replayed', {
                                from: formatDateTime(data.replayed.from, i18n.language),
                                to: formatDateTime(data.replayed.to, i18n.language),
                              })}
                            </Text>
                          )}
                        </Paper>
                      </>
                    )}
                  </QueryState>
                  <QueryState query={breakdown}>{(data) => <SplitPanels breakdown={data} />}</QueryState>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 4 }}>
                <DashboardStream watchId={watchId} watches={list} bounds={bounds} />
              </Grid.Col>
            </Grid>
          )
        }
      </QueryState>
    </Stack>
  );
}
