// A range typed into a cell (spec §11): kept in the document's ranges, undone
// like any edit, refused at the cell with the core's message when it is bad.
import { describe, expect, it } from 'vitest';
import { applyEntries, reduce, type Snapshot } from '@shared/document/index';
import { defaultInputs, defaultSimulation, emptyScenarios } from '@shared/index';

const start = (): Snapshot => ({ inputs: defaultInputs(), invalid: {}, scenarios: emptyScenarios(), ranges: [], simulation: defaultSimulation() });
const type = (snap: Snapshot, key: string, text: string) => applyEntries(snap, [{ key, text }]);

describe('a range typed in a cell', () => {
  it('80%..90% is a uniform range and the base value stays', () => {
    const s0 = start();
    const s = type(s0, 'journey.renewal.rate', '80%..90%');
    expect(s.ranges).toEqual([{ key: 'journey.renewal.rate', low: 0.8, high: 0.9 }]);
    expect(s.inputs).toBe(s0.inputs);
    expect(s.invalid).toEqual({});
  });

  it('80%..85%..90% has a most likely value; a lane is kept by its id', () => {
    const s0 = start();
    const lane = s0.inputs.lanes[0]!;
    const s = type(s0, 'lanes[0].attachRate', '20%..25%..40%');
    expect(s.ranges).toEqual([{ key: `lanes.${lane.id}.attachRate`, low: 0.2, mode: 0.25, high: 0.4 }]);
  });

  it('a plain value typed over a ranged cell replaces the range, Delete takes it away', () => {
    const ranged = type(start(), 'journey.renewal.rate', '80%..90%');
    const typed = type(ranged, 'journey.renewal.rate', '82%');
    expect(typed.ranges).toEqual([]);
    expect(typed.inputs.journey.renewal.rate).toBe(0.82);
    const cleared = type(ranged, 'journey.renewal.rate', '');
    expect(cleared.ranges).toEqual([]);
    expect(cleared.inputs).toBe(ranged.inputs);
  });

  it.each([
    ['journey.renewal.rate', '90%..80%', /low 90.0% is above high 80.0%/],
    ['journey.renewal.rate', '80%..120%', /120.0% is outside renewal rate of adopters's valid range 0.0% to 100.0%/],
    ['journey.renewal.rate', '80%..95%..90%', /95.0% is not between low 80.0% and high 90.0%/],
    ['acquisition.contractMonths', '10..14', /whole-number input .* cannot carry a range/],
    ['journey.renewal.rate', '80%..abc', /range: "abc" is not a percentage/],
  ])('%s %s is refused at the cell', (key, text, message) => {
    const s = type(start(), key, text);
    expect(s.ranges).toEqual([]);
    expect(s.invalid[key]?.text).toBe(text);
    expect(s.invalid[key]?.message).toMatch(message);
  });

  it('the range editor sets and removes a range, and a bad one changes nothing', () => {
    const s = reduce(start(), { type: 'setRange', key: 'acquisition.acv', range: { low: 50_000, mode: 65_000, high: 90_000 } });
    expect(s.ranges).toEqual([{ key: 'acquisition.acv', low: 50_000, mode: 65_000, high: 90_000 }]);
    expect(reduce(s, { type: 'setRange', key: 'acquisition.acv', range: { low: 9, high: 1 } })).toBe(s);
    expect(reduce(s, { type: 'setRange', key: 'acquisition.acv', range: null }).ranges).toEqual([]);
  });

  it('an input is ranged once: whole or by year', () => {
    const s = type(start(), 'journey.renewal.rate', '80%..90%');
    const again = type(s, 'journey.renewal.rate[1]', '70%..90%');
    expect(again.ranges).toBe(s.ranges);
    expect(again.invalid['journey.renewal.rate[1]']?.message).toMatch(/already has a range/);
  });
});
