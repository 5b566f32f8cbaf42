// The live dashboard of one watch: big figures, the volume/tone/level chart with markers, splits and the stream.
// Everything refreshes from push events; previous data stays on screen while a refresh runs.
import { Grid, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_RANGES, type DashboardRange } from '../../../../shared/domain/dashboard';
import { useDashboardBreakdown, useDashboardSeries } from '../../api/hooks/useDashboard';
import { useWatches } from '../../api/hooks/useListen';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { WatchAlertNotice } from '../detection/WatchAlertNotice';
import { DashboardStream } from './DashboardStream';
import { DemoBadge, DemoBanner } from './DemoBanner';
import { SplitPanels } from './SplitPanels';
import { StatCards } from './StatCards';
import { VolumeChart } from './VolumeChart';

export function DashboardScreen() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const watches = useWatches(workspaceId);
  const [chosen, setChosen] = useState<number | null>(null);
  const [range, setRange] = useState<DashboardRange>('6h');
  const list = watches.data ?? [];
  const watchId = chosen !== null && list.some((w) => w.id === chosen) ? chosen : (list.find((w) => w.enabled)?.id ?? list[0]?.id ?? null);
  const series = useDashboardSeries(workspaceId, watchId, range);
  const breakdown = useDashboardBreakdown(workspaceId, watchId, range);

  return (
    <Stack data-testid="screen-dashboard" gap="md">
      <DemoBanner />
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
              onChange={(v) => v && setChosen(Number(v))}
              allowDeselect={false}
              w={260}
              data-testid="dashboard-watch"
            />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="dashboard-range-label">
              {t('dashboard.range')}
            </Text>
            <SegmentedControl
              aria-labelledby="dashboard-range-label"
              value={range}
              onChange={(v) => setRange(v as DashboardRange)}
              data={DASHBOARD_RANGES.map((r) => ({ value: r, label: t(`dashboard.ranges.${r}`) }))}
              data-testid="dashboard-range"
            />
          </Stack>
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
                        <StatCards series={data} />
                        <Paper withBorder p="md" radius="md" data-testid="dashboard-chart-panel" data-total={data.total}>
                          <VolumeChart series={data} />
                          <Text size="sm" c="dimmed">
                            {t('dashboard.chart.bucket', { minutes: data.bucketMinutes })} ·{' '}
                            {data.baselineDays >= 3 ? t('dashboard.chart.baselineNote', { days: data.baselineDays }) : t('dashboard.chart.noBaseline')}
                          </Text>
                        </Paper>
                      </>
                    )}
                  </QueryState>
                  <QueryState query={breakdown}>{(data) => <SplitPanels breakdown={data} />}</QueryState>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 4 }}>
                <DashboardStream watchId={watchId} watches={list} onOpenAll={() => void (window.location.hash = '/mentions')} />
              </Grid.Col>
            </Grid>
          )
        }
      </QueryState>
    </Stack>
  );
}
