// The charts of the Ranges, Accounts and Pipeline sheets, by name: the page asks
// the chart worker for one with its data (plain, cloneable), and the worker builds
// the ECharts option here, formatters and all, and draws it to SVG. The page never
// holds an option with functions in it, and never loads ECharts.
import type { EChartsOption } from 'echarts';
import type { ModelInputs } from '../model/inputs';
import { COVERAGE_BAND } from '../accounts/vocabulary';
import type { FigureFormat } from './format';
import type { Histogram } from './range-outcomes';
import { fanChartOption, histogramOption } from './range-charts';

export interface SheetCharts {
  rangesFan: { inputs: ModelInputs; arr: { p10: (number | null)[]; p50: (number | null)[]; p90: (number | null)[] }; base: readonly number[] | null };
  rangesHistogram: { histogram: Histogram; format: FigureFormat; currency: string; base: number | null };
  whitespace: { curve: { accountShare: number; whitespaceShare: number }[] };
  coverage: { periods: { from: string; coverage: number | null }[] };
}
export type SheetChartRequest = { [K in keyof SheetCharts]: { chart: K; args: SheetCharts[K] } }[keyof SheetCharts];

const BUILDERS: { [K in keyof SheetCharts]: (a: SheetCharts[K]) => EChartsOption } = {
  rangesFan: (a) => fanChartOption(a.inputs, a.arr, a.base),
  rangesHistogram: (a) => histogramOption(a.histogram, a.format, a.currency, a.base),
  whitespace: ({ curve }) => ({
    grid: { left: 44, right: 12, top: 44, bottom: 36 },
    title: { text: 'Whitespace by ERS rank', textStyle: { fontSize: 12 }, left: 0 },
    xAxis: { type: 'value', min: 0, max: 1, name: 'accounts, highest ERS first', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      { type: 'line', name: 'whitespace held', showSymbol: false, data: [[0, 0], ...curve.map((p) => [p.accountShare, p.whitespaceShare])], lineStyle: { color: '#1a73e8' }, areaStyle: { color: 'rgba(26,115,232,0.08)' },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#b7791f', type: 'dashed' }, data: [{ xAxis: 0.2 }, { yAxis: 0.8 }], label: { formatter: (p) => ((p.value as number) === 0.2 ? 'top 20%' : '80%') } } },
      { type: 'line', name: 'even spread', showSymbol: false, data: [[0, 0], [1, 1]], lineStyle: { color: '#c4cad3', type: 'dotted' } },
    ],
  }),
  coverage: ({ periods }) => ({
    grid: { left: 44, right: 16, top: 30, bottom: 40 },
    title: { text: 'Coverage by quarter (open ÷ plan not yet won)', textStyle: { fontSize: 12 }, left: 0 },
    xAxis: { type: 'category', data: periods.map((p) => p.from) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v}×` } },
    series: [{
      type: 'bar', name: 'coverage', data: periods.map((p) => (p.coverage === null ? null : Number(p.coverage.toFixed(2)))),
      itemStyle: { color: '#1a73e8' },
      markArea: { silent: true, itemStyle: { color: 'rgba(30,125,69,0.12)' }, data: [[{ yAxis: COVERAGE_BAND.low, name: '2.5–3.5× band' }, { yAxis: COVERAGE_BAND.high }]], label: { position: 'insideTopRight', fontSize: 10 } },
    }],
  }),
};

export function sheetChartOption(r: SheetChartRequest): EChartsOption {
  return (BUILDERS[r.chart] as (a: SheetCharts[typeof r.chart]) => EChartsOption)(r.args);
}
