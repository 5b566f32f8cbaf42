import { describe, expect, it } from 'vitest';
import type { DashboardSeries, VolumePoint } from '../../../../../src/shared/domain/dashboard';
import { LEVEL_HEX, volumeChartOption } from '../../../../../src/renderer/src/features/dashboard/volumeChartOption';

const texts = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
  untoned: 'No tone',
  usual: 'Usual level',
  usualBand: 'Usual range',
  negativeShare: 'Negative share',
  levelName: 'Level',
  level: (l: string) => l.toUpperCase(),
  alertMark: (l: string) => `Alert ${l}`,
  statementMark: (title: string) => `Published ${title}`,
};

const point = (minute: number, over: Partial<VolumePoint> = {}): VolumePoint => ({
  at: new Date(Date.UTC(2026, 2, 10, 11, minute)).toISOString(),
  count: 0,
  negative: 0,
  neutral: 0,
  positive: 0,
  negativeShare: null,
  baseline: null,
  level: 'calm',
  ...over,
});

const series: DashboardSeries = {
  watchId: 1,
  range: '1h',
  from: '2026-03-10T11:00:00.000Z',
  to: '2026-03-10T11:04:00.000Z',
  bucketMinutes: 1,
  baselineDays: 3,
  replayed: null,
  total: 12,
  negativeShare: { share: 8 / 11, low: 0.43, high: 0.9, corrected: false },
  points: [
    point(0, { count: 2, negative: 1, neutral: 1, negativeShare: 0.5, baseline: { low: 1, median: 2, high: 4 } }),
    point(1, { count: 6, negative: 3, neutral: 1, positive: 1, negativeShare: 0.6, baseline: { low: 1, median: 2, high: 4 } }),
    point(2, { count: 4, negative: 4, negativeShare: 1, level: 'alert' }),
    point(3),
  ],
  alerts: [{ id: 7, at: '2026-03-10T11:02:30.000Z', level: 'alert' }],
  statements: [{ id: 's1', title: 'Holding', at: '2026-03-10T11:03:05.000Z', channels: ['mastodon'] }],
};

type Series = Array<{ name: string; data: unknown[]; stack?: string; markLine?: { data: Array<{ name: string; xAxis: string }> } }>;

describe('volumeChartOption', () => {
  const option = volumeChartOption(series, texts, 'en', true) as { animation: boolean; series: Series; dataZoom: unknown[] };
  const byName = (name: string) => option.series.find((s) => s.name === name)!;

  it('stacks tone bars, counts mentions without a tone apart, and never animates', () => {
    expect(option.animation).toBe(false);
    expect(byName('Negative').data).toEqual([1, 3, 4, 0]);
    expect(byName('Positive').data).toEqual([0, 1, 0, 0]);
    expect(byName('No tone').data).toEqual([0, 1, 0, 0]);
    expect(new Set(['Negative', 'Neutral', 'Positive', 'No tone'].map((n) => byName(n).stack))).toEqual(new Set(['tone']));
  });

  it('draws the usual band as a low line plus the stacked width, and the median apart', () => {
    expect(byName('Usual range-low').data).toEqual([1, 1, null, null]);
    expect(byName('Usual range').data).toEqual([3, 3, null, null]);
    expect(byName('Usual level').data).toEqual([2, 2, null, null]);
  });

  it('skips the share where too few mentions have a tone, and colours the level strip by level', () => {
    expect(byName('Negative share').data).toEqual([null, 60, 100, null]);
    const strip = byName('Level').data as Array<{ itemStyle: { color: string } }>;
    expect(strip.map((d) => d.itemStyle.color)).toEqual([LEVEL_HEX.calm, LEVEL_HEX.calm, LEVEL_HEX.alert, LEVEL_HEX.calm]);
  });

  it('puts alert and publication markers on the bar of their minute', () => {
    expect(byName('No tone').markLine?.data.map((m) => [m.name, m.xAxis])).toEqual([
      ['Alert alert', '2026-03-10T11:02:00.000Z'],
      ['Published Holding', '2026-03-10T11:03:00.000Z'],
    ]);
    expect(option.dataZoom).toHaveLength(2);
  });

  it('writes tooltip numbers and times in the reader’s form, French with a comma and a narrow space before the colon', () => {
    const decimal = { ...series, points: [point(0, { count: 9, negative: 5, negativeShare: 0.47, baseline: { low: 1.5, median: 4.7, high: 6.25 } })] };
    const fr = volumeChartOption(decimal, texts, 'fr', true) as { tooltip: { formatter: (p: Array<{ dataIndex: number }>) => string } };
    const html = fr.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('Usual level\u202f: 4,7 (1,5–6,3)');
    expect(html).toContain('Negative share\u202f: 47\u00a0%');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const en = volumeChartOption(decimal, texts, 'en', true) as { tooltip: { formatter: (p: Array<{ dataIndex: number }>) => string } };
    expect(en.tooltip.formatter([{ dataIndex: 0 }])).toContain('Usual level: 4.7 (1.5–6.3)');
  });
});

type Axis = { axisLabel: { interval?: number | ((index: number, value: string) => boolean); formatter: (value: string, index: number) => string } };

describe('the time axis', () => {
  const period = (fromIso: string, bucketMinutes: number, count: number): DashboardSeries => ({
    ...series,
    range: null,
    bucketMinutes,
    alerts: [],
    statements: [],
    points: Array.from({ length: count }, (_, i) => ({ ...point(0), at: new Date(Date.parse(fromIso) + i * bucketMinutes * 60_000).toISOString() })),
  });
  const labels = (s: DashboardSeries, language = 'en') => {
    const option = volumeChartOption(s, texts, language, true, 'Europe/Zurich') as { xAxis: Axis[] };
    const { interval, formatter } = option.xAxis[0]!.axisLabel;
    return s.points.flatMap((p, i) => (typeof interval !== 'function' || interval(i, p.at) ? [formatter(p.at, i)] : []));
  };

  it.each([
    ['the last hour by minute', '2026-03-10T11:01:00Z', 1, 60],
    ['the last day by quarter hour', '2026-03-09T11:15:00Z', 15, 96],
    ['three days by quarter hour', '2026-03-02T23:00:00Z', 15, 288],
    ['six days by half hour', '2026-03-02T23:00:00Z', 30, 288],
    ['a week by hour', '2026-03-01T23:00:00Z', 60, 168],
    ['a month by three hours', '2026-03-01T23:00:00Z', 180, 248],
    ['a year by two days', '2025-05-31T22:00:00Z', 2880, 183],
  ])('labels %s with a few distinct round moments', (_, from, bucket, count) => {
    const shown = labels(period(from, bucket, count));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('puts labels on local midnights for a week, on the hour with the day for three days, on months for a year', () => {
    expect(labels(period('2026-03-01T23:00:00Z', 60, 168))).toEqual(['2 Mar', '3 Mar', '4 Mar', '5 Mar', '6 Mar', '7 Mar', '8 Mar']);
    expect(labels(period('2026-03-02T23:00:00Z', 15, 288), 'fr').slice(0, 3)).toEqual(['3 mars 00:00', '3 mars 12:00', '4 mars 00:00']);
    expect(labels(period('2026-03-10T11:01:00Z', 1, 60))[0]).toBe('12:10');
    const year = labels(period('2025-05-31T22:00:00Z', 2880, 183));
    expect(year[0]).toBe('Jul 2025');
    expect(year).toContain('Jan 2026');
  });
});
