// Draws charts to SVG strings with ECharts' SSR, off the main thread: the
// Actuals sheet's bridge, retention and cohort charts (a 60-month bridge or a
// 60 × 60 heat map held the page for 100–250 ms when ECharts ran in it) and the
// Sensitivity tornado (over 100 ms in the page on the large model). The same
// call the CLI and the workbook images use (shared/report/draw.ts).
import { actualsChart, planActualChart, sheetChartOption } from '@shared/report/index';
import { renderChartSvg } from '@shared/report/draw';
import type { ChartCalls } from './core-calls';
import { serveCalls } from './core-client';

serveCalls<ChartCalls>({
  actuals: ({ chart, sheet, currency, width, height }) => renderChartSvg(actualsChart(chart, sheet, currency), width, height),
  planActual: ({ rows, currency, width, height }) => renderChartSvg(planActualChart(rows, currency), width, height),
  svg: ({ option, width, height }) => renderChartSvg(option, width, height),
  sheetChart: ({ request, width, height }) => renderChartSvg(sheetChartOption(request), width, height),
});
