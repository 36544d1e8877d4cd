// Drawing the board charts with ECharts' SSR (no DOM): the SVGs of the workbook's
// images, and the save extras that carry them. An entry point of its own, apart
// from shared/report/index, because ECharts (~1 MB) must not reach the app's
// start-up bundle: only the analysis worker, the CLI and the chart sheets draw.
import type { ModelInputs } from '../model/inputs';
import type { ScenarioSet } from '../model/scenarios';
import type { TwoWaySpec } from '../core/sensitivity';
import { computeModel } from '../core/compute';
import type { ModelResult } from '../core/result';
import { boardCharts, type ChartId, type ChartSpec } from './charts';
import { renderChartSvg } from './render-svg';
import type { Comparison } from './comparison';
import { comparisonForWorkbook, finishPictures, rasterizeCharts, workbookExtras, type ChartSvg, type Rasterize, type WorkbookExtrasArgs, type WorkbookPictureParts } from './workbook-extras';
import type { BoardImage } from '../workbook/types';

export { renderChartSvg };

/**
 * The board charts the workbook keeps as pictures: those no native Excel chart
 * can draw (docs/workbook.md "Charts"). The rest are native charts over the
 * Board Report's live cells (shared/workbook/sheets/board-charts.ts).
 */
export const PICTURED_CHARTS: readonly ChartId[] = ['bowtie', 'ltvCurve'];

/** A chart drawn at the size it was laid out for: what the app shows as inline SVG (its text stays text, in print and PDF too). */
export interface DrawnChartSvg { id: ChartId; title: string; width: number; height: number; svg: string }

export const drawChart = ({ id, title, option, width, height }: ChartSpec): DrawnChartSvg => ({ id, title, width, height, svg: renderChartSvg(option, width, height) });

/** The pictured board charts of the base case as SVG (ECharts SSR): the heavy, pure part of the images. */
export function boardChartSvgs(base: ModelInputs, result: ModelResult<number> = computeModel(base)): ChartSvg[] {
  return boardCharts(base, result).filter((chart) => PICTURED_CHARTS.includes(chart.id)).map((chart) => {
    const { width, height } = chart;
    return { name: chart.title, svg: renderChartSvg(chart.option, width, height), widthPx: width, heightPx: height };
  });
}

export async function boardImages(base: ModelInputs, rasterize: Rasterize, result: ModelResult<number> = computeModel(base), scale = 2): Promise<BoardImage[]> {
  return rasterizeCharts(boardChartSvgs(base, result), rasterize, scale);
}

/** Figures of the base case already computed (the app's, when current): reused instead of computed again. */
export interface KnownBase { result?: ModelResult<number>; comparison?: Comparison }

export function workbookPictureParts(base: ModelInputs, set: ScenarioSet, known: KnownBase = {}): WorkbookPictureParts {
  const result = known.result ?? computeModel(base);
  return {
    scenarioComparison: comparisonForWorkbook(base, set, result, known.comparison),
    charts: boardChartSvgs(base, result),
  };
}

/** Everything a save adds beside the inputs, as the CLI's export writes it. */
export async function buildWorkbookExtras(base: ModelInputs, set: ScenarioSet, rasterize: Rasterize, sensitivity: TwoWaySpec | null = null): Promise<WorkbookExtrasArgs> {
  return { extras: workbookExtras(set, sensitivity), ...(await finishPictures(workbookPictureParts(base, set), rasterize)) };
}
