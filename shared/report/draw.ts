// Drawing the board charts with ECharts' SSR (no DOM): the SVGs of the workbook's
// images, and the save extras that carry them. An entry point of its own, apart
// from shared/report/index, because ECharts (~1 MB) must not reach the app's
// start-up bundle: only the analysis worker, the CLI and the chart sheets draw.
import type { ModelInputs } from '../model/inputs';
import { scenariosToJson, type ScenarioSet } from '../model/scenarios';
import { computeModel } from '../core/compute';
import type { ModelResult } from '../core/result';
import { boardCharts } from './charts';
import { renderChartSvg } from './render-svg';
import { comparisonForWorkbook, finishWorkbookExtras, rasterizeCharts, type ChartSvg, type Rasterize, type WorkbookExtrasArgs, type WorkbookExtrasParts } from './workbook-extras';
import type { BoardImage } from '../workbook/types';

export { renderChartSvg };

/** The five board charts of the base case as SVG (ECharts SSR): the heavy, pure part of the images. */
export function boardChartSvgs(base: ModelInputs, result: ModelResult<number> = computeModel(base)): ChartSvg[] {
  return boardCharts(base, result).map((chart) => {
    const { width, height } = chart;
    return { name: chart.title, svg: renderChartSvg(chart.option, width, height), widthPx: width, heightPx: height };
  });
}

export async function boardImages(base: ModelInputs, rasterize: Rasterize, result: ModelResult<number> = computeModel(base), scale = 2): Promise<BoardImage[]> {
  return rasterizeCharts(boardChartSvgs(base, result), rasterize, scale);
}

export function workbookExtrasParts(base: ModelInputs, set: ScenarioSet, sensitivity?: unknown): WorkbookExtrasParts {
  const result = computeModel(base);
  return {
    extras: { scenarios: scenariosToJson(set), ...(sensitivity === undefined ? {} : { sensitivity }) },
    scenarioComparison: comparisonForWorkbook(base, set, result),
    charts: boardChartSvgs(base, result),
  };
}

export async function buildWorkbookExtras(base: ModelInputs, set: ScenarioSet, rasterize: Rasterize, sensitivity?: unknown): Promise<WorkbookExtrasArgs> {
  return finishWorkbookExtras(workbookExtrasParts(base, set, sensitivity), rasterize);
}
