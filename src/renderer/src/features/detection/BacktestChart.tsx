// Volume chart of a backtest: mentions per 5 minutes, the usual level, the level strip the replay went through,
// and where each episode began. Times in local time and the reader's format.
import { useComputedColorScheme } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BacktestResult, CrisisLevel } from '../../../../shared/domain/detection';
import { EChart } from '../../components/EChart';
import { formatDateTime, formatTime } from '../../i18n/format';
import { LEVEL_HEX } from '../dashboard/volumeChartOption';

const LEVEL_RANK: Record<CrisisLevel, number> = { calm: 1, vigilance: 2, alert: 3, crisis: 4 };

export function BacktestChart({ result }: { result: BacktestResult }) {
  const { t, i18n } = useTranslation();
  const dark = useComputedColorScheme('dark') === 'dark';
  const option = useMemo(() => {
    const times = result.buckets.map((b) => b.at);
    const label = (iso: string) => formatDateTime(iso, i18n.language);
    const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
    const colon = i18n.language === 'fr' ? '\u202f: ' : ': ';
    const axisText = dark ? '#dee2e6' : '#343a40';
    return {
      animation: false,
      backgroundColor: 'transparent',
      tooltip: {
        trigger: 'axis',
        // Built from numbers and catalogue strings only: nothing from outside reaches this HTML.
        formatter: (params: Array<{ dataIndex: number }>) => {
          const b = result.buckets[params[0]?.dataIndex ?? -1];
          if (!b) return '';
          return [
            `<b>${label(b.at)}</b>`,
            `${t('detection.backtest.mentions')}${colon}${number.format(b.count)}`,
            ...(b.baseline === null ? [] : [`${t('detection.backtest.baseline')}${colon}${number.format(b.baseline)}`]),
            `${t('dashboard.chart.level')}${colon}${t(`detection.level.${b.level}`)}`,
          ].join('<br/>');
        },
      },
      legend: { top: 0, textStyle: { color: axisText }, data: [t('detection.backtest.mentions'), t('detection.backtest.baseline')] },
      grid: [
        { left: 48, right: 24, top: 48, bottom: 72 },
        { left: 48, right: 24, height: 16, bottom: 40 },
      ],
      xAxis: [
        { type: 'category', data: times, gridIndex: 0, axisLabel: { formatter: (iso: string) => formatTime(iso, i18n.language), hideOverlap: true, color: axisText } },
        { type: 'category', data: times, gridIndex: 1, axisLabel: { show: false }, axisTick: { show: false } },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: { color: axisText } },
        { type: 'value', gridIndex: 1, min: 0, max: 4, show: false },
      ],
      series: [
        {
          name: t('detection.backtest.mentions'),
          type: 'bar',
          data: result.buckets.map((b) => b.count),
          itemStyle: { color: '#228be6' },
          markLine: {
            symbol: 'none',
            label: { formatter: (p: { name: string }) => p.name, position: 'insideEndTop', color: axisText },
            data: result.episodes.map((e) => ({
              name: `${t(`detection.level.${e.peakLevel}`)} · ${formatTime(e.startedAt, i18n.language)}`,
              xAxis: times.filter((at) => at <= e.startedAt).at(-1) ?? times[0],
              lineStyle: { color: LEVEL_HEX[e.peakLevel], width: 2 },
            })),
          },
        },
        {
          name: t('detection.backtest.baseline'),
          type: 'line',
          step: 'middle',
          showSymbol: false,
          data: result.buckets.map((b) => b.baseline),
          lineStyle: { color: '#868e96', type: 'dashed' },
          itemStyle: { color: '#868e96' },
        },
        {
          name: t('dashboard.chart.level'),
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          barCategoryGap: 0,
          data: result.buckets.map((b) => ({ value: LEVEL_RANK[b.level], itemStyle: { color: LEVEL_HEX[b.level] } })),
        },
      ],
    };
  }, [result, t, i18n.language, dark]);
  return <EChart option={option} height={340} dark={dark} label={t('detection.backtest.chartTitle')} testId="backtest-chart" />;
}
