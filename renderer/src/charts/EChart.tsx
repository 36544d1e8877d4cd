// One ECharts chart from a plain option (shared/report/charts.ts). SVG renderer:
// crisp when printed or exported through printToPDF, and the same drawing as
// the workbook's images, which are rasterised from ECharts' SSR SVG.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function EChart({ option, width, height, label, dataKey }: { option: EChartsOption; width: number | '100%'; height: number; label: string; dataKey?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current, null, { renderer: 'svg' });
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...option, animation: false }, { notMerge: true });
  }, [option]);

  return <div ref={el} className="echart" role="img" aria-label={label} data-key={dataKey} style={{ width, height }} />;
}
