import { computeSensitivity, defaultTwoWay } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { largeModel, rampedModel, segmentedModel } from '../tests/support/models';
const m = segmentedModel(rampedModel(largeModel()));
const spec = defaultTwoWay(m);
const s = computeSensitivity(m, spec);
const num = (x: any) => (x === null ? null : typeof x === 'object' && 'toNumber' in x ? x.toNumber() : x);
const known = { spec, cells: s.twoWay.cells.map((r) => r.map(num)), problems: s.twoWay.problems, tornado: { figure: s.tornado.figure, base: num(s.tornado.base), bars: s.tornado.bars.map((b: any) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, num(v)]))) }, drag: JSON.parse(JSON.stringify(s.drag, (_k, v) => (v && typeof v === 'object' && 'toNumber' in v ? v.toNumber() : v))) };
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  await writeWorkbook({ inputs: m, appVersion: 'x', known: { sensitivity: known as any } });
  console.log('write with known sensitivity', (performance.now() - t).toFixed(0));
}
const { writeWorkbook: w } = await import('@shared/workbook/index');
const plain = rampedModel(largeModel());
const t = performance.now(); await w({ inputs: plain, appVersion: 'x' }); console.log('plain large ramped (with sensitivity)', (performance.now() - t).toFixed(0));
