// Goal seek (spec §10): the golden case, the bound of an unreachable target, a
// figure the input does not move, one year of a ramp, and every bad request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExact, currentValue, defaultInputs, goalSeek, inputSpecs, outputKeys, resolveOutput, withInput, resolveInput, type ModelInputs, type SeekAnswer } from '@shared/index';
import { arbModel, g1, g4 } from '../../support/models';

const G1_NRR2 = 1.0422307692307692;

function answer(m: ModelInputs, output: string, target: number, input: string, within?: [number, number]): SeekAnswer {
  const r = goalSeek(m, { output, target, input, ...(within ? { within } : {}) });
  if (!r.ok) throw new Error(r.error);
  return r.answer;
}
const error = (m: ModelInputs, output: string, target: number, input: string, within?: [number, number]): string => {
  const r = goalSeek(m, { output, target, input, ...(within ? { within } : {}) });
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.answer)}`);
  return r.error;
};
const nrr2 = (m: ModelInputs) => computeExact(m).annual[1]!.nrr!.toNumber();
function inputOf(m: ModelInputs, key: string) {
  const r = resolveInput(m, key);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('goal seek: the golden case', () => {
  it('G1 with renewal sought for its own year-2 NRR, 1.0422307692…, from a start of 0.70, returns 0.85', () => {
    const m = g1();
    m.journey.renewal.rate = 0.7;
    const a = answer(m, 'nrrByYear[1]', G1_NRR2, 'journey.renewal.rate');
    expect(a.reachable).toBe(true);
    expect(a.from).toBe(0.7);
    expect(a.value).toBeCloseTo(0.85, 9);
    expect(a.achieved).toBeCloseTo(G1_NRR2, 9);
    expect(a.interval).toEqual([0, 1]);
    expect(a.message).toBe('Year-2 NRR reaches 104.2% at renewal rate of adopters 85.0%');
  });

  it('never changes the model it was asked about', () => {
    const m = g1();
    const before = JSON.stringify(m);
    answer(m, 'nrrByYear[1]', 1, 'journey.renewal.rate');
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('goal seek: a target out of reach reports the bound', () => {
  it('110% NRR on the default model is out of reach by renewal: it says how far NRR gets, and at which renewal', () => {
    const m = defaultInputs();
    const a = answer(m, 'nrrByYear[1]', 1.1, 'journey.renewal.rate');
    const best = nrr2(withInput(m, inputOf(m, 'journey.renewal.rate'), 1));
    expect(a.reachable).toBe(false);
    expect(a.value).toBe(1);
    expect(a.achieved).toBe(best);
    expect(best).toBeLessThan(1.1);
    expect(a.message).toBe(`Not reachable: year-2 NRR reaches at most ${(best * 100).toFixed(1)}%, at renewal rate of adopters 100.0%`);
  });

  it('a target below what the interval allows says "at least", at the interval\'s low end', () => {
    const a = answer(g1(), 'nrrByYear[1]', G1_NRR2, 'journey.renewal.rate', [0.9, 1]);
    expect(a.reachable).toBe(false);
    expect(a.value).toBe(0.9);
    expect(a.achieved).toBeGreaterThan(G1_NRR2);
    expect(a.message).toMatch(/^Not reachable: year-2 NRR reaches at least 1\d\d\.\d%, at renewal rate of adopters 90\.0%$/);
  });

  it('money has no upper bound: the search runs to 10 × the current value, and the answer is inside it', () => {
    const m = defaultInputs();
    const a = answer(m, 'ltvToCac', 3, 'acquisition.cacPerCustomer');
    expect(a.interval).toEqual([0, 800000]);
    expect(a.reachable).toBe(true);
    expect(a.achieved).toBeCloseTo(3, 8);
  });
});

describe('goal seek: a figure the input does not move', () => {
  it('says "does not depend on", never "not reachable"', () => {
    expect(error(g4(), 'nrrByYear[0]', 1.1, 'acquisition.newCustomersByYear[0]')).toMatch(/^Year-1 NRR does not depend on new logos, year 1: it stays 104\.2%/);
    expect(error(g1(), 'nrrByYear[1]', 1.1, 'acquisition.cacPerCustomer')).toMatch(/^Year-2 NRR does not depend on CAC per new logo/);
  });

  it('is its own answer when the figure already equals the target', () => {
    const a = answer(g1(), 'nrrByYear[1]', G1_NRR2, 'acquisition.cacPerCustomer');
    expect(a.reachable).toBe(true);
    expect(a.value).toBe(80000);
  });
});

describe('goal seek: one year of a ramp (key[i])', () => {
  it('changes model year i + 1 only and keeps every other year', () => {
    const m = g4();
    m.lanes = [];
    const a = answer(m, 'nrrByYear[1]', 0.9, 'journey.renewal.rate[1]');
    expect(a.value).toBeCloseTo(0.9, 9);
    const applied = withInput(m, inputOf(m, 'journey.renewal.rate[1]'), a.value!);
    expect(applied.journey.renewal.rate).toEqual([0.85, a.value, 0.85]);
    expect(computeExact(applied).annual[0]!.nrr!.toNumber()).toBeCloseTo(0.85, 12);
  });
});

describe('goal seek: bad requests get a clear message', () => {
  const m = g1();
  it.each([
    ['nrrByYear[7]', 'journey.renewal.rate', /^nrrByYear\[7\]: the model has 3 complete years \(index 0–2\)$/],
    ['nrrByYear', 'journey.renewal.rate', /^nrrByYear: name one year, e.g\. nrrByYear\[0\]/],
    ['nrrBand', 'journey.renewal.rate', /^nrrBand: not an output/],
    ['nrrByYear[1]', 'journey.onboarding.month', /^journey\.onboarding\.month: a whole-number input .* cannot be sought/],
    ['nrrByYear[1]', 'general.horizonMonths', /cannot be sought/],
    ['nrrByYear[1]', 'general.name', /^general\.name: not a numeric input$/],
    ['nrrByYear[1]', 'journey.renewal.rte', /^journey\.renewal\.rte: not an input of this model$/],
    ['nrrByYear[1]', 'journey.renewal.rate[10]', /a ramp has years 0–9/],
    ['nrrByYear[1]', 'segments.ent.journey.renewal.rate', /this model has no segments/],
  ])('%s by %s', (output, input, message) => {
    const e = error(m, output, 1, input);
    expect(e).toMatch(message);
    expect(e.length).toBeLessThan(200);
  });

  it('an interval outside the valid range, or low ≥ high', () => {
    expect(error(m, 'nrrByYear[1]', 1, 'journey.renewal.rate', [0.5, 1.2])).toBe('interval 0.5,1.2: must satisfy 0.0% ≤ low < high ≤ 100.0% for renewal rate of adopters');
    expect(error(m, 'nrrByYear[1]', 1, 'journey.renewal.rate', [0.9, 0.8])).toMatch(/^interval 0.9,0.8: must satisfy/);
  });

  it('an invalid model is refused, naming the input', () => {
    const bad = g1();
    bad.journey.renewal.rate = 1.2;
    expect(error(bad, 'nrrByYear[1]', 1, 'journey.renewal.rate')).toBe('the model is not valid: journey.renewal.rate: must be between 0% and 100%, got 120%');
  });
});

describe('goal seek: a property', () => {
  const numericInputs = (m: ModelInputs) => inputSpecs(m).filter((s) => ['rate', 'money', 'count'].includes(s.kind)).map((s) => s.key);

  it('seeking any output of a random model for its own value returns a root whose output matches', () => {
    const arb = arbModel.chain((m) => fc.record({
      m: fc.constant(m),
      output: fc.constantFrom(...outputKeys(Math.floor(m.general.horizonMonths / 12))),
      input: fc.constantFrom(...numericInputs(m)),
    }));
    fc.assert(fc.property(arb, ({ m, output, input }) => {
      const out = resolveOutput(m, output);
      if (!out.ok) throw new Error(out.error);
      const own = out.value.of(computeExact(m));
      fc.pre(own !== null);
      const target = own.toNumber();
      const a = answer(m, output, target, input);
      expect(a.reachable).toBe(true);
      // the output there, recomputed on the exact core, is the target within spec §10's tolerance
      const there = out.value.of(computeExact(withInput(m, inputOf(m, input), a.value!)))!.toNumber();
      expect(there).toBe(a.achieved);
      expect(Math.abs(there - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(target)));
    }), { numRuns: 30 });
  });

  it('from another start, the figure\'s own value is still found (the old value is a root), and the root reported is one', () => {
    const arb = arbModel.chain((m) => fc.record({
      m: fc.constant(m),
      output: fc.constantFrom(...outputKeys(Math.floor(m.general.horizonMonths / 12))),
      input: fc.constantFrom(...numericInputs(m).filter((k) => !k.startsWith('acquisition.funnel'))),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }));
    fc.assert(fc.property(arb, ({ m, output, input, at }) => {
      const out = resolveOutput(m, output);
      if (!out.ok) throw new Error(out.error);
      const own = out.value.of(computeExact(m));
      fc.pre(own !== null);
      const target = own.toNumber();
      const inp = inputOf(m, input);
      // anywhere in a rate's range; money and counts within ±50%, so the old value stays inside 10 × the new one
      const x0 = currentValue(m, inp);
      const moved = withInput(m, inp, inp.bounded ? inp.min + at * (inp.max - inp.min) : x0 * (0.5 + at));
      const r = goalSeek(moved, { output, target, input });
      fc.pre(r.ok); // the moved model may be invalid (an installed base at 0 customers with ARR)
      if (!r.ok) return;
      const a = r.answer;
      expect(a.reachable, `${output} by ${input} from ${a.from}: closest ${a.achieved} at ${a.value}, target ${target}`).toBe(true);
      const there = out.value.of(computeExact(withInput(moved, inp, a.value!)))!.toNumber();
      expect(Math.abs(there - target)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(target)));
    }), { numRuns: 30 });
  });
});
