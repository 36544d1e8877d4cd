import { describe, expect, it } from 'vitest';
import { bandReason, biggestDrag, computeModel, defaultInputs, nrrBand, toNumbers, type ModelInputs } from '@shared/index';
import { benchmarkForArr, benchmarkPosition, boardFigures, buildBoardReport, formatFigure, money, percent } from '@shared/report/index';
import { g1 } from '../../support/models';

const byKey = (m: ModelInputs) => new Map(boardFigures(buildBoardReport(m)).map((f) => [f.key, f]));

describe('board report tiles', () => {
  it('show the core figures for the default model, each under its board.* key', () => {
    const m = defaultInputs();
    const r = computeModel(m);
    const f = byKey(m);
    r.annual.forEach((y) => expect(f.get(`board.arr.y${y.year}`)!.value).toBe(y.closing));
    expect(f.get('board.nrr.y2')!.value).toBe(r.annual[1]!.nrr);
    expect(f.get('board.grr.y2')!.value).toBe(r.annual[1]!.grr);
    expect(f.get('board.nrrBand')!.value).toBe(nrrBand(r.annual[1]!.nrr));
    expect(f.get('board.expansionShare.y2')!.value).toBe(r.annual[1]!.expansionShare);
    expect(f.get('board.retention.fullJourney')!.value).toBe(r.journey.fullJourneyRetention);
    expect(f.get('board.retention.renewalDecision')!.value).toBe(r.journey.renewalDecisionRetention);
    expect(f.get('board.ltv.revenue')!.value).toBe(r.ltv.revenue);
    expect(f.get('board.ltv.grossMargin')!.value).toBe(r.ltv.grossMargin);
    expect(f.get('board.ltv.discountedGrossMargin')!.value).toBe(r.ltv.discountedGrossMargin);
    expect(f.get('board.ltvToCac')!.value).toBe(r.ltvToCac);
    expect(f.get('board.cacPaybackMonths')!.value).toBe(r.cacPaybackMonths);
    expect(f.get('board.valueOfNrrPoint')!.value).toBe(r.valueOfNrrPoint);
    expect(f.get('board.doublingTimeYears')!.value).toBe(r.doublingTimeYears);
    expect(f.get('board.biggestDrag')!.value).toBe({ onboarding: 'Onboarding', firstValue: 'First value', adoption: 'Adoption', renewal: 'Renewal' }[biggestDrag(m).stage]);
    // Printed as a board deck prints them.
    expect(f.get('board.nrr.y2')!.text).toBe(percent(r.annual[1]!.nrr));
    expect(f.get('board.arr.y1')!.text).toBe(money(r.annual[0]!.closing));
  });

  it('G1 (seed 000): NRR 104.2% is Healthy, one NRR point is $65.0K, and the doubling time follows NRR', () => {
    const m = g1();
    const f = byKey(m);
    expect(f.get('board.nrr.y2')!.text).toBe('104.2%');
    expect(f.get('board.nrrBand')!.value).toBe('Healthy');
    expect(f.get('board.valueOfNrrPoint')!.text).toBe('$65.0K');
    expect(f.get('board.valueOfNrrPoint')!.value).toBeCloseTo(65000, 6);
    expect(f.get('board.arr.y1')!.text).toBe('$6.50M');
    const r = computeModel(m);
    expect(f.get('board.doublingTimeYears')!.value).toBe(r.doublingTimeYears);
  });

  it('the lane table flags a lane under seed 002’s 15% floor and only that lane', () => {
    const m = defaultInputs();
    m.lanes[2]!.grossMargin = 0.12;
    const report = buildBoardReport(m);
    expect(report.lanes.rows.map((l) => l.belowFloor)).toEqual([false, false, true]);
    const r = computeModel(m);
    report.lanes.rows.forEach((row, i) => {
      expect(row.arr.value).toBe(r.lanes[i]!.arrEnd);
      expect(row.share.value).toBe(r.lanes[i]!.share);
      expect(row.arr.key).toBe(`board.lanes.${m.lanes[i]!.id}.arr`);
    });
  });

  it('the biggest-drag tile names the core’s stage and what +5 points there is worth', () => {
    const m = defaultInputs();
    const drag = toNumbers(biggestDrag(m));
    const report = buildBoardReport(m);
    const row = drag.byStage.find((s) => s.stage === drag.stage)!;
    expect(report.drag.stage).toBe(drag.stage);
    expect(report.drag.ltvChange).toBe(row.ltvChange);
    expect(report.tiles.find((t) => t.id === 'drag')!.note).toContain(formatFigure(row.ltvChange, 'money'));
  });

  it('with a one-year horizon the year-2 tiles are left out rather than shown empty', () => {
    const m = defaultInputs();
    m.general.horizonMonths = 12;
    const report = buildBoardReport(m);
    expect(report.year).toBeNull();
    expect(report.tiles.map((t) => t.id)).not.toContain('nrr');
    expect(report.tiles.map((t) => t.id)).toContain('ltvToCac');
  });
});

