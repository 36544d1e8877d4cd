import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, getInput } from '@shared/index';
import {
  applyScenario, changedOverrideKeys, createScenario, deleteScenario, duplicateScenario, effectiveInputs, emptyScenarios,
  offeredOverrideKeys, overrideRows, renameScenario, scenariosFromJson, scenariosToJson, setOverride, switchScenario, type ScenarioSet,
} from '@shared/model/scenarios';

function must(r: ReturnType<typeof createScenario>): { set: ScenarioSet; id: string } {
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('scenarios', () => {
  const base = defaultInputs();

  it('a scenario changes only the inputs it overrides, and the base stays as it was', () => {
    const { set, id } = must(createScenario(emptyScenarios(), 'Downside', { 'journey.renewal.rate': 0.8, 'lanes.modules.attachRate': 0.2 }));
    const applied = applyScenario(base, set.scenarios.find((s) => s.id === id));
    expect(applied.problems).toEqual([]);
    expect(getInput(applied.inputs, 'journey.renewal.rate')).toBe(0.8);
    expect(getInput(applied.inputs, 'lanes.modules.attachRate')).toBe(0.2);
    expect(getInput(applied.inputs, 'acquisition.acv')).toBe(65000);
    expect(base.journey.renewal.rate).toBe(0.85);
    // The CFO's question from the issue: NRR falls when renewal and attach fall.
    expect(computeModel(applied.inputs).annual[1]!.nrr!).toBeLessThan(computeModel(base).annual[1]!.nrr!);
  });

  it('switching makes the active scenario the model the app computes; deleting it returns to the base', () => {
    const created = must(createScenario(emptyScenarios(), 'Upside', { 'journey.renewal.rate': 0.92 }));
    let set = created.set;
    const id = created.id;
    expect(effectiveInputs(base, set).inputs).toBe(base);
    set = switchScenario(set, id);
    expect(effectiveInputs(base, set).inputs.journey.renewal.rate).toBe(0.92);
    set = deleteScenario(set, id);
    expect(set.activeId).toBeNull();
    expect(effectiveInputs(base, set).inputs).toBe(base);
    expect(switchScenario(set, 'nope')).toBe(set);
  });

  it('names are required, unique ignoring case, and never "Base"', () => {
    const { set } = must(createScenario(emptyScenarios(), 'Upside'));
    expect(createScenario(set, 'upside')).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    expect(createScenario(set, '  ')).toMatchObject({ ok: false });
    expect(createScenario(set, 'base')).toMatchObject({ ok: false });
    expect(createScenario(set, 'x'.repeat(61))).toMatchObject({ ok: false });
  });

  it('duplicate copies the overrides under a free name; rename keeps the id', () => {
    const created = must(createScenario(emptyScenarios(), 'Upside', { 'journey.renewal.rate': 0.9 }));
    let set = created.set;
    const id = created.id;
    const dup = must(duplicateScenario(set, id));
    set = dup.set;
    const copy = set.scenarios.find((s) => s.id === dup.id)!;
    expect(copy.name).toBe('Upside (copy)');
    expect(copy.overrides).toEqual({ 'journey.renewal.rate': 0.9 });
    expect(copy.id).not.toBe(id);
    // The copy is independent of the original.
    set = setOverride(set, dup.id, 'journey.renewal.rate', 0.95);
    expect(set.scenarios.find((s) => s.id === id)!.overrides['journey.renewal.rate']).toBe(0.9);
    const renamed = must(renameScenario(set, id, 'Best case'));
    expect(renamed.set.scenarios.find((s) => s.id === id)!.name).toBe('Best case');
    expect(renameScenario(renamed.set, id, 'Upside (copy)')).toMatchObject({ ok: false });
    expect(must(renameScenario(renamed.set, id, 'BEST case')).set.scenarios.find((s) => s.id === id)!.name).toBe('BEST case');
  });

  it('an override that makes the model invalid, or names an input that is gone, is reported at its key', () => {
    const { set } = must(createScenario(emptyScenarios(), 'Broken', { 'journey.renewal.rate': 1.2, 'lanes.gone.attachRate': 0.3 }));
    const { problems } = applyScenario(base, set.scenarios[0]);
    expect(problems.map((p) => p.path).sort()).toEqual(['journey.renewal.rate', 'lanes.gone.attachRate']);
    expect(problems.find((p) => p.path === 'journey.renewal.rate')!.message).toMatch(/between 0% and 100%/);
  });

  it('lists overrides against the base in catalogue order', () => {
    const { set } = must(createScenario(emptyScenarios(), 'S', { 'lanes.modules.attachRate': 0.2, 'journey.renewal.rate': 0.8 }));
    const rows = overrideRows(base, set.scenarios[0]!);
    expect(rows.map((r) => [r.key, r.base, r.value])).toEqual([['journey.renewal.rate', 0.85, 0.8], ['lanes.modules.attachRate', 0.35, 0.2]]);
    expect(rows[0]!.label).toBe('Renewal rate of adopters');
  });

  it('round-trips through the workbook JSON, including the active scenario', () => {
    let set = must(createScenario(emptyScenarios(), 'Upside', { 'journey.renewal.rate': 0.9 })).set;
    const d = must(createScenario(set, 'Downside', { 'acquisition.acv': 50000, 'general.currency': 'EUR' }));
    set = switchScenario(d.set, d.id);
    const json = JSON.parse(JSON.stringify(scenariosToJson(set)));
    const back = scenariosFromJson(json);
    expect(back.notes).toEqual([]);
    expect(back.set).toEqual(set);
  });

  it('reads garbage without throwing, keeping what is usable and saying what was dropped', () => {
    expect(scenariosFromJson(undefined)).toEqual({ set: emptyScenarios(), notes: [] });
    expect(scenariosFromJson('nonsense').notes).toHaveLength(1);
    expect(scenariosFromJson({ scenarios: 7 }).set.scenarios).toEqual([]);
    const read = scenariosFromJson({
      activeId: 'x2',
      scenarios: [
        null,
        { id: 'x1', name: 'Good', overrides: { 'journey.renewal.rate': 0.9, 'bad key!': 1, 'acquisition.acv': { a: 1 }, 'general.name': 'y'.repeat(500) } },
        { id: 'x2', name: 'good', overrides: 'not an object' },
        { id: '<script>', name: 'Third' },
      ],
    });
    expect(read.set.scenarios.map((s) => s.name)).toEqual(['Good', 'good 2', 'Third']);
    expect(read.set.scenarios[0]!.overrides).toEqual({ 'journey.renewal.rate': 0.9 });
    expect(read.set.activeId).toBe('x2');
    expect(read.set.scenarios[2]!.id).toMatch(/^s\d+$/);
    expect(read.notes.join('\n')).toMatch(/scenario 1 is not a scenario/);
    expect(read.notes.join('\n')).toMatch(/3 unreadable overrides/);
    const many = scenariosFromJson({ scenarios: Array.from({ length: 80 }, (_, i) => ({ name: `S${i}` })) });
    expect(many.set.scenarios).toHaveLength(50);
    expect(many.notes.join()).toMatch(/first 50/);
  });

  it('counts only overrides that differ from the base, and offers no input that only relabels (issue 23.2)', () => {
    const base = defaultInputs();
    const s = { id: 's1', name: 'Conservative', overrides: { 'journey.renewal.rate': 0.8, 'general.currency': 'USD', 'journey.onboarding.rate': [0.9, 0.9], 'base.cohorts': [] } };
    expect(changedOverrideKeys(base, s)).toEqual(['journey.renewal.rate']);
    expect(changedOverrideKeys(base, { ...s, overrides: { 'journey.onboarding.rate': [0.9, 0.95] } })).toEqual(['journey.onboarding.rate']);
    const offered = offeredOverrideKeys(base);
    for (const k of ['general.currency', 'general.name', 'general.startMonth', 'acquisition.funnel[0].name', 'lanes.modules.name']) expect(offered).not.toContain(k);
    expect(offered).toContain('journey.renewal.nonAdopterRate');
    expect(offered).toContain('base.cohorts');
  });
});
