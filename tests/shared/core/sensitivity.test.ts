// Spec §6 sensitivity: the two-way table, the tornado and the biggest drag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeYears, computeFigure, computeSensitivity, D, defaultInputs, defaultTwoWay, figureChoices, figureReads, getInput, inputSpecs, setInput, tornado, twoWayRow, twoWayTable, biggestDrag, type ModelInputs } from '@shared/index';
import { baseCohorts } from '@shared/model/ramps';
import { arbModel, arbRampedModel } from '../../support/models';

describe('two-way table', () => {
  it('defaults to year-2 NRR over renewal 70–95% × modules attach 10–50%', () => {
    const spec = defaultTwoWay(defaultInputs());
    expect(spec).toMatchObject({ figure: 'nrr.y2', rowKey: 'journey.renewal.rate', rowValues: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95], colKey: 'lanes.modules.attachRate', colValues: [0.1, 0.2, 0.3, 0.4, 0.5] });
  });

  it('puts in each cell the figure of the model with both inputs changed', () => {
    const m = defaultInputs();
    const t = twoWayTable(m, defaultTwoWay(m));
    expect(t.cells).toHaveLength(6);
    expect(t.cells[0]).toHaveLength(5);
    const changed = setInput(setInput(m, 'journey.renewal.rate', 0.75), 'lanes.modules.attachRate', 0.4);
    expect(t.cells[1]![3]!.eq(computeFigure(changed, 'nrr.y2')!)).toBe(true);
    expect(t.base).toBeNull(); // 35% attach is not on the default axis
  });

  it('leaves a cell empty with the reason when the pair is not a valid model', () => {
    const m = defaultInputs();
    const t = twoWayTable(m, { figure: 'arr.y2', rowKey: 'journey.renewal.rate', rowValues: [0.8, 1.2], colKey: 'acquisition.acv', colValues: [50000] });
    expect(t.cells[0]![0]).not.toBeNull();
    expect(t.cells[1]![0]).toBeNull();
    expect(t.problems[1]![0]).toBe('journey.renewal.rate: must be between 0% and 100%, got 120%');
  });
});

describe('tornado', () => {
  const m = defaultInputs();
  const t = tornado(m, 'nrr.y2');

  it('moves every rate and money driver, rates ±5 points and money ±10%', () => {
    const drivers = inputSpecs(m).filter((s) => s.driver).map((s) => s.key);
    expect(t.bars.map((b) => b.key).sort()).toEqual(drivers.sort());
    const renewal = t.bars.find((b) => b.key === 'journey.renewal.rate')!;
    expect([renewal.low, renewal.high]).toEqual([0.8, 0.9]);
    const acv = t.bars.find((b) => b.key === 'acquisition.acv')!;
    expect([acv.low, acv.high]).toEqual([58500, 71500]);
    const hi = setInput(m, 'journey.renewal.rate', 0.9);
    expect(renewal.highValue!.eq(computeFigure(hi, 'nrr.y2')!)).toBe(true);
  });

  it('clamps a rate at the edge of its range: 98% moves to 93% and 100%, 2% to 0% and 7%', () => {
    const edge = setInput(setInput(m, 'journey.adoption.rate', 0.98), 'journey.contractionRate', 0.02);
    const bars = tornado(edge, 'nrr.y2').bars;
    const ad = bars.find((b) => b.key === 'journey.adoption.rate')!;
    expect([ad.low, ad.high]).toEqual([0.93, 1]);
    const ct = bars.find((b) => b.key === 'journey.contractionRate')!;
    expect([ct.low, ct.high]).toEqual([0, 0.07]);
  });

  it('is sorted by swing, largest first', () => {
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i - 1]!.swing.gte(t.bars[i]!.swing)).toBe(true);
    expect(t.bars[0]!.swing.gt(0)).toBe(true);
  });

  it('CAC moves LTV:CAC but not NRR', () => {
    expect(t.bars.find((b) => b.key === 'acquisition.cacPerCustomer')!.swing.isZero()).toBe(true);
    const ratio = tornado(m, 'ltvToCac').bars.find((b) => b.key === 'acquisition.cacPerCustomer')!;
    expect(ratio.swing.gt(0)).toBe(true);
  });
});

