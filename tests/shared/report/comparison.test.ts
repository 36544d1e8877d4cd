import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '@shared/workbook/index';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { createScenario, emptyScenarios, scenariosFromJson, switchScenario, type ScenarioSet } from '@shared/model/scenarios';
import { CHART_SIZES, compareScenarios, comparisonTable, excelNumberFormat, money, scenariosFromExtras, type Rasterize } from '@shared/report/index';
import { buildWorkbookExtras } from '@shared/report/draw';

function twoScenarios(): ScenarioSet {
  const a = createScenario(emptyScenarios(), 'Upside', { 'journey.renewal.rate': 0.92, 'lanes.modules.attachRate': 0.45 });
  if (!a.ok) throw new Error(a.error);
  const b = createScenario(a.set, 'Downside', { 'journey.renewal.rate': 0.8, 'lanes.modules.attachRate': 0.2 });
  if (!b.ok) throw new Error(b.error);
  return switchScenario(b.set, b.id);
}

describe('scenario comparison', () => {
  const base = defaultInputs();

  it('shows each scenario’s headline figures as the core computes them, with deltas to the base', () => {
    const set = twoScenarios();
    const c = compareScenarios(base, set);
    expect(c.columns.map((col) => [col.name, col.active])).toEqual([['Base', false], ['Upside', false], ['Downside', true]]);
    const downside = setInput(setInput(base, 'journey.renewal.rate', 0.8), 'lanes.modules.attachRate', 0.2);
    const rb = computeModel(base), rd = computeModel(downside);
    const nrr = c.rows.find((r) => r.key === 'nrr.y2')!;
    expect(nrr.values).toHaveLength(3);
    expect(nrr.values[0]).toBe(rb.annual[1]!.nrr);
    expect(nrr.values[2]).toBe(rd.annual[1]!.nrr);
    expect(nrr.deltas[2]).toBeCloseTo(rd.annual[1]!.nrr! - rb.annual[1]!.nrr!, 15);
    expect(nrr.deltas[0]).toBeNull();
    const arr3 = c.rows.find((r) => r.key === 'arr.y3')!;
    expect(arr3.values[2]).toBe(rd.annual[2]!.closing);
    const band = c.rows.find((r) => r.key === 'nrrBand')!;
    expect(band.deltas).toEqual([null, null, null]);
  });

  it('an invalid scenario is shown as invalid, not computed', () => {
    const s = createScenario(emptyScenarios(), 'Typo', { 'journey.renewal.rate': 8.5 });
    if (!s.ok) throw new Error(s.error);
    const c = compareScenarios(base, s.set);
    expect(c.columns[1]!.problems[0]!.path).toBe('journey.renewal.rate');
    expect(c.rows.every((r) => r.values[1] === null)).toBe(true);
    expect(comparisonTable(c, 'USD').body[0]!.slice(2)).toEqual(['invalid', '']);
    expect(comparisonTable(c, 'USD').header).toEqual(['Figure', 'Base', 'Typo', 'Typo vs Base']);
  });

  it('has one header cell per column: Figure | Base | each scenario | each scenario vs Base', () => {
    const t = comparisonTable(compareScenarios(base, twoScenarios()), 'USD');
    expect(t.header).toEqual(['Figure', 'Base', 'Upside', 'Downside', 'Upside vs Base', 'Downside vs Base']);
    expect(t.body.every((r) => r.length === t.header.length)).toBe(true);
    const nrr = t.body.find((r) => r[0] === 'NRR, year 2')!;
    expect(nrr[4]).toMatch(/^\+\d+\.\d pts$/);
    expect(nrr[5]).toMatch(/^\(\d+\.\d pts\)$/);
    // A scenario's ARR sits under its own name, its difference under "… vs Base".
    const arr = t.body.find((r) => r[0] === 'ARR, end of year 3')!;
    const c = compareScenarios(base, twoScenarios());
    const row = c.rows.find((r) => r.key === 'arr.y3')!;
    expect(arr[t.header.indexOf('Downside')]).toBe(money(row.values[2] as number));
    expect(arr[t.header.indexOf('Downside vs Base')]).toBe(money(row.deltas[2]));
    expect(arr[t.header.indexOf('Downside vs Base')]).toMatch(/^\(\$[\d.]+[KM]\)$/);
  });
});

describe('workbook extras', () => {
  // A stand-in rasteriser: the real ones (canvas, resvg) are tested where they run.
  const fakePng: Rasterize = async (svg, w, h, scale) => new TextEncoder().encode(`${w}x${h}@${scale}:${svg.length}`);

  it('carries the scenarios (read back equal), the pictures of the charts no native chart draws, and the comparison', async () => {
    const base = defaultInputs();
    const set = twoScenarios();
    const args = await buildWorkbookExtras(base, set, fakePng);
    expect(scenariosFromExtras(JSON.parse(JSON.stringify(args.extras))).set).toEqual(set);
    expect(args.boardImages.map((i) => i.name)).toEqual([
      'The bowtie: from first touch to expansion', 'Cohort LTV: revenue per customer',
    ]);
    const { width } = CHART_SIZES.bowtie;
    const height = args.boardImages[0]!.heightPx;
    expect(new TextDecoder().decode(args.boardImages[0]!.png)).toMatch(new RegExp(`^${width}x${height}@2:`));
    expect(args.boardImages[0]).toMatchObject({ widthPx: width });
    expect(args.scenarioComparison.columns).toEqual(['Base', 'Upside', 'Downside', 'Upside vs Base', 'Downside vs Base']);
    const nrr = args.scenarioComparison.rows.find((r) => r.label === 'NRR, year 2')!;
    expect(nrr.format).toBe('percent');
    expect(nrr.values[0]).toBe(computeModel(base).annual[1]!.nrr);
  });

  it('prints a percentage’s delta in points on the workbook’s Board Report sheet (+4.2 pts, not 4.2%)', async () => {
    const base = defaultInputs();
    const args = await buildWorkbookExtras(base, twoScenarios(), fakePng);
    const nrr = args.scenarioComparison.rows.find((r) => r.label === 'NRR, year 2')!;
    expect(args.scenarioComparison.deltaColumns).toEqual([false, false, false, true, true]);
    const bytes = await writeWorkbook({ inputs: base, appVersion: 'test', scenarioComparison: args.scenarioComparison });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Board Report')!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'NRR, year 2' || found) return;
      found = true;
      // columns: Figure | Base | Upside | Downside | Upside vs Base | Downside vs Base
      const delta = row.getCell(5);
      expect(delta.numFmt).toContain('pts');
      expect(delta.value as number).toBeCloseTo(((nrr.values[1] as number) - (nrr.values[0] as number)) * 100, 9);
      expect(row.getCell(3).numFmt).toBe(excelNumberFormat('percent', nrr.values[1] as number));
    });
    let moneyRows = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'ARR, end of year 2') return;
      moneyRows++;
      expect(row.getCell(5).numFmt).toMatch(/^"\+"/); // money deltas are signed
    });
    expect(moneyRows).toBeGreaterThan(0);
    expect(found).toBe(true);
  });

  it('a workbook without scenarios, or with garbage in their place, opens with the base only', () => {
    expect(scenariosFromExtras(undefined).set).toEqual(emptyScenarios());
    expect(scenariosFromExtras({}).set).toEqual(emptyScenarios());
    expect(scenariosFromExtras({ scenarios: [1, 2, 3] }).set.scenarios).toEqual([]);
    expect(scenariosFromJson({ scenarios: [] }).notes).toEqual([]);
  });
});
