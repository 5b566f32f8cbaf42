// Thin ECharts wrapper: only the chart types and components the app uses, SVG rendering (crisp on a wall screen,
// works under jsdom), resized by a ResizeObserver, disposed on unmount. Options are merged on update, so zoom
// and legend choices survive live refreshes.
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  option: ChartOption;
  height: number | string;
  dark: boolean;
  label: string;
  testId?: string;
}

export function EChart({ option, height, dark, label, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    // Series are replaced as a whole (their count can change); the rest, zoom included, is merged.
    chart.current?.setOption(option, { replaceMerge: ['series'], lazyUpdate: true });
  }, [option, dark]);

  return <div ref={host} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
