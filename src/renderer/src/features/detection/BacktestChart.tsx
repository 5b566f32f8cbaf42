// Volume chart of a backtest: mentions per 5 minutes, the usual level, and the alerts that would have opened.
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BacktestResult } from '../../../../shared/domain/detection';
import { formatDateTime } from '../../i18n/format';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Automated browsers get no animation, so screenshots show the final chart. */
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

export function BacktestChart({ result }: { result: BacktestResult }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const times = result.buckets.map((b) => b.at);
    const label = (iso: string) => formatDateTime(iso, i18n.language);
    chart.setOption({
      animation: animate,
      tooltip: {
        trigger: 'axis',
        // The bucket's local time and counts in the reader's form, not the ISO key of the category axis.
        formatter: (params: Array<{ dataIndex: number; seriesName: string; value: number | null; marker: string }>) => {
          const bucket = result.buckets[params[0]?.dataIndex ?? -1];
          if (!bucket) return '';
          const number = new Intl.NumberFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
          const colon = i18n.language === 'fr' ? '\u202f: ' : ': ';
          const rows = params.map((p) => `${p.marker}${p.seriesName}${colon}${p.value === null ? '—' : number.format(p.value)}`);
          return [`<b>${label(bucket.at)}</b>`, ...rows].join('<br/>');
        },
      },
      legend: { top: 0, data: [t('detection.backtest.mentions'), t('detection.backtest.baseline')] },
      grid: { left: 48, right: 96, top: 48, bottom: 40 },
      xAxis: { type: 'category', data: times, axisLabel: { formatter: label, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('detection.backtest.mentions'),
          type: 'bar',
          data: result.buckets.map((b) => b.count),
          itemStyle: { color: '#228be6' },
          markLine: {
            symbol: 'none',
            label: { formatter: (p: { name: string }) => p.name, position: 'insideEndTop' },
            lineStyle: { color: '#e8590c', width: 2 },
            data: result.alerts.map((a) => ({
              name: t(`detection.level.${a.level}`),
              xAxis: times.find((at) => at >= a.openedAt.slice(0, 16)) ?? times[times.length - 1],
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
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [result, t, i18n.language]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="backtest-chart" aria-label={t('detection.backtest.chartTitle')} role="img" />;
}
