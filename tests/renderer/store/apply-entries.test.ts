// Typed and pasted entries, unusual values and related inputs (issue 11 §1–4),
// through the document store as the grid drives it.
import { describe, expect, it } from 'vitest';
import { defaultInputs, plausibilityWarnings, setInput } from '@shared/index';
import { createDocumentStore } from '../../../renderer/src/store/document-store';

describe('typing a rate (Excel automatic percent entry)', () => {
  it.each([['77.5', 0.775], ['4.5', 0.045], ['1.2', 0.012], ['0.85', 0.85], ['92%', 0.92]])('%s in renewal → %s, no mark', (text, v) => {
    const doc = createDocumentStore();
    doc.getState().enter('journey.renewal.rate', text);
    expect(doc.getState().inputs.journey.renewal.rate).toBe(v);
    expect(doc.getState().invalid).toEqual({});
  });
});

describe('pasting rates (Excel paste: a number is the value itself)', () => {
  it('a pasted column 1 / 0.5 / 0 is 100%, 50%, 0%', () => {
    const doc = createDocumentStore();
    doc.getState().enterMany([
      { key: 'lanes.modules.attachRate', text: '1' },
      { key: 'lanes.integration.attachRate', text: '0.5' },
      { key: 'lanes.services.attachRate', text: '0' },
    ]);
    expect(doc.getState().inputs.lanes.map((l) => l.attachRate)).toEqual([1, 0.5, 0]);
    expect(doc.getState().invalid).toEqual({});
  });

  it('a pasted 30 is 3000%, refused with a message saying how to paste percentages; 30% is 30%', () => {
    const doc = createDocumentStore();
    doc.getState().enterMany([{ key: 'journey.renewal.rate', text: '30' }]);
    expect(doc.getState().inputs.journey.renewal.rate).toBe(defaultInputs().journey.renewal.rate);
    expect(doc.getState().invalid['journey.renewal.rate']!.message).toBe('must be between 0% and 100%, got 3000% (a pasted number is the value itself: paste 30% (or 0.3) for 30%)');
    doc.getState().enterMany([{ key: 'journey.renewal.rate', text: '30%' }]);
    expect(doc.getState().inputs.journey.renewal.rate).toBe(0.3);
    expect(doc.getState().invalid).toEqual({});
  });
});

describe('money in another currency', () => {
  it('€70k in a USD model is refused and the ACV is unchanged', () => {
    const doc = createDocumentStore();
    doc.getState().enter('acquisition.acv', '€70k');
    expect(doc.getState().inputs.acquisition.acv).toBe(defaultInputs().acquisition.acv);
    expect(doc.getState().invalid['acquisition.acv']!.message).toContain('is in EUR, but this model is in USD');
  });
});

describe('unusual but valid values', () => {
  it('seat expansion 450% is used and warned about with the likely meaning', () => {
    const doc = createDocumentStore();
    doc.getState().enterMany([{ key: 'journey.seatExpansion', text: '4.5' }]);
    expect(doc.getState().inputs.journey.seatExpansion).toBe(4.5);
    expect(plausibilityWarnings(doc.getState().inputs)).toEqual([{ key: 'journey.seatExpansion', message: 'Seat expansion 450% a year is unusual; did you mean 4.5%?' }]);
  });
  it('a typed 4.5 is 4.5% and not warned about; a 25% price increase is', () => {
    const inputs = setInput(setInput(defaultInputs(), 'journey.seatExpansion', 0.045), 'journey.priceIncrease', 0.25);
    expect(plausibilityWarnings(inputs)).toEqual([{ key: 'journey.priceIncrease', message: 'Price increase 25% a year is unusual (usually at most 20%)' }]);
    expect(plausibilityWarnings(defaultInputs())).toEqual([]);
  });
});

