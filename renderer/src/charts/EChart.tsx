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
    const box = el.current;
    chart.current = echarts.init(box, null, { renderer: 'svg' });
    // The observer's first callback reports the size the chart was just drawn at:
    // resizing then would draw every chart twice on its first show.
    let drawn = { width: box.clientWidth, height: box.clientHeight };
    const ro = new ResizeObserver(() => {
      const now = { width: box.clientWidth, height: box.clientHeight };
      if (now.width === drawn.width && now.height === drawn.height) return;
      drawn = now;
      chart.current?.resize();
    });
    ro.observe(box);
    return () => { ro.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...option, animation: false }, { notMerge: true });
  }, [option]);

  return <div ref={el} className="echart" role="img" aria-label={label} data-key={dataKey} style={{ width, height }} />;
}
