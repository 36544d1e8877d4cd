// What the board report and the scenarios add to a saved workbook (issue 6):
// the scenarios and the chosen two-way table in `extras` so they read back
// (`workbookExtras`, cheap and pure: a save always has them), and the pictures:
// the five charts as PNG images for the Board Report sheet and the scenario
// comparison table. The CLI's export calls `buildWorkbookExtras` (draw.ts); the
// app's save computes the pictures' heavy part (`workbookPictureParts`, draw.ts)
// in a worker and rasterises on the main thread (`finishPictures`, here: no
// ECharts on the main thread's start-up path). Each has its own rasteriser (a
// canvas in the app, resvg in Node) for the same SVG, so the two files carry the
// same pictures.
//
// The images show the base case: the saved workbook's live formulas compute the
// base inputs, and the pictures beside them must agree with those formulas.
import type { ModelInputs } from '../model/inputs';
import { scenariosFromJson, scenariosToJson, type ScenarioSet } from '../model/scenarios';
import { twoWaySpecToJson } from '../core/sensitivity-spec';
import type { TwoWaySpec } from '../core/sensitivity';
import { computeModel } from '../core/compute';
import type { ModelResult } from '../core/result';
import { compareScenarios, comparisonLayout, type Comparison } from './comparison';
import type { BoardImage, ScenarioComparison, WorkbookExtras } from '../workbook/types';

/** SVG → PNG bytes at `scale` × the chart's CSS size (2 keeps text sharp when printed). */
export type Rasterize = (svg: string, width: number, height: number, scale: number) => Promise<Uint8Array>;

export type { BoardImage };
export type ScenarioComparisonTable = ScenarioComparison;


/** What a save adds to WorkbookDocument beside the inputs: the extras and the pictures. */
export interface WorkbookExtrasArgs extends WorkbookPictures {
  extras: WorkbookExtras;
}

/** The board charts as images and the scenario comparison: derived from the model, so a save can go without them. */
export interface WorkbookPictures {
  boardImages: BoardImage[];
  scenarioComparison: ScenarioComparisonTable;
}

/** The scenarios and the two-way table the user chose (null: the default, left out) as the workbook keeps them. */
export function workbookExtras(set: ScenarioSet, sensitivity: TwoWaySpec | null): WorkbookExtras {
  return { scenarios: scenariosToJson(set), ...(sensitivity ? { sensitivity: twoWaySpecToJson(sensitivity) } : {}) };
}

/**
 * Base | each scenario | each scenario vs Base (comparisonLayout), as numbers so
 * the sheet formats them. `known`: the comparison already computed for this base
 * and set (the app's Scenarios sheet), instead of computing every scenario again.
 */
export function comparisonForWorkbook(base: ModelInputs, set: ScenarioSet, baseResult?: ModelResult<number>, known?: Comparison): ScenarioComparisonTable {
  const c = known ?? compareScenarios(base, set, computeModel, baseResult);
  const layout = comparisonLayout(c);
  const rows = c.rows.map((row) => ({
    label: row.label,
    format: row.format,
    values: layout.map((l) => {
      const col = c.columns[l.column]!;
      if (col.problems.length) return l.kind === 'value' ? 'invalid' : null;
      // a text figure (the band) has no difference: a blank cell, as in the app
      return l.kind === 'value' ? row.values[l.column] ?? null : row.format === 'text' ? '' : row.deltas[l.column] ?? null;
    }),
  }));
  return { columns: layout.map((l) => l.header), rows, deltaColumns: layout.map((l) => l.kind === 'delta') };
}

/** A board chart drawn as SVG, waiting to be rasterised for the workbook. */
export interface ChartSvg { name: string; svg: string; widthPx: number; heightPx: number }

/** SVG → PNG, one chart after another. */
export async function rasterizeCharts(charts: ChartSvg[], rasterize: Rasterize, scale = 2): Promise<BoardImage[]> {
  const out: BoardImage[] = [];
  for (const c of charts) out.push({ name: c.name, png: await rasterize(c.svg, c.widthPx, c.heightPx, scale), widthPx: c.widthPx, heightPx: c.heightPx });
  return out;
}

/**
 * The pictures but the PNGs: pure and synchronous, so the app builds them in a
 * worker (draw.ts: workbookPictureParts) and only rasterises on the main thread.
 */
export interface WorkbookPictureParts {
  scenarioComparison: ScenarioComparisonTable;
  charts: ChartSvg[];
}

/** The parts with their charts rasterised. */
export async function finishPictures(parts: WorkbookPictureParts, rasterize: Rasterize): Promise<WorkbookPictures> {
  return { boardImages: await rasterizeCharts(parts.charts, rasterize), scenarioComparison: parts.scenarioComparison };
}

/** Scenarios from a read workbook's extras (tolerant: see scenariosFromJson). */
export function scenariosFromExtras(extras: unknown): { set: ScenarioSet; notes: string[] } {
  const scenarios = extras !== null && typeof extras === 'object' ? (extras as Record<string, unknown>).scenarios : undefined;
  return scenariosFromJson(scenarios);
}
