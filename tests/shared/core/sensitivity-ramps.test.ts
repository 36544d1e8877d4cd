// Sensitivity and scenarios on ramped inputs and an installed base (spec §2.1:
// an axis value replaces every year; a tornado or biggest-drag step shifts every
// year, then clamps each year to the input's range).
import { describe, expect, it } from 'vitest';
import { biggestDrag, computeExact, computeFigure, defaultInputs, setInput, tornado, twoWayTable, type ModelInputs } from '@shared/index';
import { applyScenario, createScenario, emptyScenarios, scenariosFromJson, scenariosToJson } from '@shared/model/scenarios';
import { g4, rampedModel } from '../../support/models';

const ramped = (): ModelInputs => {
  const m = rampedModel(defaultInputs());
  m.journey.renewal.rate = [0.85, 0.97, 0.99];
  m.journey.onboarding.rate = [0.9, 0.98];
  return m;
};

describe('figures of ramped models and a base', () => {
  it('a single figure equals the full model’s (year-1 NRR/GRR on the base included)', () => {
    const m = ramped();
    const r = computeExact(m);
    for (let y = 1; y <= 3; y++) {
      expect(computeFigure(m, `nrr.y${y}`)!.eq(r.annual[y - 1]!.nrr!), `nrr.y${y}`).toBe(true);
      expect(computeFigure(m, `grr.y${y}`)!.eq(r.annual[y - 1]!.grr!), `grr.y${y}`).toBe(true);
      expect(computeFigure(m, `arr.y${y}`)!.eq(r.annual[y - 1]!.closing), `arr.y${y}`).toBe(true);
    }
    expect(computeFigure(m, 'ltv.discountedGrossMargin')!.eq(r.ltv.discountedGrossMargin)).toBe(true);
  });

  it('year-1 NRR is a figure only on a base', () => {
    expect(computeFigure(g4(), 'nrr.y1')!.toDecimalPlaces(10).toString()).toBe('1.0422307692');
    expect(() => computeFigure(defaultInputs(), 'nrr.y1')).toThrow(/no figure/);
  });
});

describe('two-way table on a ramped input', () => {
  it('an axis value replaces every year of the ramp', () => {
    const m = ramped();
    const t = twoWayTable(m, { figure: 'nrr.y2', rowKey: 'journey.renewal.rate', rowValues: [0.8, 0.9], colKey: 'journey.onboarding.rate', colValues: [0.7] });
    const flat = setInput(setInput(m, 'journey.renewal.rate', 0.9), 'journey.onboarding.rate', 0.7);
    expect(t.cells[1]![0]!.eq(computeExact(flat).annual[1]!.nrr!)).toBe(true);
    // the ramp itself is not a cell
    expect(t.base).toBeNull();
  });
});

describe('tornado on a ramped input', () => {
  it('moves every year by the same step and clamps each year: 85/97/99% → 80/92/94% and 90/100/100%', () => {
    const m = ramped();
    const bar = tornado(m, 'nrr.y2').bars.find((b) => b.key === 'journey.renewal.rate')!;
    expect(bar.lowInput).toEqual([0.8, 0.92, 0.94]);
    expect(bar.highInput).toEqual([0.9, 1, 1]);
    expect([bar.low, bar.base, bar.high]).toEqual([0.8, 0.85, 0.9]);
    expect(bar.highValue!.eq(computeExact(setInput(m, 'journey.renewal.rate', [0.9, 1, 1])).annual[1]!.nrr!)).toBe(true);
    expect(bar.lowValue!.eq(computeExact(setInput(m, 'journey.renewal.rate', [0.8, 0.92, 0.94])).annual[1]!.nrr!)).toBe(true);
  });

  it('moves money ramps by ±10% in every year', () => {
    const m = ramped();
    m.acquisition.acv = [60000, 70000];
    const bar = tornado(m, 'arr.y2').bars.find((b) => b.key === 'acquisition.acv')!;
    expect(bar.lowInput).toEqual([54000, 63000]);
    expect(bar.highInput).toEqual([66000, 77000]);
  });
});

describe('biggest drag on ramped stages', () => {
  it('raises every year of a stage by 5 points, each capped at 100%', () => {
    const m = ramped();
    const d = biggestDrag(m);
    const onboarding = d.byStage.find((s) => s.stage === 'onboarding')!;
    expect([onboarding.from, onboarding.to]).toEqual([0.9, 0.95]);
    const up = computeFigure(setInput(m, 'journey.onboarding.rate', [0.95, 1]), 'ltv.discountedGrossMargin')!;
    expect(onboarding.ltvChange.eq(up.sub(computeFigure(m, 'ltv.discountedGrossMargin')!))).toBe(true);
  });
});

describe('scenarios over ramps and the base', () => {
  it('"Fix onboarding: 95% from year 2" is a ramp override', () => {
    const base = defaultInputs();
    const made = createScenario(emptyScenarios(), 'Fix onboarding', { 'journey.onboarding.rate': [0.9, 0.95] });
    if (!made.ok) throw new Error(made.error);
    const applied = applyScenario(base, made.set.scenarios[0]);
    expect(applied.problems).toEqual([]);
    expect(applied.inputs.journey.onboarding.rate).toEqual([0.9, 0.95]);
    const r = computeExact(applied.inputs), r0 = computeExact(base);
    // year 1's logos close at 90% either way (to the 30th digit: the ramped model is summed by calendar)
    expect(r.annual[0]!.closing.sub(r0.annual[0]!.closing).abs().lt(r0.annual[0]!.closing.mul('1e-30'))).toBe(true);
    expect(r.annual[1]!.closing.gt(r0.annual[1]!.closing)).toBe(true);
  });

  it('a scenario can replace the base or one field of a cohort, and a bad yearly value is named', () => {
    const base = g4();
    const made = createScenario(emptyScenarios(), 'Smaller book', { 'base.cohorts[0].arr': 3250000, 'journey.renewal.rate': [0.85, 1.5] });
    if (!made.ok) throw new Error(made.error);
    const applied = applyScenario(base, made.set.scenarios[0]);
    expect(applied.problems).toEqual([{ path: 'journey.renewal.rate[1]', message: 'must be between 0% and 100%, got 150%' }]);
    const none = createScenario(emptyScenarios(), 'No book', { 'base.cohorts': [] });
    if (!none.ok) throw new Error(none.error);
    const r = computeExact(applyScenario(base, none.set.scenarios[0]).inputs);
    expect(r.openingArr.isZero()).toBe(true);
    expect(r.annual[0]!.nrr).toBeNull();
  });

  it('ramp and base overrides survive the workbook’s extras', () => {
    const made = createScenario(emptyScenarios(), 'Ramp', { 'journey.onboarding.rate': [0.9, 0.95], 'base.cohorts': [{ name: 'Book', customers: 1, arr: 10, ageMonths: 3 }] });
    if (!made.ok) throw new Error(made.error);
    const back = scenariosFromJson(JSON.parse(JSON.stringify(scenariosToJson(made.set))));
    expect(back.notes).toEqual([]);
    expect(back.set.scenarios[0]!.overrides).toEqual(made.set.scenarios[0]!.overrides);
  });
});