describe('related inputs are validated together', () => {
  it('a lane whose "from" was refused takes it once "to" is fixed; the stale mark goes', () => {
    const doc = createDocumentStore();
    // services: window 6–12 by default
    const lane = doc.getState().inputs.lanes.find((l) => l.id === 'services')!;
    expect([lane.windowStart, lane.windowEnd]).toEqual([6, 12]);
    doc.getState().enter('lanes.services.windowStart', '20');
    expect(doc.getState().invalid['lanes.services.windowStart']!.message).toBe('must not be later than To (month 12), got 20');
    expect(Object.keys(doc.getState().invalid)).toEqual(['lanes.services.windowStart']);
    doc.getState().enter('lanes.services.windowEnd', '24');
    const fixed = doc.getState().inputs.lanes.find((l) => l.id === 'services')!;
    expect([fixed.windowStart, fixed.windowEnd]).toEqual([20, 24]);
    expect(doc.getState().invalid).toEqual({});
    // one undo step per entry: undo restores "to" and the pending "from"
    doc.getState().undo();
    expect(doc.getState().invalid['lanes.services.windowStart']).toBeDefined();
  });

  it('stage months: a refused first-value month takes effect when onboarding moves earlier', () => {
    const doc = createDocumentStore();
    const onboarding = doc.getState().inputs.journey.onboarding.month;
    doc.getState().enter('journey.firstValue.month', String(Math.max(0, onboarding - 1)));
    expect(doc.getState().invalid['journey.firstValue.month']!.message).toContain('must not be earlier than onboarding');
    doc.getState().enter('journey.onboarding.month', '0');
    expect(doc.getState().inputs.journey.firstValue.month).toBe(Math.max(0, onboarding - 1));
    expect(doc.getState().invalid).toEqual({});
  });

  it('a mark that still applies gets a message about the values now on the sheet', () => {
    const doc = createDocumentStore();
    doc.getState().enter('lanes.services.windowStart', '30');
    doc.getState().enter('lanes.services.windowEnd', '24');
    expect(doc.getState().invalid['lanes.services.windowStart']!.message).toBe('must not be later than To (month 24), got 30');
  });
});

describe('removing a lane', () => {
  it('drops only the removed lane\'s marks; others stay (issue 10 §6)', () => {
    const doc = createDocumentStore();
    doc.getState().enter('lanes.modules.acv', 'abc');
    doc.getState().enter('lanes.services.acv', 'xyz');
    doc.getState().removeLane('modules');
    expect(Object.keys(doc.getState().invalid)).toEqual(['lanes.services.acv']);
  });
  it('a new lane starts at attach 0, so no figure moves', () => {
    const doc = createDocumentStore();
    doc.getState().addLane();
    expect(doc.getState().inputs.lanes.at(-1)!.attachRate).toBe(0);
  });
});

describe('while a scenario is shown', () => {
  it('typing goes into the scenario as an override, checked against what it shows; the base value removes it', async () => {
    const { createScenario, switchScenario } = await import('@shared/model/scenarios');
    const doc = createDocumentStore();
    const made = createScenario(doc.getState().scenarios, 'Downside', { 'journey.renewal.rate': 0.7 });
    if (!made.ok) throw new Error(made.error);
    doc.getState().setScenarios(switchScenario(made.set, made.id));
    doc.getState().enter('journey.seatExpansion', '3');
    const s = doc.getState();
    expect(s.inputs).toEqual(defaultInputs()); // the base is untouched
    expect(s.scenarios.scenarios[0]!.overrides).toEqual({ 'journey.renewal.rate': 0.7, 'journey.seatExpansion': 0.03 });
    doc.getState().enter('journey.renewal.rate', String((defaultInputs().journey.renewal.rate as number) * 100));
    expect(doc.getState().scenarios.scenarios[0]!.overrides).toEqual({ 'journey.seatExpansion': 0.03 });
    doc.getState().enter('general.name', 'Renamed'); // not overridable: the base's
    expect(doc.getState().inputs.general.name).toBe('Renamed');
    doc.getState().undo();
    doc.getState().undo();
    expect(doc.getState().scenarios.scenarios[0]!.overrides).toEqual({ 'journey.renewal.rate': 0.7, 'journey.seatExpansion': 0.03 });
  });
});
