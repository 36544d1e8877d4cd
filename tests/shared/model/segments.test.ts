// Segments' validation (spec §2.3) and their keys in what-if: every problem names
// the place (segments.ent.journey.renewal.rate[1], segments.logoShare), and a
// segment key reads and writes one segment's value.
import { describe, expect, it } from 'vitest';
import { applyScenario, computeModel, defaultInputs, getInput, parseModel, setInput, tornado, twoWayTable, validateInputs, type ModelInputs, type Segment } from '@shared/index';
import { clearOverride, isOverridden, overriddenEverywhere, segmentModel, segmentValue } from '@shared/model/segments';
import { resolveInput, withInput } from '@shared/core/what-if-keys';

const seg = (id: string, logoShare: Segment['logoShare'], overrides: Segment['overrides'] = {}, name = id.toUpperCase()): Segment => ({ id, name, logoShare, overrides });
const withSegments = (...segments: Segment[]): ModelInputs => ({ ...defaultInputs(), segments });
const paths = (m: ModelInputs) => validateInputs(m).map((p) => `${p.path}: ${p.message}`);

describe('validating segments', () => {
  it('accepts SMB, mid-market and enterprise with overrides of their own', () => {
    expect(paths(withSegments(seg('smb', [0.6, 0.5]), seg('mid', 0.3, { 'acquisition.timing': 'yearStart' }), seg('ent', [0.1, 0.2], { 'journey.renewal.rate': [0.9, 0.92], 'lanes.modules.attachRate': 0 })))).toEqual([]);
  });

  it('names a year of a ramped override by its segment: segments.ent.journey.renewal.rate[1]', () => {
    expect(paths(withSegments(seg('smb', 0.5), seg('ent', 0.5, { 'journey.renewal.rate': [0.9, 1.2] })))).toEqual(['segments.ent.journey.renewal.rate[1]: must be between 0% and 100%, got 120%']);
  });

  it("reports each model year whose shares do not add up to 100% on segments.logoShare", () => {
    expect(paths(withSegments(seg('smb', [0.6, 0.5]), seg('ent', 0.4)))).toEqual(Array.from({ length: 9 }, (_, i) => `segments.logoShare: the segments' shares of new logos must add up to 100% in year ${i + 2}, got 90%`));
  });

  it('checks each share like a rate, with its year', () => {
    expect(paths(withSegments(seg('smb', [1, 1.1]), seg('ent', 0)))).toEqual(['segments.smb.logoShare[1]: must be between 0% and 100%, got 110%']);
  });

  it('refuses keys a segment may not change, one year of a ramp, and lanes the model does not have', () => {
    const p = paths(withSegments(seg('smb', 1, { 'general.horizonMonths': 24, 'journey.renewal.rate[1]': 0.5, 'lanes.nope.acv': 1, 'lanes.modules.windowEnd': 9, 'acquisition.funnel': 1 })));
    expect(p).toEqual([
      'segments.smb.general.horizonMonths: a segment cannot change general.horizonMonths',
      'segments.smb.journey.renewal.rate[1]: an override gives a ramp whole, as a list, not one year [1]',
      'segments.smb.lanes.nope.acv: is not an input of this model (was a lane removed?)',
      'segments.smb.lanes.modules.windowEnd: a segment cannot change lanes.modules.windowEnd',
      'segments.smb.acquisition.funnel: a segment cannot change acquisition.funnel',
    ]);
  });

  it("applies the stage-month order to the segment's own model", () => {
    expect(paths(withSegments(seg('smb', 1, { 'journey.adoption.month': 1 })))).toEqual(['segments.smb.journey.adoption.month: must not be earlier than first value (month 3), got 1']);
  });

  it('wants ids by the lane rule, unique, and names unique ignoring case', () => {
    expect(paths(withSegments(seg('1x', 0.25), seg('smb', 0.25, {}, 'Small'), seg('smb', 0.25), seg('ent', 0.25, {}, 'SMALL')))).toEqual([
      'segments[0].id: must be 1–24 letters, digits or _, starting with a letter, got "1x"',
      'segments[2].id: must be unique, "smb" is used by an earlier segment',
      'segments.ent.name: must be unique ignoring case, "SMALL" is used by an earlier segment',
    ]);
  });

  it('allows at most 8 segments', () => {
    expect(paths(withSegments(...Array.from({ length: 9 }, (_, i) => seg(`s${i}`, 1 / 9))))).toEqual(['segments: must have at most 8 segments, got 9']);
  });

  it('wants every base cohort to name an existing segment with segments, and none without', () => {
    const cohort = { name: 'Book', customers: 10, arr: 100000, ageMonths: 6 };
    expect(paths({ ...withSegments(seg('smb', 1)), base: { cohorts: [cohort, { ...cohort, segment: 'ent' }] } })).toEqual([
      'base.cohorts[0].segment: is required: name one of the segments (smb)',
      'base.cohorts[1].segment: must be the id of a segment (smb), got "ent"',
    ]);
    expect(paths({ ...defaultInputs(), base: { cohorts: [{ ...cohort, segment: 'smb' }] } })).toEqual(['base.cohorts[0].segment: must be absent: the model has no segments, got "smb"']);
  });

  it('reads segments from a JSON model, numbers as decimal strings included', () => {
    const r = parseModel({ segments: [{ id: 'smb', name: 'SMB', logoShare: '0.7', overrides: { 'acquisition.acv': '12000', 'acquisition.timing': 'yearStart' } }, { id: 'ent', name: 'Ent', logoShare: 0.3, overrides: {} }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.segments![0]).toEqual({ id: 'smb', name: 'SMB', logoShare: 0.7, overrides: { 'acquisition.acv': 12000, 'acquisition.timing': 'yearStart' } });
  });
});

describe("a segment's model", () => {
  it('closes its share of each year’s logos, the last share holding for later years, and keeps only its own base', () => {
    const m: ModelInputs = { ...withSegments(seg('smb', [0.7, 0.6], { 'acquisition.acv': 12000 }), seg('ent', [0.3, 0.4])), base: { cohorts: [{ name: 'A', customers: 1, arr: 1, ageMonths: 1, segment: 'ent' }] } };
    const smb = segmentModel(m, m.segments![0]!);
    expect(smb.acquisition.newCustomersByYear).toEqual([70, 72, 84]);
    expect(smb.acquisition.acv).toBe(12000);
    expect(smb.base.cohorts).toEqual([]);
    expect(smb.segments).toBeUndefined();
    expect(segmentModel(m, m.segments![1]!).base.cohorts).toEqual([{ name: 'A', customers: 1, arr: 1, ageMonths: 1 }]);
  });
});

describe('segment keys', () => {
  const m = withSegments(seg('smb', 0.6, { 'journey.renewal.rate': 0.8 }), seg('mid', 0.3), seg('ent', 0.1));

  it('read the override where there is one, else the inherited value', () => {
    expect(getInput(m, 'segments.smb.journey.renewal.rate')).toBe(0.8);
    expect(getInput(m, 'segments.ent.journey.renewal.rate')).toBe(0.85);
    expect(segmentValue(m, 'ent', 'lanes.modules.acv')).toBe(42000);
    expect(isOverridden(m, 'smb', 'journey.renewal.rate')).toBe(true);
    expect(isOverridden(m, 'ent', 'journey.renewal.rate')).toBe(false);
  });

  it("write one segment's override; a plain key still writes the model's value", () => {
    const e = setInput(m, 'segments.ent.journey.renewal.rate', 0.95);
    expect(e.segments![2]!.overrides).toEqual({ 'journey.renewal.rate': 0.95 });
    expect(e.journey.renewal.rate).toBe(0.85);
    const p = setInput(m, 'journey.renewal.rate', 0.9);
    expect(getInput(p, 'segments.mid.journey.renewal.rate')).toBe(0.9);
    expect(getInput(p, 'segments.smb.journey.renewal.rate')).toBe(0.8);
    expect(clearOverride(e, 'ent', 'journey.renewal.rate').segments![2]!.overrides).toEqual({});
  });

  it("a share set to x rescales the others' shares of that year by (1 − x) ÷ their sum", () => {
    expect(setInput(m, 'segments.ent.logoShare', 0.4).segments!.map((s) => s.logoShare)).toEqual([0.4, 0.2, 0.4]);
    // one year only: the later years keep their shares
    expect(setInput(m, 'segments.ent.logoShare[1]', 0.4).segments!.map((s) => s.logoShare)).toEqual([[0.6, 0.4, 0.6], [0.3, 0.2, 0.3], [0.1, 0.4, 0.1]]);
    expect(validateInputs(setInput(m, 'segments.ent.logoShare[1]', 0.4))).toEqual([]);
  });

  it('splits 1 − x equally when the others have no share', () => {
    const z = withSegments(seg('a', 1), seg('b', 0), seg('c', 0));
    expect(setInput(z, 'segments.a.logoShare', 0.5).segments!.map((s) => s.logoShare)).toEqual([0.5, 0.25, 0.25]);
  });

  it('tells when a plain key is overridden in every segment (changing it changes nothing)', () => {
    expect(overriddenEverywhere(m, 'journey.renewal.rate')).toBe(false);
    const all = withSegments(seg('a', 0.5, { 'acquisition.acv': 1 }), seg('b', 0.5, { 'acquisition.acv': 2 }));
    expect(overriddenEverywhere(all, 'acquisition.acv')).toBe(true);
    expect(overriddenEverywhere(defaultInputs(), 'acquisition.acv')).toBe(false);
  });

  it('resolve for goal seek and ranges, with a name that says which segment', () => {
    const r = resolveInput(m, 'segments.ent.journey.renewal.rate[1]');
    expect(r.ok && r.value.name).toBe('renewal rate of adopters (year 2) in ENT');
    if (r.ok) expect(withInput(m, r.value, 0.9).segments![2]!.overrides).toEqual({ 'journey.renewal.rate': [0.85, 0.9, 0.85] });
    expect(resolveInput(m, 'segments.xx.acquisition.acv')).toEqual({ ok: false, error: 'segments.xx.acquisition.acv: no segment with that id (smb, mid, ent)' });
    expect(resolveInput(defaultInputs(), 'segments.ent.acquisition.acv')).toEqual({ ok: false, error: 'segments.ent.acquisition.acv: this model has no segments' });
  });
});

describe('segment keys in scenarios, the two-way table and the tornado', () => {
  const m = withSegments(seg('smb', 0.7, { 'journey.renewal.rate': 0.75 }), seg('ent', 0.3, { 'journey.renewal.rate': 0.9, 'acquisition.acv': 150000 }));

  it('a scenario "enterprise renewal 95%" changes only the enterprise segment', () => {
    const applied = applyScenario(m, { id: 's1', name: 'Enterprise renews better', overrides: { 'segments.ent.journey.renewal.rate': 0.95 } });
    expect(applied.problems).toEqual([]);
    expect(getInput(applied.inputs, 'segments.ent.journey.renewal.rate')).toBe(0.95);
    expect(getInput(applied.inputs, 'segments.smb.journey.renewal.rate')).toBe(0.75);
    const before = computeModel(m), after = computeModel(applied.inputs);
    expect(after.segments!.smb!.annual[1]!.nrr).toBe(before.segments!.smb!.annual[1]!.nrr);
    expect(after.segments!.ent!.annual[1]!.nrr!).toBeGreaterThan(before.segments!.ent!.annual[1]!.nrr!);
    expect(after.annual[1]!.nrr!).toBeGreaterThan(before.annual[1]!.nrr!);
  });

  it("a two-way axis on a segment's key moves the company's NRR", () => {
    const t = twoWayTable(m, { figure: 'nrr.y2', rowKey: 'segments.ent.journey.renewal.rate', rowValues: [0.8, 0.95], colKey: 'lanes.modules.attachRate', colValues: [0.35] });
    expect(t.problems.flat()).toEqual([null, null]);
    expect(t.cells[1]![0]!.gt(t.cells[0]![0]!)).toBe(true);
  });

  it("the tornado has a bar for each segment's own driver, and the plain key every segment overrides swings nothing", () => {
    const bars = tornado(m, 'nrr.y2').bars;
    const ent = bars.find((b) => b.key === 'segments.ent.journey.renewal.rate')!;
    expect(ent.label).toBe('Renewal rate of adopters (ENT)');
    expect(ent.swing.gt(0)).toBe(true);
    expect(bars.find((b) => b.key === 'journey.renewal.rate')!.swing.isZero()).toBe(true);
    expect(overriddenEverywhere(m, 'journey.renewal.rate')).toBe(true);
  });
});
