// The analysis worker: two-way table row by row (so the sheet fills while the
// rest computes), tornado and biggest drag; and the board report with its charts
// drawn to SVG (the page runs no ECharts) and the scenario comparison. A newer
// request abandons an older one between rows, so fiddling with the axes never
// queues up stale work. Also the
// heavy part of a save's pictures: the charts as SVG and the scenario comparison
// (each from the screen's figures when the page sent them, else computed here).
// And the Accounts and Pipeline imports (table-imports.ts).
import { biggestDrag, computeModel, effectiveInputs, goalSeek, outputValue, rangeDrivers, RangeRun, resolveOutput, toNumbers, tornado, twoWayRow, validateInputs, type DragResult, type TornadoBar } from '@shared/index';
import { BOARD_PAGE_CHARTS, boardCharts, buildBoardReport, compareScenarios, planArrKey, planTarget, withPlanTarget } from '@shared/report/index';
import { drawChart, workbookPictureParts, type DrawnChartSvg } from '@shared/report/draw';
import type { AnalysisCalls } from './core-calls';
import { serveCalls } from './core-client';
import { importAccountsFile, importPipelineFile, peekTableFile } from './table-imports';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

serveCalls<AnalysisCalls>({
  async sensitivity({ inputs, spec }, ctx) {
    const t0 = performance.now();
    if (validateInputs(inputs).length) throw new Error('the model has invalid inputs');
    for (let i = 0; i < spec.rowValues.length; i++) {
      const row = twoWayRow(inputs, spec, spec.rowValues[i]!);
      ctx.progress({ kind: 'row', row: i, cells: row.cells.map((c) => (c === null ? null : c.toNumber())), problems: row.problems });
      await tick(); // lets a newer request's cancel arrive
      if (ctx.cancelled()) return null;
    }
    const t = tornado(inputs, spec.figure);
    ctx.progress({ kind: 'tornado', figure: t.figure, base: t.base === null ? null : t.base.toNumber(), bars: toNumbers(t.bars) as TornadoBar<number>[] });
    await tick();
    if (ctx.cancelled()) return null;
    ctx.progress({ kind: 'drag', drag: toNumbers(biggestDrag(inputs)) as DragResult<number> });
    return { ms: performance.now() - t0 };
  },

  report({ base, scenarios }) {
    const t0 = performance.now();
    const baseResult = computeModel(base);
    const applied = effectiveInputs(base, scenarios);
    const comparison = compareScenarios(base, scenarios, computeModel, baseResult);
    let report = null, charts: DrawnChartSvg[] = [];
    if (!applied.problems.length) {
      const result = applied.inputs === base ? baseResult : computeModel(applied.inputs);
      report = buildBoardReport(applied.inputs, result);
      charts = boardCharts(applied.inputs, result).filter((c) => BOARD_PAGE_CHARTS.includes(c.id)).map(drawChart);
    }
    return { report, charts, comparison, problems: applied.problems, ms: performance.now() - t0 };
  },

  pictures({ inputs, scenarios, known }) {
    return workbookPictureParts(inputs, scenarios, known);
  },

  goalSeek({ inputs, request }) {
    return goalSeek(inputs, request);
  },

  async ranges({ inputs, ranges, simulation, outputs }, ctx) {
    const t0 = performance.now();
    if (validateInputs(inputs).length) throw new Error('the model has invalid inputs');
    // The plan is the base case's own ARR, exact (the base case never reads a range).
    const planRef = resolveOutput(inputs, planArrKey(inputs));
    const plan = planRef.ok ? outputValue(inputs, planRef.value) : null;
    const planArr = plan === null ? null : plan.toNumber();
    const run = new RangeRun(inputs, ranges, { ...simulation, targets: withPlanTarget(simulation.targets, planArr === null ? null : planTarget(inputs, planArr)) });
    // Steps of about 25 ms: progress between them, and a cancel arrives at the next.
    let chunk = 5;
    while (run.done < run.total) {
      const s0 = performance.now();
      run.step(chunk);
      const took = performance.now() - s0;
      chunk = Math.max(1, Math.min(500, Math.round(chunk * (25 / Math.max(1, took)))));
      ctx.progress({ done: run.done, total: run.total });
      await tick();
      if (ctx.cancelled()) return null;
    }
    const samples: Record<string, Float64Array> = {};
    for (const key of outputs) samples[key] = run.samplesOf(key);
    return { report: run.report(), samples, planArr, ms: performance.now() - t0 };
  },

  rangeDrivers({ inputs, ranges, output }) {
    return rangeDrivers(inputs, ranges, output);
  },

  peekTable: peekTableFile,
  importAccounts: importAccountsFile,
  importPipeline: importPipelineFile,
});
