// Segments in the document (spec §2.3, issue 24): each edit an action of the one
// reducer, named for the Undo button, and undone by its patch.
import { describe, expect, it } from 'vitest';
import { describeAction, diff, logoShareSums, readInput, readSegmentTable, reduce, revert, segmentOverrides, specFor, type Action, type Snapshot } from '@shared/document/index';
import { defaultInputs, defaultSimulation, emptyScenarios } from '@shared/index';

const start = (): Snapshot => ({ inputs: { ...defaultInputs(), base: { cohorts: [{ name: 'FY24', customers: 40, arr: 480000, ageMonths: 12, adopterShare: null }] } }, invalid: {}, scenarios: emptyScenarios(), ranges: [], simulation: defaultSimulation() });
const run = (snap: Snapshot, ...actions: Action[]) => actions.reduce(reduce, snap);
const label = (snap: Snapshot, action: Action) => describeAction(action, snap, reduce(snap, action));

describe('segments as actions', () => {
  it('add: the first takes every new logo and every cohort, later ones none; at most 8', () => {
    const s = run(start(), { type: 'addSegment', name: 'SMB' }, { type: 'addSegment', name: 'Enterprise' });
    expect(s.inputs.segments!.map((x) => [x.id, x.name, x.logoShare])).toEqual([['smb', 'SMB', 1], ['enterprise', 'Enterprise', 0]]);
    expect(s.inputs.base.cohorts[0]!.segment).toBe('smb');
    expect(logoShareSums(s.inputs).every((x) => x === 1)).toBe(true);
    const full = run(s, ...Array.from({ length: 10 }, (): Action => ({ type: 'addSegment' })));
    expect(full.inputs.segments).toHaveLength(8);
    expect(reduce(full, { type: 'addSegment' })).toBe(full);
    expect(label(s, { type: 'addSegment', name: 'Mid-market' })).toBe('add segment “Mid-market”');
  });

  it('a segment cell shows the inherited value until typed, then overrides; blank returns it to inherited', () => {
    let s = run(start(), { type: 'addSegment', name: 'Enterprise' });
    const key = 'segments.enterprise.journey.renewal.rate';
    expect(readInput(s.inputs, key)).toBe(s.inputs.journey.renewal.rate);
    expect(segmentOverrides(s.inputs, key)).toBe(false);
    expect(specFor(s.inputs, key)?.label).toBe('Enterprise: Renewal rate of adopters');
    const typed: Action = { type: 'enter', key, text: '95%' };
    expect(label(s, typed)).toBe(`Enterprise: renewal rate of adopters ${(s.inputs.journey.renewal.rate as number) * 100}% → 95%`);
    s = reduce(s, typed);
    expect(s.inputs.segments![0]!.overrides).toEqual({ 'journey.renewal.rate': 0.95 });
    expect(readInput(s.inputs, key)).toBe(0.95);
    // the model's value moves; the override stays
    s = reduce(s, { type: 'enter', key: 'journey.renewal.rate', text: '70%' });
    expect(readInput(s.inputs, key)).toBe(0.95);
    const cleared: Action = { type: 'enter', key, text: '' };
    expect(label(s, cleared)).toBe("Enterprise: renewal rate of adopters back to the model's (70%)");
    s = reduce(s, cleared);
    expect(s.inputs.segments![0]!.overrides).toEqual({});
    expect(readInput(s.inputs, key)).toBe(0.7);
  });

  it('typing the inherited value pins it; a year of a ramp overrides the whole ramp; lanes by id', () => {
    let s = run(start(), { type: 'addSegment', name: 'SMB' });
    s = reduce(s, { type: 'enter', key: 'segments.smb.acquisition.acv', text: String(s.inputs.acquisition.acv) });
    expect(segmentOverrides(s.inputs, 'segments.smb.acquisition.acv')).toBe(true);
    s = reduce(s, { type: 'enter', key: 'segments.smb.journey.renewal.rate[1]', text: '90%' });
    const model = s.inputs.journey.renewal.rate as number;
    expect(s.inputs.segments![0]!.overrides['journey.renewal.rate']).toEqual([model, 0.9]);
    s = reduce(s, { type: 'enter', key: 'segments.smb.lanes[0].attachRate', text: '0%' });
    expect(s.inputs.segments![0]!.overrides[`lanes.${s.inputs.lanes[0]!.id}.attachRate`]).toBe(0);
  });

  it('a value out of range is refused at the cell, the override untouched', () => {
    let s = run(start(), { type: 'addSegment', name: 'SMB' });
    s = reduce(s, { type: 'enter', key: 'segments.smb.journey.renewal.rate', text: '120%' });
    expect(s.inputs.segments![0]!.overrides).toEqual({});
    expect(s.invalid['segments.smb.journey.renewal.rate']?.message).toMatch(/between 0% and 100%/);
  });

  it('logo shares by year: typed one at a time, their sums shown per year', () => {
    let s = run(start(), { type: 'addSegment', name: 'SMB' }, { type: 'addSegment', name: 'Enterprise' });
    s = reduce(s, { type: 'enter', key: 'segments.enterprise.logoShare[1]', text: '30%' });
    expect(s.inputs.segments![1]!.logoShare).toEqual([0, 0.3]);
    expect(logoShareSums(s.inputs).slice(0, 3)).toEqual([1, 1.3, 1.3]);
    s = reduce(s, { type: 'enter', key: 'segments.smb.logoShare[1]', text: '70%' });
    expect(logoShareSums(s.inputs).slice(0, 3)).toEqual([1, 1, 1]);
  });

  it('rename (refusing a taken name), reorder, remove: its share and cohorts go to the first left', () => {
    let s = run(start(), { type: 'addSegment', name: 'SMB' }, { type: 'addSegment', name: 'Enterprise' });
    s = reduce(s, { type: 'enter', key: 'segments.smb.logoShare', text: '60%' });
    s = reduce(s, { type: 'enter', key: 'segments.enterprise.logoShare', text: '40%' });
    expect(reduce(s, { type: 'renameSegment', id: 'smb', name: 'enterprise' })).toBe(s);
    expect(label(s, { type: 'renameSegment', id: 'smb', name: 'Small business' })).toBe('rename segment “SMB” to “Small business”');
    s = reduce(s, { type: 'moveSegment', id: 'enterprise', to: 0 });
    expect(s.inputs.segments!.map((x) => x.id)).toEqual(['enterprise', 'smb']);
    expect(label(s, { type: 'removeSegment', id: 'smb' })).toBe('remove segment “SMB”');
    const r = reduce(s, { type: 'removeSegment', id: 'smb' });
    expect(r.inputs.segments).toEqual([{ id: 'enterprise', name: 'Enterprise', logoShare: 1, overrides: {} }]);
    expect(r.inputs.base.cohorts[0]!.segment).toBe('enterprise');
    const none = reduce(r, { type: 'removeSegment', id: 'enterprise' });
    expect(none.inputs.segments).toBeUndefined();
    expect(none.inputs.base.cohorts[0]).not.toHaveProperty('segment');
  });

  it("a cohort's segment", () => {
    let s = run(start(), { type: 'addSegment', name: 'SMB' }, { type: 'addSegment', name: 'Enterprise' });
    expect(label(s, { type: 'setCohortSegment', index: 0, segment: 'enterprise' })).toBe('segment of cohort “FY24” → “Enterprise”');
    s = reduce(s, { type: 'setCohortSegment', index: 0, segment: 'enterprise' });
    expect(s.inputs.base.cohorts[0]!.segment).toBe('enterprise');
    expect(reduce(s, { type: 'setCohortSegment', index: 0, segment: 'nope' })).toBe(s);
  });

  it('a segment table pastes in one step: names down and inputs across, or the transpose; undone whole', () => {
    const block = [
      ['Segment', 'Share of new logos', 'New-logo ACV', 'Renewal rate of adopters'],
      ['SMB', '0.7', '12000', '0.85'],
      ['Enterprise', '0.3', '150000', '0.95'],
    ];
    const s0 = start();
    const action: Action = { type: 'pasteSegmentTable', block };
    const s = reduce(s0, action);
    expect(s.inputs.segments!.map((x) => [x.name, x.logoShare, x.overrides])).toEqual([
      ['SMB', 0.7, { 'acquisition.acv': 12000, 'journey.renewal.rate': 0.85 }],
      ['Enterprise', 0.3, { 'acquisition.acv': 150000, 'journey.renewal.rate': 0.95 }],
    ]);
    expect(label(s0, action)).toBe('paste of a segment table (2 rows, 2 new segments)');
    const transposed = block[0]!.map((_, c) => block.map((r) => r[c]!));
    expect(reduce(s0, { type: 'pasteSegmentTable', block: transposed }).inputs.segments).toEqual(s.inputs.segments);
    expect(revert(s, { action, label: '', changes: diff(s0, s) })).toEqual(s0);
  });

  it('a segment table with a header it does not know says which', () => {
    const r = readSegmentTable(defaultInputs(), [['', 'ACV', 'Model name'], ['SMB', '1', 'x']]);
    expect(r).toEqual({ ok: false, message: 'not an input a segment can change: "ACV", "Model name"' });
  });
});
