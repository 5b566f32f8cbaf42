// Volume and tone charts rendered by ECharts on the server to SVG strings, so the PDF carries vectors.
import * as echarts from 'echarts';
import type { Alert } from '../../../shared/domain/detection';
import type { StatementReaction } from '../../../shared/domain/report';
import type { WatchSeries } from './reportData';

const WIDTH = 760;
const HEIGHT = 300;
export const CHART_ASPECT = HEIGHT / WIDTH;
const HOUR_MS = 3_600_000;
const MAX_SERIES = 5;
const LEVEL_COLOURS: Record<string, string> = { vigilance: '#f1c40f', alert: '#e67e22', crisis: '#c0392b' };
// The title takes the first 24 px, the legend the next line; the grid starts below both and leaves room for
// the time labels under it, so nothing overlaps at any legend length that fits on one line.
const LEGEND = { top: 30, textStyle: { fontSize: 10 } } as const;
const GRID = { left: 56, right: 24, top: 64, bottom: 32 } as const;
const PALETTE = ['#2c6fbb', '#16a085', '#8e44ad', '#d35400', '#7f8c8d'];

export interface ChartLabels {
  readonly volumeTitle: string;
  readonly toneTitle: string;
  readonly negativeShare: string;
  readonly published: string;
  readonly noData: string;
}

export interface ChartInput {
  readonly series: readonly WatchSeries[];
  readonly alerts: readonly Alert[];
  readonly reactions: readonly StatementReaction[];
  readonly window: { from: string; to: string };
  readonly language: 'fr' | 'en';
  readonly timeZone?: string;
}

function render(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'DejaVu Sans' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function timeAxis(input: ChartInput) {
  const format = new Intl.DateTimeFormat(input.language === 'fr' ? 'fr-CH' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: input.timeZone,
  });
  return {
    type: 'time',
    min: Date.parse(input.window.from),
    max: Date.parse(input.window.to),
    axisLabel: { formatter: (value: number) => format.format(new Date(value)), fontSize: 10, hideOverlap: true },
  };
}

function markers(input: ChartInput) {
  return {
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { color: '#1a1a1a', type: 'dashed', width: 1 },
      label: { show: false },
      data: input.reactions.map((r) => ({ xAxis: Date.parse(r.publishedAt) })),
    },
    markArea: {
      silent: true,
      data: input.alerts.map((a) => [
        { xAxis: Math.max(Date.parse(a.openedAt), Date.parse(input.window.from)), itemStyle: { color: LEVEL_COLOURS[a.level], opacity: 0.15 } },
        { xAxis: a.closedAt ? Date.parse(a.closedAt) : Date.parse(input.window.to) },
      ]),
    },
  };
}

export function volumeChartSvg(input: ChartInput, labels: ChartLabels): string {
  const shown = [...input.series].sort((a, b) => b.total - a.total).slice(0, MAX_SERIES);
  return render({
    color: PALETTE,
    title: { text: labels.volumeTitle, left: 'center', top: 4, textStyle: { fontSize: 13 } },
    legend: LEGEND,
    grid: GRID,
    xAxis: timeAxis(input),
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: shown.map((s, i) => ({
      type: 'line',
      name: s.watchName,
      showSymbol: false,
      step: 'end',
      data: s.points.map((p) => [p.hour * HOUR_MS, p.count]),
      ...(i === 0 ? markers(input) : {}),
    })),
    graphic: shown.every((s) => s.total === 0)
      ? [{ type: 'text', left: 'center', top: 'middle', style: { text: labels.noData, fontSize: 12, fill: '#555' } }]
      : [],
  });
}

export function toneChartSvg(input: ChartInput, labels: ChartLabels): string {
  const byHour = new Map<number, { negative: number; toned: number }>();
  for (const s of input.series) {
    for (const p of s.points) {
      const cell = byHour.get(p.hour) ?? { negative: 0, toned: 0 };
      cell.negative += p.negative;
      cell.toned += p.toned;
      byHour.set(p.hour, cell);
    }
  }
  const points = [...byHour.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(([, c]) => c.toned > 0)
    .map(([hour, c]) => [hour * HOUR_MS, Math.round((c.negative / c.toned) * 1000) / 10]);
  return render({
    color: ['#c0392b'],
    title: { text: labels.toneTitle, left: 'center', top: 4, textStyle: { fontSize: 13 } },
    legend: LEGEND,
    grid: GRID,
    xAxis: timeAxis(input),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %', fontSize: 10 } },
    series: [{ type: 'line', name: labels.negativeShare, showSymbol: false, data: points, areaStyle: { opacity: 0.15 }, ...markers(input) }],
    graphic:
      points.length === 0 ? [{ type: 'text', left: 'center', top: 'middle', style: { text: labels.noData, fontSize: 12, fill: '#555' } }] : [],
  });
}
