import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, BoxplotChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart with a text alternative: the box is an image named by `description`
 * (which lists the numbers), so screen readers get the data, not the drawing.
 */
export function EChart({
  option,
  description,
  height = 260,
}: {
  option: ChartOption;
  description: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Options are rebuilt on every render of the page; draw again only when their content changes.
  const serialized = JSON.stringify(option);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption(JSON.parse(serialized) as ChartOption);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [serialized]);
  return <div ref={ref} role="img" aria-label={description} style={{ width: '100%', height }} />;
}
