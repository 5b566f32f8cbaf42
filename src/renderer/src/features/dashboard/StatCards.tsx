// Large figures for the wall screen: mentions in range, the last bucket against its usual level, negative share, level.
import { Badge, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSeries } from '../../../../shared/domain/dashboard';
import { CRISIS_LEVELS, type CrisisLevel } from '../../../../shared/domain/detection';
import { formatDateTime } from '../../i18n/format';
import { durationText } from './durationText';
import { LEVEL_HEX } from './volumeChartOption';

function Stat({ label, value, note, testId }: { label: string; value: ReactNode; note?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={40} fw={800} lh={1.1} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/**
 * `rangeName` says which period the figures cover ("last 6 h", "1–8 Mar 2026"). A range that follows the clock
 * shows its last bucket against the usual level; a past period shows its busiest bucket and when it was.
 */
export function StatCards({ series, rangeName }: { series: DashboardSeries; rangeName: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB');
  const live = series.range !== null;
  const duration = durationText(series.bucketMinutes, t);
  const peak = series.points.reduce<DashboardSeries['points'][number] | undefined>((best, p) => (best === undefined || p.count > best.count ? p : best), undefined);
  const last = live ? series.points.at(-1) : peak;
  const share = series.negativeShare;
  const percent = (x: number) => `${Math.round(x * 100)}\u00a0%`;
  const level = live
    ? (last?.level ?? 'calm')
    : series.points.reduce<CrisisLevel>((max, p) => (CRISIS_LEVELS.indexOf(p.level) > CRISIS_LEVELS.indexOf(max) ? p.level : max), 'calm');
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }}>
      <Stat testId="stat-total" label={t('dashboard.stats.mentionsIn', { period: rangeName })} value={number.format(series.total)} />
      <Stat
        testId="stat-last"
        label={live ? t('dashboard.stats.lastBucketOf', { duration }) : t('dashboard.stats.peak', { duration })}
        value={number.format(last?.count ?? 0)}
        note={
          !live && last
            ? t('dashboard.stats.peakAt', { time: formatDateTime(last.at, i18n.language) })
            : last?.baseline
              ? t('dashboard.stats.usual', { value: number.format(last.baseline.median) })
              : t('dashboard.stats.noUsual')
        }
      />
      <Stat
        testId="stat-negative"
        label={t('dashboard.stats.negativeShare')}
        value={share ? percent(share.share) : '–'}
        note={
          share
            ? t(share.corrected ? 'dashboard.stats.negativeBandCorrected' : 'dashboard.stats.negativeBandAsClassified', {
                low: percent(share.low),
                high: percent(share.high),
              })
            : undefined
        }
      />
      <Stat
        testId="stat-level"
        label={live ? t('dashboard.stats.level') : t('dashboard.stats.highestLevel')}
        value={
          <Badge size="xl" radius="sm" mt={6} styles={{ root: { background: LEVEL_HEX[level], color: '#111', fontSize: 'clamp(14px, 1.25vw, 20px)', height: 40, maxWidth: '100%' } }}>
            {t(`detection.level.${level}`)}
          </Badge>
        }
      />
    </SimpleGrid>
  );
}
