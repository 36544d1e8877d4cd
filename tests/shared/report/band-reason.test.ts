import { describe, expect, it } from 'vitest';
import { bandReason, computeModel, defaultInputs, percent, setInput } from '@shared/index';

describe('why the NRR band is below Healthy (issue 23)', () => {
  it('names the journey’s figures from the core for the example’s structural problem', () => {
    const r = computeModel(defaultInputs());
    expect(r.journey.adoptedAndRenewed).toBeCloseTo(r.journey.pathProbability.adopter * 0.85, 12);
    expect(r.journey.nonAdopterRenewalRate).toBe(0.5);
    expect(bandReason(r)).toBe(`Structural problem (year-2 NRR ${percent(r.annual[1]!.nrr)}) because only 59.7% of customers reach adoption (50.7% adopt and renew) and non-adopters renew at 50.0%: 70.9% of all customers renew at the first renewal.`);
  });
  it('says nothing at 100% NRR or more, or without a year 2', () => {
    const strong = setInput(setInput(defaultInputs(), 'journey.renewal.nonAdopterRate', 0.95), 'journey.adoption.rate', 1);
    expect(computeModel(strong).annual[1]!.nrr!).toBeGreaterThanOrEqual(1);
    expect(bandReason(computeModel(strong))).toBeNull();
    expect(bandReason(computeModel(setInput(defaultInputs(), 'general.horizonMonths', 12)))).toBeNull();
  });
  it('takes the first renewal year’s non-adopter rate when it ramps', () => {
    const ramped = setInput(defaultInputs(), 'journey.renewal.nonAdopterRate', [0.4, 0.6]);
    expect(computeModel(ramped).journey.nonAdopterRenewalRate).toBe(0.6); // 12-month contracts renew in year 2
  });
});
