// The KPI strip's tiles as goal seek's outputs (issue 21): each numeric tile names
// a §10 output the core accepts; the NRR band, a word, names none.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, resolveOutput } from '@shared/index';
import { headlineKpis } from '../../../renderer/src/kpi/KpiStrip';
import { figureOutput } from '../../../renderer/src/what-if/goal-seek-store';
import { g4 } from '../../support/models';

describe('figureOutput', () => {
  it('maps every numeric headline tile to an output whose value is the tile\'s', () => {
    for (const m of [defaultInputs(), g4()]) {
      const r = computeModel(m);
      for (const k of headlineKpis(r)) {
        const key = figureOutput(k.key);
        if (k.format === 'text') { expect(key, k.key).toBeNull(); continue; }
        expect(key, k.key).not.toBeNull();
        const out = resolveOutput(m, key!);
        if (!out.ok) throw new Error(out.error);
        expect(out.value.of(r), k.key).toBe(k.value);
      }
    }
  });

  it('maps the Metrics sheet\'s figures: the yearly lines and the unit economics, not the decomposition or the band', () => {
    const m = defaultInputs();
    const r = computeModel(m);
    const cases: [string, number | null][] = [
      ['metric.nrr.y2', r.annual[1]!.nrr], ['metric.grr.y3', r.annual[2]!.grr], ['metric.arr.y1', r.annual[0]!.closing],
      ['metric.revenue.y2', r.annual[1]!.revenue], ['metric.customers.y3', r.annual[2]!.customersEnd],
      ['metric.ltvDiscounted', r.ltv.discountedGrossMargin], ['metric.ltvToCac', r.ltvToCac], ['metric.cacPayback', r.cacPaybackMonths],
      ['metric.renewalDecisionRetention', r.journey.renewalDecisionRetention],
    ];
    for (const [key, value] of cases) {
      const out = resolveOutput(m, figureOutput(key)!);
      if (!out.ok) throw new Error(out.error);
      expect(out.value.of(r), key).toBe(value);
    }
    for (const key of ['metric.churn.y2', 'metric.nrrBand', 'metric.doublingTime', 'kpi.nrrBand', 'kpi.revenue.y1', 'journey.renewal.rate']) expect(figureOutput(key), key).toBeNull();
  });
});

describe('figureOutput on the Board Report and the ARR bridge', () => {
  it('a board figure that goal seek can aim at names the output whose value it shows', async () => {
    const { buildBoardReport } = await import('@shared/report/index');
    const m = defaultInputs();
    const r = computeModel(m);
    const mapped: string[] = [];
    for (const tile of buildBoardReport(m, r).tiles) for (const f of tile.figures) {
      const key = figureOutput(f.key);
      if (!key) continue;
      mapped.push(f.key);
      const out = resolveOutput(m, key);
      if (!out.ok) throw new Error(out.error);
      expect(out.value.of(r), f.key).toBe(f.value);
    }
    expect(mapped).toEqual(expect.arrayContaining(['board.nrr.y2', 'board.grr.y2', 'board.churn.y2', 'board.ltvToCac', 'board.cacPaybackMonths', 'board.ltv.discountedGrossMargin']));
  });

  it('a yearly bridge cell names its year’s output; contraction and churn are the amounts (the cell shows them negative)', () => {
    const m = defaultInputs();
    const r = computeModel(m);
    const cases: [string, number | null][] = [
      ['bridge.y3.closing', r.annual[2]!.closing], ['bridge.y2.nrr', r.annual[1]!.nrr], ['bridge.y1.customers', r.annual[0]!.customersEnd],
      ['bridge.y2.churn', r.annual[1]!.churn], ['bridge.y2.contraction', r.annual[1]!.contraction], ['bridge.y1.newLogo', r.annual[0]!.newLogo],
    ];
    for (const [dataKey, value] of cases) {
      const out = resolveOutput(m, figureOutput(dataKey)!);
      if (!out.ok) throw new Error(out.error);
      expect(out.value.of(r), dataKey).toBe(value);
    }
    expect(figureOutput('bridge.y2.opening')).toBeNull();
    expect(figureOutput('bridge.m5.closing')).toBeNull();
  });
});
