// The dashboard chart as an ECharts option: tone-stacked volume bars, the usual-level band and median, the
// negative-share line on its own axis, alert and publication markers, and a crisis-level strip below, all zoomed
// together. Pure, so it is tested without a browser.
import type { CrisisLevel } from '../../../../shared/domain/detection';
import type { DashboardSeries } from '../../../../shared/domain/dashboard';
import type { ChartOption } from '../../components/EChart';
import { timeLabel } from './timeLabel';
import { timeAxis } from './timeAxis';

/** Same hues as the level badges; bright enough to read on a dark wall screen. */
export const LEVEL_HEX: Record<CrisisLevel, string> = { calm: '#12b886', vigilance: '#fab005', alert: '#fd7e14', crisis: '#fa5252' };
const TONE_HEX = { negative: '#fa5252', neutral: '#adb5bd', positive: '#40c057', untoned: '#4dabf7' };
/** A share over one or two mentions swings 0–100 % and hides the trend: the line skips such bars (the tooltip keeps them). */
const MIN_TONED_FOR_SHARE = 3;
const LEVEL_RANK: Record<CrisisLevel, number> = { calm: 1, vigilance: 2, alert: 3, crisis: 4 };

export interface ChartTexts {
  negative: string;
  neutral: string;
  positive: string;
  untoned: string;
  usual: string;
  usualBand: string;
  negativeShare: string;
  levelName: string;
  level: (level: CrisisLevel) => string;
  alertMark: (level: CrisisLevel) => string;
  statementMark: (title: string) => string;
}

/** The bucket (category) an instant falls in, so markers land on the bar they belong to. */
function bucketOf(times: readonly string[], iso: string): string | undefined {
  let found: string | undefined;
  for (const at of times) {
    if (at <= iso) found = at;
    else break;
  }
  return found;
}

