// Server-side rendering of a chart option to an SVG string with ECharts' SSR
// mode: no DOM, so the same call works in Node (the CLI's export), a Web Worker
// and the renderer. The SVG is what the workbook's PNG images are rasterised from.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
