// The analysis worker: two-way table row by row (so the sheet fills while the
// rest computes), tornado and biggest drag; and the board report with its chart
// options and the scenario comparison. A newer request abandons an older one
// between rows, so fiddling with the axes never queues up stale work.
import { biggestDrag, computeModel, type DragResult, effectiveInputs, toNumbers, tornado, type TornadoBar, twoWayTable, validateInputs } from '../../../shared/index';
import { boardCharts, buildBoardReport, compareScenarios } from '../../../shared/report/index';
import type { AnalysisMessage, AnalysisRequest } from './analysis-protocol';

let latest = 0;
const post = (m: AnalysisMessage) => (self as unknown as Worker).postMessage(m);
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function sensitivity(req: Extract<AnalysisRequest, { kind: 'sensitivity' }>) {
  const t0 = performance.now();
  const { inputs, spec, seq } = req;
  if (validateInputs(inputs).length) throw new Error('the model has invalid inputs');
  for (let i = 0; i < spec.rowValues.length; i++) {
    // One row is the core's own two-way table over a single row value.
    const row = twoWayTable(inputs, { ...spec, rowValues: [spec.rowValues[i]!] });
    post({ seq, kind: 'row', row: i, cells: row.cells[0]!.map((c) => (c === null ? null : c.toNumber())), problems: row.problems[0]! });
    await tick();
    if (latest !== seq) return;
  }
  const t = tornado(inputs, spec.figure);
  post({ seq, kind: 'tornado', figure: t.figure, base: t.base === null ? null : t.base.toNumber(), bars: toNumbers(t.bars) as TornadoBar<number>[] });
  await tick();
  if (latest !== seq) return;
  post({ seq, kind: 'drag', drag: toNumbers(biggestDrag(inputs)) as DragResult<number> });
  post({ seq, kind: 'sensitivityDone', ms: performance.now() - t0 });
}

function report(req: Extract<AnalysisRequest, { kind: 'report' }>) {
  const t0 = performance.now();
  const baseResult = computeModel(req.base);
  const applied = effectiveInputs(req.base, req.scenarios);
  const comparison = compareScenarios(req.base, req.scenarios, computeModel, baseResult);
  let reportData = null, charts: ReturnType<typeof boardCharts> = [];
  if (!applied.problems.length) {
    const result = applied.inputs === req.base ? baseResult : computeModel(applied.inputs);
    reportData = buildBoardReport(applied.inputs, result);
    charts = boardCharts(applied.inputs, result);
  }
  post({ seq: req.seq, kind: 'report', report: reportData, charts, comparison, problems: applied.problems, ms: performance.now() - t0 });
}

self.onmessage = async (e: MessageEvent<AnalysisRequest>) => {
  const req = e.data;
  latest = req.seq;
  try {
    if (req.kind === 'sensitivity') await sensitivity(req);
    else report(req);
  } catch (err) {
    post({ seq: req.seq, kind: 'error', error: err instanceof Error ? err.message : String(err) });
  }
};