/** `timeZone`: the reader's (this screen's when absent), the one the buckets were cut in. */
export function volumeChartOption(series: DashboardSeries, texts: ChartTexts, language: string, dark: boolean, timeZone?: string): ChartOption {
  const times = series.points.map((p) => p.at);
  const wholeDays = series.bucketMinutes % 1440 === 0;
  const axis = timeAxis(times, series.bucketMinutes, language, timeZone);
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  // French sets a narrow no-break space before a colon.
  const colon = language === 'fr' ? '\u202f: ' : ': ';
  const axisText = dark ? '#dee2e6' : '#343a40';
  const markers = [
    ...series.alerts.flatMap((a) => {
      const x = bucketOf(times, a.at);
      return x ? [{ name: texts.alertMark(a.level), xAxis: x, lineStyle: { color: LEVEL_HEX[a.level], width: 2 } }] : [];
    }),
    ...series.statements.flatMap((s) => {
      const x = bucketOf(times, s.at);
      return x ? [{ name: texts.statementMark(s.title), xAxis: x, lineStyle: { color: '#74c0fc', width: 2, type: 'dashed' } }] : [];
    }),
  ];
  const stackBar = (name: string, color: string, data: number[]) => ({
    name,
    type: 'bar',
    stack: 'tone',
    data,
    itemStyle: { color },
    barCategoryGap: '15%',
    emphasis: { focus: 'series' },
  });
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontSize: 14 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // Built from numbers and catalogue strings only: nothing from outside reaches this HTML.
      formatter: (params: Array<{ dataIndex: number }>) => {
        const p = series.points[params[0]?.dataIndex ?? -1];
        if (!p) return '';
        const rows = [
          `<b>${timeLabel(p.at, language, !wholeDays, timeZone)}</b>`,
          `${texts.negative}${colon}${p.negative}`,
          `${texts.neutral}${colon}${p.neutral}`,
          `${texts.positive}${colon}${p.positive}`,
          `${texts.untoned}${colon}${p.count - p.negative - p.neutral - p.positive}`,
          ...(p.baseline ? [`${texts.usual}${colon}${number.format(p.baseline.median)} (${number.format(p.baseline.low)}–${number.format(p.baseline.high)})`] : []),
          ...(p.negativeShare === null ? [] : [`${texts.negativeShare}${colon}${Math.round(p.negativeShare * 100)}\u00a0%`]),
          `${texts.levelName}${colon}${texts.level(p.level)}`,
        ];
        return rows.join('<br/>');
      },
    },
    legend: {
      top: 0,
      textStyle: { color: axisText, fontSize: 14 },
      data: [texts.negative, texts.neutral, texts.positive, texts.untoned, texts.usual, texts.negativeShare],
    },
    grid: [
      { left: 56, right: 56, top: 44, bottom: 150 },
      { left: 56, right: 56, height: 22, bottom: 96 },
    ],
    xAxis: [
      {
        type: 'category',
        data: times,
        gridIndex: 0,
        axisLabel: { interval: axis.shows, formatter: (_: string, index: number) => axis.label(index), hideOverlap: true, color: axisText, fontSize: 13 },
        axisTick: { interval: axis.shows },
      },
      { type: 'category', data: times, gridIndex: 1, axisLabel: { show: false }, axisTick: { show: false } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: { color: axisText, fontSize: 13 } },
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: 100,
        position: 'right',
        splitLine: { show: false },
        axisLabel: { formatter: '{value} %', color: axisText, fontSize: 13 },
      },
      { type: 'value', gridIndex: 1, min: 0, max: 4, show: false },
    ],
    dataZoom: [
      { type: 'inside', xAxisIndex: [0, 1] },
      { type: 'slider', xAxisIndex: [0, 1], bottom: 16, height: 40, labelFormatter: (_: number, value: string) => timeLabel(value, language, !wholeDays, timeZone) },
    ],
    series: [
      stackBar(texts.negative, TONE_HEX.negative, series.points.map((p) => p.negative)),
      stackBar(texts.neutral, TONE_HEX.neutral, series.points.map((p) => p.neutral)),
      stackBar(texts.positive, TONE_HEX.positive, series.points.map((p) => p.positive)),
      {
        ...stackBar(texts.untoned, TONE_HEX.untoned, series.points.map((p) => p.count - p.negative - p.neutral - p.positive)),
        markLine: { symbol: 'none', silent: false, label: { formatter: '{b}', position: 'insideEndTop', color: axisText, fontSize: 13 }, data: markers },
      },
      // The band is drawn as an invisible lower line plus a filled difference stacked on it.
      {
        name: `${texts.usualBand}-low`,
        type: 'line',
        stack: 'band',
        data: series.points.map((p) => p.baseline?.low ?? null),
        lineStyle: { opacity: 0 },
        showSymbol: false,
        silent: true,
        tooltip: { show: false },
      },
      {
        name: texts.usualBand,
        type: 'line',
        stack: 'band',
        data: series.points.map((p) => (p.baseline ? p.baseline.high - p.baseline.low : null)),
        lineStyle: { opacity: 0 },
        areaStyle: { color: dark ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.10)' },
        showSymbol: false,
        silent: true,
        tooltip: { show: false },
      },
      {
        name: texts.usual,
        type: 'line',
        data: series.points.map((p) => p.baseline?.median ?? null),
        lineStyle: { type: 'dashed', width: 2, color: dark ? '#e9ecef' : '#495057' },
        itemStyle: { color: dark ? '#e9ecef' : '#495057' },
        showSymbol: false,
      },
      {
        name: texts.negativeShare,
        type: 'line',
        yAxisIndex: 1,
        data: series.points.map((p) =>
          p.negativeShare === null || p.negative + p.neutral + p.positive < MIN_TONED_FOR_SHARE ? null : Math.round(p.negativeShare * 1000) / 10,
        ),
        lineStyle: { width: 3, color: '#ff922b' },
        itemStyle: { color: '#ff922b' },
        showSymbol: false,
        connectNulls: false,
      },
      {
        name: texts.levelName,
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 2,
        barCategoryGap: 0,
        data: series.points.map((p) => ({ value: LEVEL_RANK[p.level], name: texts.level(p.level), itemStyle: { color: LEVEL_HEX[p.level] } })),
      },
    ],
  };
}
