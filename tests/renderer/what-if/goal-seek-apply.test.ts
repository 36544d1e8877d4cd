// Apply and Save as scenario (issue 21): each one undo step; with a scenario on
// screen Apply writes that scenario's override and leaves the base alone; one
// year of a ramp is stored as the ramp with that year set.
import { beforeEach, describe, expect, it } from 'vitest';
import { activeScenario, createScenario, defaultInputs, effectiveInputs, goalSeek, resolveInput, switchScenario, type SeekAnswer } from '@shared/index';
import { documentStore } from '../../../renderer/src/store/document-store';
import { applyAnswer, saveAsScenario, scenarioName } from '../../../renderer/src/what-if/goal-seek-apply';

const input = (key: string) => {
  const r = resolveInput(defaultInputs(), key);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const seek = (output: string, target: number, key: string): SeekAnswer => {
  const { inputs, scenarios } = documentStore.getState();
  const r = goalSeek(effectiveInputs(inputs, scenarios).inputs, { output, target, input: key });
  if (!r.ok) throw new Error(r.error);
  return r.answer;
};
const shown = () => { const s = documentStore.getState(); return effectiveInputs(s.inputs, s.scenarios).inputs; };

beforeEach(() => documentStore.getState().load(defaultInputs(), 'Untitled.xlsx', null));

describe('Apply', () => {
  it('sets the base input in one undo step', () => {
    const a = seek('nrrByYear[1]', 0.95, 'journey.renewal.rate');
    applyAnswer(shown(), input('journey.renewal.rate'), a.value!);
    expect(documentStore.getState().inputs.journey.renewal.rate).toBe(a.value);
    documentStore.getState().undo();
    expect(documentStore.getState().inputs.journey.renewal.rate).toBe(0.85);
  });

  it('with a scenario on screen, sets that scenario\'s override and not the base', () => {
    const made = createScenario(documentStore.getState().scenarios, 'Downside', { 'lanes.modules.attachRate': 0.2 });
    if (!made.ok) throw new Error(made.error);
    documentStore.getState().setScenarios(switchScenario(made.set, made.id));
    const a = seek('nrrByYear[1]', 0.9, 'journey.renewal.rate[1]');
    applyAnswer(shown(), input('journey.renewal.rate[1]'), a.value!);
    const s = documentStore.getState();
    expect(s.inputs.journey.renewal.rate).toBe(0.85);
    expect(activeScenario(s.scenarios)!.overrides).toEqual({ 'lanes.modules.attachRate': 0.2, 'journey.renewal.rate': [0.85, a.value, 0.85] });
    s.undo();
    expect(activeScenario(documentStore.getState().scenarios)!.overrides).toEqual({ 'lanes.modules.attachRate': 0.2 });
  });
});

describe('Save as scenario', () => {
  it('creates "Renewal for 95% NRR", shows it, and one undo removes it', () => {
    const a = seek('nrrByYear[1]', 0.95, 'journey.renewal.rate');
    expect(saveAsScenario(shown(), input('journey.renewal.rate'), a)).toBeNull();
    const s = documentStore.getState();
    expect(activeScenario(s.scenarios)).toMatchObject({ name: 'Renewal for 95% NRR', overrides: { 'journey.renewal.rate': a.value } });
    expect(s.inputs.journey.renewal.rate).toBe(0.85);
    // a second one gets a free name
    expect(saveAsScenario(shown(), input('journey.renewal.rate'), a)).toBeNull();
    expect(activeScenario(documentStore.getState().scenarios)!.name).toBe('Renewal for 95% NRR 2');
    documentStore.getState().undo();
    documentStore.getState().undo();
    expect(documentStore.getState().scenarios.scenarios).toEqual([]);
  });

  it('names the question in the strip\'s words', () => {
    const m = defaultInputs();
    expect(scenarioName(m, input('journey.renewal.rate'), { ...seek('nrrByYear[1]', 1.1, 'journey.renewal.rate'), target: 1.1 })).toBe('Renewal for 110% NRR');
    expect(scenarioName(m, input('acquisition.cacPerCustomer'), seek('ltvToCac', 3, 'acquisition.cacPerCustomer'))).toBe('CAC for 3.00× LTV:CAC');
    expect(scenarioName(m, input('journey.renewal.rate[1]'), seek('nrrByYear[2]', 0.9, 'journey.renewal.rate[1]'))).toBe('Renewal Y2 for 90% NRR Y3');
  });
});
