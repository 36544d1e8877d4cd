// The tornado (spec §6) as an ECharts option: each driver's low and high case as
// the change from the base value, largest swing on top. Pure data, like the board
// charts, so the worker could build it and the workbook could embed it.
import type { EChartsOption } from 'echarts';
import type { TornadoBar } from '../index';
import { CHART_FONT, PALETTE } from './charts';
import { formatFigure, type FigureFormat } from './format';
import { textWidth, wrapText } from './text-width';

/** The driver names' font size and widest line (px); a longer name is cut with "…". */
const LABEL_SIZE = 10.5;
const LABEL_MAX = 320;

/** The figure formats of figureChoices() in the report's terms. */
export const figureFormat = (f: 'percent' | 'money' | 'ratio'): FigureFormat => f;

export function tornadoChart(
  bars: readonly TornadoBar<number>[],
  base: number | null,
  figureLabel: string,
  format: FigureFormat,
  driverFormat: (key: string, value: number) => string,
  currency = 'USD',
  top = 12,
): EChartsOption {
  const shown = bars.slice(0, top);
  const fmt = (x: number | null) => formatFigure(x, format, currency);
  const delta = (x: number | null) => (x === null || base === null ? 0 : x - base);
  // Room on both sides for the value labels, so they never run into the driver names.
  const reach = Math.max(1e-12, ...shown.flatMap((b) => [Math.abs(delta(b.lowValue)), Math.abs(delta(b.highValue))]));
  // Fitted here, not by ECharts: drawn in a worker, ECharts measures text by an
  // estimate narrower than the page's font, and its own fit let long names run
  // off the left edge. text-width.ts errs wide, so a name judged to fit does.
  const cats = shown.map((b) => wrapText(`${b.label} (${driverFormat(b.key, b.low)} – ${driverFormat(b.key, b.high)})`, LABEL_MAX, LABEL_SIZE, 1)[0] ?? '');
  const labelWidth = Math.max(0, ...cats.map((c) => textWidth(c, LABEL_SIZE)));
  const label = (text: string, side: 'left' | 'right') => ({ show: true, position: side, formatter: text, color: PALETTE.ink, fontSize: 10, fontFamily: CHART_FONT });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT, color: PALETTE.ink },
    title: {
      text: `Tornado: ${figureLabel}`,
      subtext: `Base ${fmt(base)}. Each driver moved down and up (rates ±5 points, money ±10%), largest swing first${bars.length > top ? `; top ${top} of ${bars.length}` : ''}.`,
      left: 8, top: 4, itemGap: 4,
      textStyle: { fontSize: 14, fontWeight: 'bold', color: PALETTE.ink, fontFamily: CHART_FONT },
      subtextStyle: { fontSize: 10.5, color: PALETTE.muted, fontFamily: CHART_FONT },
    },
    legend: { top: 4, right: 8, itemGap: 24, data: ['Driver down', 'Driver up'], textStyle: { fontSize: 10, color: PALETTE.muted, fontFamily: CHART_FONT } },
    grid: { left: 16 + labelWidth, right: 70, top: 58, bottom: 8, containLabel: false },
    yAxis: { type: 'category', inverse: true, data: cats, axisTick: { show: false }, axisLabel: { color: PALETTE.ink, fontSize: LABEL_SIZE, fontFamily: CHART_FONT, interval: 0, overflow: 'none' } },
    xAxis: { type: 'value', show: false, min: -reach * 1.35, max: reach * 1.35 },
    series: [
      {
        name: 'Driver down', type: 'bar', barGap: '-100%', barCategoryGap: '35%', itemStyle: { color: PALETTE.copper },
        data: shown.map((b) => ({ value: delta(b.lowValue), label: label(fmt(b.lowValue), delta(b.lowValue) < 0 ? 'left' : 'right') })),
      },
      {
        name: 'Driver up', type: 'bar', itemStyle: { color: PALETTE.teal },
        data: shown.map((b) => ({ value: delta(b.highValue), label: label(fmt(b.highValue), delta(b.highValue) < 0 ? 'left' : 'right') })),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: PALETTE.muted }, label: { show: false }, data: [{ xAxis: 0 }] },
      },
    ],
  };
}
