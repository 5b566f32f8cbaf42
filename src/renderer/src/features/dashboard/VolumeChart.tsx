// The live volume chart of one watch, themed with the app's colour scheme.
import { useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardSeries } from '../../../../shared/domain/dashboard';
import { EChart } from '../../components/EChart';
import { volumeChartOption } from './volumeChartOption';

export function VolumeChart({ series }: { series: DashboardSeries }) {
  const { t, i18n } = useTranslation();
  const dark = useComputedColorScheme('dark') === 'dark';
  const option = useMemo(
    () =>
      volumeChartOption(
        series,
        {
          negative: t('dashboard.chart.negative'),
          neutral: t('dashboard.chart.neutral'),
          positive: t('dashboard.chart.positive'),
          untoned: t('dashboard.chart.untoned'),
          usual: t('dashboard.chart.usual'),
          usualBand: t('dashboard.chart.usualBand'),
          negativeShare: t('dashboard.chart.negativeShare'),
          levelName: t('dashboard.chart.level'),
          level: (level) => t(`detection.level.${level}`),
          alertMark: (level) => t('dashboard.chart.alertMark', { level: t(`detection.level.${level}`) }),
          statementMark: (title) => t('dashboard.chart.statementMark', { title }),
        },
        i18n.language,
        dark,
      ),
    [series, t, i18n.language, dark],
  );
  return (
    <EChart
      option={option}
      height={460}
      dark={dark}
      label={t('dashboard.chart.label', { minutes: series.bucketMinutes })}
      testId="dashboard-volume-chart"
    />
  );
}
