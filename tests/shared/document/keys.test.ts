// The one key grammar (issue 18): every form a canonical key takes, and a clear
// message naming the key for every form it does not.
import { describe, expect, it } from 'vitest';
import { formatKey, getInput, isRampableKey, laneFieldKey, parseBaseKey, parseKey, parseYearlyKey, rootKey, segmentOverrideProblem, setInput, shiftIndexedMarks } from '@shared/document/index';
import { defaultInputs } from '@shared/index';

const target = (key: string) => {
  const r = parseKey(key);
  if (!r.ok) throw new Error(r.message);
  return r.key;
};
const message = (key: string) => {
  const r = parseKey(key);
  return r.ok ? 'parsed' : r.message;
};

describe('every key form', () => {
  it.each([
    ['general.name', { target: { kind: 'input', key: 'general.name' }, year: null, segment: null }],
    ['journey.renewal.rate', { target: { kind: 'input', key: 'journey.renewal.rate' }, year: null, segment: null }],
    ['journey.renewal.rate[1]', { target: { kind: 'input', key: 'journey.renewal.rate' }, year: 1, segment: null }],
    ['acquisition.newCustomersByYear[2]', { target: { kind: 'newLogos', index: 2 }, year: null, segment: null }],
    ['acquisition.funnel[0].rate', { target: { kind: 'stage', index: 0, field: 'rate' }, year: null, segment: null }],
    ['lanes.modules.acv', { target: { kind: 'lane', ref: { id: 'modules' }, field: 'acv' }, year: null, segment: null }],
    ['lanes[modules].acv', { target: { kind: 'lane', ref: { id: 'modules' }, field: 'acv' }, year: null, segment: null }],
    ['lanes[2].id', { target: { kind: 'lane', ref: { index: 2 }, field: 'id' }, year: null, segment: null }],
    ['lanes.modules.attachRate[3]', { target: { kind: 'lane', ref: { id: 'modules' }, field: 'attachRate' }, year: 3, segment: null }],
    ['base.cohorts[239].adopterShare', { target: { kind: 'cohort', index: 239, field: 'adopterShare' }, year: null, segment: null }],
    ['base.cohorts', { target: { kind: 'list', key: 'base.cohorts' }, year: null, segment: null }],
    ['segments.ent.journey.renewal.rate[1]', { target: { kind: 'input', key: 'journey.renewal.rate' }, year: 1, segment: 'ent' }],
    ['segments.smb.lanes.modules.attachRate', { target: { kind: 'lane', ref: { id: 'modules' }, field: 'attachRate' }, year: null, segment: 'smb' }],
    ['segments.ent.name', { target: { kind: 'segmentField', field: 'name' }, year: null, segment: 'ent' }],
    ['segments.ent.logoShare', { target: { kind: 'segmentField', field: 'logoShare' }, year: null, segment: 'ent' }],
    ['segments.ent.logoShare[2]', { target: { kind: 'segmentField', field: 'logoShare' }, year: 2, segment: 'ent' }],
  ])('%s', (key, want) => {
    expect(target(key)).toEqual(want);
    // and back to the same text (lanes[modules] is written lanes.modules)
    expect(formatKey(target(key))).toBe(key.replace('lanes[modules]', 'lanes.modules'));
  });

  it('yearly keys, base keys and rampable inputs through the grammar', () => {
    expect(parseYearlyKey('journey.renewal.rate[1]')).toEqual({ key: 'journey.renewal.rate', index: 1 });
    expect(parseYearlyKey('segments.ent.acquisition.acv[0]')).toEqual({ key: 'segments.ent.acquisition.acv', index: 0 });
    expect(parseYearlyKey('acquisition.newCustomersByYear[1]')).toBeNull(); // a list item, not a year of a ramp
    expect(rootKey('lanes[0].acv[2]')).toBe('lanes[0].acv');
    expect(parseBaseKey('base.cohorts[3].arr')).toEqual({ index: 3, field: 'arr' });
    expect(parseBaseKey('base.cohorts[3].colour')).toBeNull();
    expect(isRampableKey('lanes.modules.attachRate')).toBe(true);
    expect(isRampableKey('lanes.modules.grossMargin')).toBe(false);
    expect(isRampableKey('journey.onboarding.month')).toBe(false);
    expect(isRampableKey('journey.renewal.rate[1]')).toBe(false); // one year is not a ramp
    expect(isRampableKey('segments.ent.logoShare')).toBe(true); // §2.3: one number or a list of yearly shares
  });
});