describe('what a figure does not read (the tornado skips computing those drivers)', () => {
  // Every driver a figure is said not to read, moved as the tornado moves it and further:
  // the figure stays the same to the last digit. A core change that makes, say, NRR read
  // a margin fails here, not silently in the tornado.
  const moves = (x: number, kind: 'rate' | 'money') => (kind === 'rate' ? [0, 0.37, 1] : [0, x * 0.9, x * 1.1 + 1000]);
  const check = (m: ModelInputs) => {
    const years = completeYears(m.general.horizonMonths);
    const specs = inputSpecs(m).filter((s) => s.driver);
    for (const f of figureChoices(years, baseCohorts(m).length > 0)) {
      const base = computeFigure(m, f.key);
      for (const spec of specs.filter((s) => !figureReads(f.key, s.key))) {
        const own = getInput(m, spec.key);
        for (const v of moves(typeof own === 'number' ? own : 0, spec.driver!)) {
          expect(computeFigure(setInput(m, spec.key, v), f.key)?.toString(), `${f.key} with ${spec.key} = ${v}`).toBe(base?.toString());
        }
      }
    }
  };

  it('ARR, NRR and GRR read no margin, discount rate or CAC; LTV no CAC; only LTV:CAC reads everything', () => {
    expect(figureReads('nrr.y2', 'lanes.modules.grossMargin')).toBe(false);
    expect(figureReads('arr.y1', 'acquisition.cacPerCustomer')).toBe(false);
    expect(figureReads('grr.y3', 'journey.renewal.rate')).toBe(true);
    expect(figureReads('ltv.revenue', 'general.subscriptionGrossMargin')).toBe(false);
    expect(figureReads('ltv.discountedGrossMargin', 'general.discountRateAnnual')).toBe(true);
    expect(figureReads('ltvToCac', 'acquisition.cacPerCustomer')).toBe(true);
  });

  it('holds on random models, plain and ramped with an installed base', () => {
    fc.assert(fc.property(arbModel, (m) => check(m)), { numRuns: 12, seed: 23 });
    fc.assert(fc.property(arbRampedModel, (m) => check(m)), { numRuns: 12, seed: 23 });
  }, 120_000);

  it('gives the tornado the same bars as computing every driver', () => {
    const m = defaultInputs();
    for (const figure of ['nrr.y2', 'ltv.revenue', 'ltvToCac']) {
      const t = tornado(m, figure);
      for (const b of t.bars) {
        const at = (x: number | number[]) => computeFigure(setInput(m, b.key, x), figure)?.toString();
        expect([b.lowValue?.toString(), b.highValue?.toString()], `${figure}: ${b.key}`).toEqual([at(b.lowInput), at(b.highInput)]);
      }
    }
  });
});

describe('one row of the two-way table (the app streams it row by row)', () => {
  it('is the table’s row', () => {
    const m = defaultInputs();
    const spec = defaultTwoWay(m);
    const t = twoWayTable(m, spec);
    spec.rowValues.forEach((r, i) => {
      const row = twoWayRow(m, spec, r);
      expect(row.cells.map((c) => c?.toString())).toEqual(t.cells[i]!.map((c) => c?.toString()));
      expect(row.problems).toEqual(t.problems[i]);
    });
  });
});

describe('biggest drag (seed 000)', () => {
  const ltv = (m: ModelInputs) => computeFigure(m, 'ltv.discountedGrossMargin')!;

  it('is the stage whose +5 points adds the most discounted gross-margin LTV', () => {
    const m = defaultInputs();
    const d = biggestDrag(m);
    const gains = d.byStage.map((s) => ltv(setInput(m, s.key, D.min(1, new D(getInput(m, s.key) as number).add('0.05')).toNumber())).sub(ltv(m)));
    const best = gains.reduce((bi, g, i) => (g.gt(gains[bi]!) ? i : bi), 0);
    expect(d.stage).toBe(d.byStage[best]!.stage);
    d.byStage.forEach((s, i) => expect(s.ltvChange.eq(gains[i]!)).toBe(true));
  });

  it('caps the improvement at 100%: a stage already at 100% gains nothing', () => {
    const m = setInput(defaultInputs(), 'journey.onboarding.rate', 0.97);
    const on = biggestDrag(m).byStage.find((s) => s.stage === 'onboarding')!;
    expect(on.to).toBe(1);
    const full = biggestDrag(setInput(defaultInputs(), 'journey.onboarding.rate', 1)).byStage.find((s) => s.stage === 'onboarding')!;
    expect(full.ltvChange.isZero()).toBe(true);
  });

  it('moves only renewal.rate for the renewal stage', () => {
    const m = defaultInputs();
    const renewal = biggestDrag(m).byStage.find((s) => s.stage === 'renewal')!;
    expect(renewal.key).toBe('journey.renewal.rate');
    expect(renewal.ltvChange.eq(ltv(setInput(m, 'journey.renewal.rate', 0.9)).sub(ltv(m)))).toBe(true);
  });

  it('gives a tie to the earlier stage, and picks the least bad when every change hurts', () => {
    // every stage at 100%: no stage can improve, all four tie at 0 → onboarding
    let m = defaultInputs();
    for (const k of ['journey.onboarding.rate', 'journey.firstValue.rate', 'journey.adoption.rate', 'journey.renewal.rate']) m = setInput(m, k, 1);
    expect(biggestDrag(m).stage).toBe('onboarding');
    // non-adopters renew better than adopters: every stage gain lowers LTV except the renewal rate
    const worse = setInput(setInput(defaultInputs(), 'journey.renewal.rate', 0.3), 'journey.renewal.nonAdopterRate', 0.9);
    const d = biggestDrag(worse);
    const best = d.byStage.reduce((b, s) => (s.ltvChange.gt(b.ltvChange) ? s : b));
    expect(d.stage).toBe(best.stage);
  });

  it('is part of the full sensitivity, with each stage’s NRR change', () => {
    const s = computeSensitivity(defaultInputs());
    expect(s.drag.byStage.map((x) => x.stage)).toEqual(['onboarding', 'firstValue', 'adoption', 'renewal']);
    for (const x of s.drag.byStage) expect(x.nrrChange).not.toBeNull();
    expect(new D(s.twoWay.cells.length).toNumber()).toBe(6);
  });
});
