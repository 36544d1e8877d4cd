import { computeSensitivity, defaultInputs, defaultTwoWay, type ModelInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { largeModel, rampedModel, segmentedModel } from '../tests/support/models';
const num = (x: any) => (x === null ? null : typeof x === 'object' && 'toNumber' in x ? x.toNumber() : x);
const deep = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && 'toNumber' in x ? x.toNumber() : x)));
function known(m: ModelInputs) { const spec = defaultTwoWay(m); const s = computeSensitivity(m, spec); return { spec, cells: s.twoWay.cells.map((r) => r.map(num)), problems: s.twoWay.problems, tornado: deep(s.tornado), drag: deep(s.drag) }; }
for (const [label, m] of [['large ramped (no segments)', rampedModel(largeModel())], ['default 3 seg', segmentedModel(defaultInputs())], ['large ramped 3 seg', segmentedModel(rampedModel(largeModel()))]] as const) {
  const k = known(m);
  const xs: number[] = [];
  for (let i = 0; i < 4; i++) { const t = performance.now(); await writeWorkbook({ inputs: m, appVersion: 'x', known: { sensitivity: k as any } }); xs.push(performance.now() - t); }
  xs.sort((a, b) => a - b);
  console.log(label, xs.map((x) => x.toFixed(0)).join(' '));
}
