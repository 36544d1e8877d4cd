// The two-way table saved in a workbook's extras (extras.sensitivity): a good spec
// comes back as it was; anything that does not fit the model or is not Bowtie's
// is replaced part by part with the default, with a note, and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultAxisValues, defaultInputs, defaultTwoWay, MAX_AXIS_VALUES, setInput, specFits, twoWaySpecFromExtras, twoWaySpecFromJson, twoWaySpecToJson, type ModelInputs, type TwoWaySpec,
} from '@shared/index';

const workshop: TwoWaySpec = {
  figure: 'ltvToCac',
  rowKey: 'journey.onboarding.rate',
  rowValues: [0.8, 0.85, 0.9, 0.95, 1],
  colKey: 'acquisition.cacPerCustomer',
  colValues: [60000, 70000, 80000, 90000],
};
/** Through JSON, as the metadata sheet stores it. */
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('saved two-way table', () => {
  const m = defaultInputs();

  it('a spec the model can show comes back unchanged, without notes', () => {
    expect(twoWaySpecFromJson(viaJson(twoWaySpecToJson(workshop)), m)).toEqual({ spec: workshop, notes: [] });
    expect(twoWaySpecFromExtras(viaJson({ scenarios: {}, sensitivity: twoWaySpecToJson(workshop) }), m).spec).toEqual(workshop);
    // The last year's figure of the default 36-month model fits it.
    const y3 = { ...workshop, figure: 'grr.y3' };
    expect(twoWaySpecFromJson(twoWaySpecToJson(y3), m)).toEqual({ spec: y3, notes: [] });
  });

  it('nothing saved is no spec and no note (an older workbook)', () => {
    expect(twoWaySpecFromExtras({ scenarios: {} }, m)).toEqual({ spec: null, notes: [] });
    expect(twoWaySpecFromExtras(undefined, m)).toEqual({ spec: null, notes: [] });
  });

  it('a lane the model no longer has: that axis goes back to the default, the rest stays', () => {
    const spec = { ...workshop, colKey: 'lanes.modules.attachRate', colValues: [0.1, 0.3] };
    const noModules: ModelInputs = { ...m, lanes: m.lanes.filter((l) => l.id !== 'modules') };
    const read = twoWaySpecFromJson(twoWaySpecToJson(spec), noModules);
    const fallback = defaultTwoWay(noModules);
    expect(read.spec).toEqual({ ...workshop, colKey: fallback.colKey, colValues: fallback.colValues });
    expect(read.notes).toEqual(['Sensitivity: the saved column input "lanes.modules.attachRate" is not a numeric input of this model; the default is used']);
    expect(specFits(noModules, read.spec!)).toBe(true);
  });

  it('a figure beyond the horizon: the default output, with a note', () => {
    const short = setInput(m, 'general.horizonMonths', 24);
    const read = twoWaySpecFromJson(twoWaySpecToJson({ ...workshop, figure: 'nrr.y3' }), short);
    expect(read.spec).toEqual({ ...workshop, figure: 'nrr.y2' });
    expect(read.notes).toEqual(['Sensitivity: the saved output "nrr.y3" is not a figure of this 24-month model; NRR, year 2 is shown']);
  });

  it('value lists that are not numbers, out of range, empty or absurdly long: the input stays, its values are the defaults', () => {
    const cases: [unknown, RegExp][] = [
      [['80%', 0.9], /include something that is not a number/],
      [[0.8, 1.4], /include something that is not a number in the input’s range/],
      [[0.8, null], /not a number/],
      [[], /are empty/],
      ['0.8,0.9', /are not a list/],
      [Array.from({ length: 100_000 }, (_, i) => i / 100_000), /are 100000 \(at most 12\)/],
    ];
    for (const [rowValues, why] of cases) {
      const read = twoWaySpecFromJson({ ...twoWaySpecToJson(workshop), rowValues }, m);
      expect(read.spec).toEqual({ ...workshop, rowValues: defaultAxisValues(m, 'journey.onboarding.rate') });
      expect(read.notes).toHaveLength(1);
      expect(read.notes[0]).toMatch(why);
    }
    // Money may not be negative either.
    expect(twoWaySpecFromJson({ ...twoWaySpecToJson(workshop), colValues: [-5] }, m).spec!.colValues).toEqual(defaultAxisValues(m, 'acquisition.cacPerCustomer'));
    expect(MAX_AXIS_VALUES).toBe(12);
  });

  it('both axes on one input, or an axis that is not numeric: the default axes', () => {
    const same = twoWaySpecFromJson({ ...twoWaySpecToJson(workshop), colKey: 'journey.onboarding.rate', colValues: [0.5] }, m);
    const d = defaultTwoWay(m);
    expect(same.spec).toEqual({ ...d, figure: 'ltvToCac' });
    expect(same.notes).toEqual(['Sensitivity: the saved rows and columns are both Onboarding completion; the default axes are used']);
    const text = twoWaySpecFromJson({ ...twoWaySpecToJson(workshop), rowKey: 'general.name' }, m);
    expect(text.spec!.rowKey).toBe(d.rowKey);
    expect(text.notes[0]).toMatch(/row input "general.name" is not a numeric input/);
  });

  it('garbage is no spec, with one note; an over-long key is cut short in the note', () => {
    for (const junk of ['LTV', 42, [1, 2], true, { ...twoWaySpecToJson(workshop), version: 2 }]) {
      const read = twoWaySpecFromJson(junk, m);
      expect(read.spec, JSON.stringify(junk)).toBeNull();
      expect(read.notes).toHaveLength(1);
    }
    const long = twoWaySpecFromJson({ ...twoWaySpecToJson(workshop), rowKey: 'x'.repeat(100_000) }, m);
    expect(long.notes[0]!.length).toBeLessThan(200);
  });

  it('anything at all in the metadata never throws, and what it gives back always fits the model', () => {
    const keys = ['journey.renewal.rate', 'lanes.modules.attachRate', 'acquisition.acv', 'general.name', 'nope', '__proto__', 'constructor'];
    const part = fc.oneof(fc.jsonValue(), fc.constantFrom(...keys), fc.array(fc.oneof(fc.double(), fc.jsonValue()), { maxLength: 20 }));
    const specLike = fc.record({ version: fc.oneof(fc.constant(1), fc.jsonValue()), figure: fc.oneof(fc.constantFrom('nrr.y2', 'nrr.y9', 'ltvToCac', 'toString'), fc.jsonValue()), rowKey: part, rowValues: part, colKey: part, colValues: part }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.anything(), specLike), (json) => {
      const read = twoWaySpecFromJson(json, m);
      if (read.spec) {
        expect(specFits(m, read.spec)).toBe(true);
        for (const v of [...read.spec.rowValues, ...read.spec.colValues]) expect(Number.isFinite(v)).toBe(true);
      }
    }), { numRuns: 400, seed: 6 });
  });
});