describe('bad keys say what is wrong, naming the key', () => {
  it.each([
    ['journey.renewal.rat', '"journey.renewal.rat" is not an input of the model'],
    ['', 'a key is 1–200 characters'],
    ['journey.onboarding.month[1]', '"journey.onboarding.month[1]": journey.onboarding.month does not change by year, so it has no [1]'],
    ['journey.renewal.rate[10]', '"journey.renewal.rate[10]": a ramp lists at most 10 years, [0]–[9]'],
    ['lanes.modules.colour', '"lanes.modules.colour": a lane has id, lever, name, anchor, windowStart, windowEnd, attachRate, acv, grossMargin, not "colour"'],
    ['lanes.9x.acv', '"lanes.9x.acv": a lane is named lanes.<id>.<field> or lanes[<position>].<field>'],
    ['acquisition.funnel[0].size', '"acquisition.funnel[0].size": a funnel stage has a name and a rate, not "size"'],
    ['base.cohorts[0].colour', '"base.cohorts[0].colour": a cohort has name, customers, arr, ageMonths, adopterShare, not "colour"'],
    ['segments.9x.journey.renewal.rate', '"segments.9x.journey.renewal.rate": a segment\'s value is segments.<id>.<key>, the id a letter then letters, digits or _'],
    ['segments.ent.general.currency', '"segments.ent.general.currency": a segment cannot change general.currency'],
    ['segments.ent.acquisition.funnel[0].rate', '"segments.ent.acquisition.funnel[0].rate": a segment cannot change acquisition.funnel[0].rate'],
    ['segments.ent.lanes.modules.windowStart', '"segments.ent.lanes.modules.windowStart": a segment cannot change lanes.modules.windowStart'],
    ['segments.ent.segments.smb.name', '"segments.ent.segments.smb.name": a segment has no segments of its own'],
    ['segments.ent.name[1]', '"segments.ent.name[1]": name does not change by year, so it has no [1]'],
    ['segments.ent.logoShare[10]', '"segments.ent.logoShare[10]": a ramp lists at most 10 years, [0]–[9]'],
    ['logoShare', '"logoShare" is not an input of the model'],
  ])('%s', (key, want) => {
    expect(message(key)).toBe(want);
    expect(want.length).toBeLessThan(200);
  });
});

describe("a segment's overrides (spec §2.3)", () => {
  it('takes a number or choice input a segment may change, a ramp whole', () => {
    for (const key of ['journey.renewal.rate', 'acquisition.acv', 'acquisition.timing', 'lanes.modules.attachRate', 'lanes.modules.grossMargin']) expect(segmentOverrideProblem(key)).toBeNull();
  });
  it('refuses one year of a ramp, lists, the general inputs and a lane\'s identity, each named', () => {
    expect(segmentOverrideProblem('journey.renewal.rate[1]')).toBe('"journey.renewal.rate[1]": an override gives a ramp whole, as a list, not one year [1]');
    expect(segmentOverrideProblem('base.cohorts')).toBe('"base.cohorts": a segment cannot change base.cohorts');
    expect(segmentOverrideProblem('acquisition.newCustomersByYear')).toBe('"acquisition.newCustomersByYear": a segment cannot change acquisition.newCustomersByYear');
    expect(segmentOverrideProblem('general.name')).toBe('"general.name": a segment cannot change general.name');
    expect(segmentOverrideProblem('lanes.modules.anchor')).toBe('"lanes.modules.anchor": a segment cannot change lanes.modules.anchor');
    expect(segmentOverrideProblem('name')).toBe('"name" is a field of the segment, not an override');
  });
});

describe('reading and writing by key', () => {
  it('lanes by id or position; a key naming nothing reads undefined and cannot be written', () => {
    const m = defaultInputs();
    expect(getInput(m, 'lanes.modules.acv')).toBe(42000);
    expect(getInput(m, 'lanes[0].acv')).toBe(42000);
    expect(getInput(m, 'lanes.nope.acv')).toBeUndefined();
    expect(setInput(m, 'lanes[1].grossMargin', 0.3).lanes[1]!.grossMargin).toBe(0.3);
    expect(() => setInput(m, 'journey.nope', 1)).toThrow('unknown input journey.nope');
    expect(laneFieldKey(m, 0, 'acv')).toBe('lanes.modules.acv');
    expect(laneFieldKey({ ...m, lanes: [{ ...m.lanes[0]!, id: '9 bad' }] }, 0, 'acv')).toBe('lanes[0].acv');
  });

  it("marks of a removed list item go, later items' marks move up", () => {
    const marks = { 'lanes[0].acv': 'a', 'lanes[1].acv': 'b', 'lanes[2].name': 'c', 'lanes.modules.acv': 'd', 'journey.renewal.rate': 'e' };
    expect(shiftIndexedMarks(marks, 'lanes', 1)).toEqual({ 'lanes[0].acv': 'a', 'lanes[1].name': 'c', 'lanes.modules.acv': 'd', 'journey.renewal.rate': 'e' });
  });
});