describe('seed 004 NRR benchmarks by company stage', () => {
  it('pick the stage by ARR, lower bounds inclusive', () => {
    expect(benchmarkForArr(9_999_999).stage).toBe('Early-Stage');
    expect(benchmarkForArr(10_000_000).stage).toBe('Growth');
    expect(benchmarkForArr(99e6).stage).toBe('Growth');
    expect(benchmarkForArr(100e6).stage).toBe('Scale');
  });
  it('place an NRR against the median and top quartile', () => {
    const growth = benchmarkForArr(20e6);
    expect(benchmarkPosition(1.0, growth)).toBe('belowMedian');
    expect(benchmarkPosition(1.05, growth)).toBe('median');
    expect(benchmarkPosition(1.17, growth)).toBe('aboveMedian');
    expect(benchmarkPosition(1.2, growth)).toBe('topQuartile');
  });
  it('the NRR tile uses the stage of the company’s year-2 ARR', () => {
    const m = defaultInputs();
    const arr2 = computeModel(m).annual[1]!.closing;
    const report = buildBoardReport(m);
    expect(report.benchmark!.stage).toBe(benchmarkForArr(arr2).stage);
    // in words a board reads, not the source's stage name
    expect(report.tiles.find((t) => t.id === 'nrr')!.note).toContain(report.benchmark!.companies);
  });
});

describe('formatting', () => {
  it('writes money, shares and deltas the way a board deck does', () => {
    // three significant figures with a unit
    expect(money(6_500_000)).toBe('$6.50M');
    expect(money(25_012_000)).toBe('$25.0M');
    expect(money(65_000)).toBe('$65.0K');
    expect(money(80_000)).toBe('$80.0K');
    expect(money(14_874_000)).toBe('$14.9M');
    expect(money(-2_310_000)).toBe('($2.31M)');
    expect(money(null)).toBe('—');
    expect(money(1200, 'EUR')).toBe('€1.20K');
    expect(percent(1.0422307)).toBe('104.2%');
    expect(formatFigure(0.025, 'points')).toBe('+2.5 pts');
    expect(formatFigure(2.6419, 'years')).toBe('2.6 years');
  });
});

describe('takeaways', () => {
  it('say in words what the figures say, from the same figures', () => {
    const m = defaultInputs();
    const r = computeModel(m);
    const t = buildBoardReport(m).takeaways;
    expect(t[0]).toContain(percent(r.annual[1]!.nrr));
    expect(t[0]).toContain(r.annual[1]!.nrr! < 1 ? 'shrink' : 'grow');
    const d = r.annual[1]!.decomposition!;
    // below Healthy, why: the journey's figures (issue 23)
    expect(t[1]).toBe(bandReason(r));
    expect(t[1]).toContain(percent(r.journey.adoptedAndRenewed));
    expect(t[2]).toContain(percent(d.churn + d.contraction));
    expect(t.join(' ')).not.toMatch(/margin floor/);
    m.lanes[2]!.grossMargin = 0.1;
    expect(buildBoardReport(m).takeaways.at(-1)).toBe('Managed services layer earns less than the 15% margin floor for incremental revenue.');
  });
});
