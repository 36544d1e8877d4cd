// The one reducer and its history (issue 18): each action as data, applied
// purely; undo and redo replay the patch a step made.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blankStage, describeAction, diff, DOCUMENT_LIMITS, reduce, replay, revert, type Action, type Snapshot, type Step } from '@shared/document/index';
import { createScenario, defaultInputs, defaultSimulation, emptyScenarios, LEVER_TABLE } from '@shared/index';

const start = (): Snapshot => ({ inputs: defaultInputs(), invalid: {}, scenarios: emptyScenarios(), ranges: [], simulation: defaultSimulation() });
const step = (snap: Snapshot, action: Action): { after: Snapshot; step: Step } => {
  const after = reduce(snap, action);
  return { after, step: { action, label: describeAction(action, snap, after), changes: diff(snap, after) } };
};

describe('each action', () => {
  it('enter: a typed value, and a refused one kept as a mark with the last valid value driving the model', () => {
    const s = reduce(start(), { type: 'enter', key: 'journey.renewal.rate', text: '80' });
    expect(s.inputs.journey.renewal.rate).toBe(0.8);
    const bad = reduce(s, { type: 'enter', key: 'journey.renewal.rate', text: '120%' });
    expect(bad.inputs).toBe(s.inputs);
    expect(bad.invalid['journey.renewal.rate']).toEqual({ text: '120%', message: 'must be between 0% and 100%, got 120%' });
  });

  it('enterMany: a paste is one change, a pasted number the value itself', () => {
    const s = reduce(start(), { type: 'enterMany', source: 'pasted', entries: [{ key: 'lanes.modules.attachRate', text: '0.5' }, { key: 'lanes.integration.attachRate', text: '0.25' }] });
    expect(s.inputs.lanes.map((l) => l.attachRate)).toEqual([0.5, 0.25, 0.15]);
  });

  it('lanes: add (at most the limit), remove with its marks, a lever with its suggestion', () => {
    let s = reduce(start(), { type: 'addLane', count: 20 });
    expect(s.inputs.lanes).toHaveLength(DOCUMENT_LIMITS.lanes);
    expect(reduce(s, { type: 'addLane', count: 1 })).toBe(s);
    s = reduce(s, { type: 'enter', key: 'lanes.lane4.acv', text: 'lots' });
    expect(s.invalid['lanes.lane4.acv']).toBeDefined();
    s = reduce(s, { type: 'removeLane', id: 'lane4' });
    expect(s.inputs.lanes.some((l) => l.id === 'lane4')).toBe(false);
    expect(s.invalid['lanes.lane4.acv']).toBeUndefined();
    s = reduce(s, { type: 'setLever', laneIndex: 4, lever: 'services' });
    expect(s.inputs.lanes[4]!.grossMargin).toBe(LEVER_TABLE.services.grossMargin);
  });

  it('years of new logos: add at the last figure up to the limit, remove the last; year 1 stays', () => {
    let s = reduce(start(), { type: 'addYear', count: 50 });
    expect(s.inputs.acquisition.newCustomersByYear).toHaveLength(DOCUMENT_LIMITS.years);
    expect(s.inputs.acquisition.newCustomersByYear.at(-1)).toBe(140);
    for (let i = 0; i < 20; i++) s = reduce(s, { type: 'removeLastYear' });
    expect(s.inputs.acquisition.newCustomersByYear).toEqual([100]);
  });

  it('funnel stages: add stops at the limit (issue 18: 25 additions gave 29 stages and a save that failed)', () => {
    let s = start();
    for (let i = 0; i < 25; i++) s = reduce(s, { type: 'addFunnelStage', count: 1 });
    expect(s.inputs.acquisition.funnel).toHaveLength(DOCUMENT_LIMITS.funnelStages);
    expect(s.inputs.acquisition.funnel.at(-1)).toEqual(blankStage(DOCUMENT_LIMITS.funnelStages));
    const full = s;
    expect(reduce(full, { type: 'addFunnelStage', count: 3 })).toBe(full); // no change, so no undo step
    s = reduce(s, { type: 'removeFunnelStage', index: 0 });
    expect(s.inputs.acquisition.funnel[0]!.name).toBe('SAL');
  });

  it('cohorts: add and remove', () => {
    let s = reduce(start(), { type: 'addCohort' });
    expect(s.inputs.base?.cohorts).toHaveLength(1);
    s = reduce(s, { type: 'removeCohort', index: 0 });
    expect(s.inputs.base?.cohorts).toEqual([]);
  });

  it('scenarios: replace, switch, override, delete', () => {
    const made = createScenario(emptyScenarios(), 'Conservative');
    if (!made.ok) throw new Error(made.error);
    let s = reduce(start(), { type: 'setScenarios', scenarios: made.set });
    s = reduce(s, { type: 'switchScenario', id: made.id });
    expect(s.scenarios.activeId).toBe(made.id);
    s = reduce(s, { type: 'setOverride', scenarioId: made.id, key: 'journey.renewal.rate', value: 0.8 });
    expect(s.scenarios.scenarios[0]!.overrides).toEqual({ 'journey.renewal.rate': 0.8 });
    // typed while the scenario shows: an override, not the base
    s = reduce(s, { type: 'enter', key: 'acquisition.acv', text: '70k' });
    expect(s.inputs.acquisition.acv).toBe(65000);
    expect(s.scenarios.scenarios[0]!.overrides['acquisition.acv']).toBe(70000);
    s = reduce(s, { type: 'setOverride', scenarioId: made.id, key: 'journey.renewal.rate' });
    expect(Object.keys(s.scenarios.scenarios[0]!.overrides)).toEqual(['acquisition.acv']);
    s = reduce(s, { type: 'deleteScenario', id: made.id });
    expect(s.scenarios).toEqual({ scenarios: [], activeId: null });
  });

  it('applySuggestion: the inputs the actuals worker computed', () => {
    const next = { ...defaultInputs(), base: { cohorts: [{ name: 'Book', customers: 10, arr: 500000, ageMonths: 6, adopterShare: null }] } };
    expect(reduce(start(), { type: 'applySuggestion', what: 'start the plan from actuals', inputs: next }).inputs).toBe(next);
  });

  it('every action is data: it survives JSON and does the same', () => {
    const actions: Action[] = [
      { type: 'enter', key: 'journey.renewal.rate[1]', text: '90%' },
      { type: 'addLane', count: 2 },
      { type: 'setLever', laneIndex: 3, lever: 'usage' },
      { type: 'addFunnelStage', count: 1 },
      { type: 'enterMany', source: 'typed', entries: [{ key: 'base.cohorts[0].customers', text: '5' }] },
    ];
    const direct = actions.reduce(reduce, start());
    const replayed = (JSON.parse(JSON.stringify(actions)) as Action[]).reduce(reduce, start());
    expect(replayed).toEqual(direct);
  });
});

describe('undo and redo over patches', () => {
  it('a step keeps the changed paths only, not a copy of the document', () => {
    const { step: s } = step(start(), { type: 'enter', key: 'journey.renewal.rate', text: '80' });
    expect(s.changes).toEqual([{ path: ['inputs', 'journey', 'renewal', 'rate'], before: { value: 0.85 }, after: { value: 0.8 } }]);
    expect(s.label).toBe('renewal rate of adopters 85% → 80%');
  });

  it('a mark added and removed is a path present or absent', () => {
    const { after, step: s } = step(start(), { type: 'enter', key: 'acquisition.acv', text: 'lots' });
    expect(s.changes).toEqual([{ path: ['invalid', 'acquisition.acv'], before: null, after: { value: after.invalid['acquisition.acv'] } }]);
    expect(revert(after, s).invalid).toEqual({});
  });

  it('any run of actions undone step by step gives back every snapshot, and redone gives the last (property)', () => {
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ type: fc.constant('enter' as const), key: fc.constantFrom('journey.renewal.rate', 'journey.renewal.rate[2]', 'acquisition.acv', 'lanes.modules.attachRate[1]', 'journey.onboarding.month', 'journey.firstValue.month', 'base.cohorts[0].customers', 'acquisition.funnel[1].rate'), text: fc.constantFrom('80', '95%', '70k', '3', '9', '', 'x', '120%') }),
      fc.record({ type: fc.constant('addLane' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ type: fc.constant('removeLane' as const), id: fc.constantFrom('modules', 'lane4') }),
      fc.record({ type: fc.constant('addFunnelStage' as const), count: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ type: fc.constant('removeFunnelStage' as const), index: fc.integer({ min: 0, max: 5 }) }),
      fc.constant({ type: 'addCohort' as const }),
      fc.record({ type: fc.constant('addYear' as const), count: fc.integer({ min: 1, max: 4 }) }),
      fc.constant({ type: 'removeLastYear' as const }),
    );
    fc.assert(fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
      const snaps = [start()];
      const steps: Step[] = [];
      for (const a of actions) {
        const prev = snaps[snaps.length - 1]!;
        const r = step(prev, a);
        if (r.after === prev) continue;
        snaps.push(r.after);
        steps.push(r.step);
      }
      let s = snaps[snaps.length - 1]!;
      for (let i = steps.length - 1; i >= 0; i--) {
        s = revert(s, steps[i]!);
        expect(s).toEqual(snaps[i]);
      }
      for (const st of steps) s = replay(s, st);
      expect(s).toEqual(snaps[snaps.length - 1]);
    }), { numRuns: 150 });
  });
});

describe('the step names what it did, for the Undo and Redo buttons', () => {
  it('a change of the scenarios says which: new, shown, an override, deleted', () => {
    const made = createScenario(emptyScenarios(), 'Conservative');
    if (!made.ok) throw new Error(made.error);
    let s = start();
    const name = (a: Action) => { const next = reduce(s, a); const label = describeAction(a, s, next); s = next; return label; };
    expect(name({ type: 'setScenarios', scenarios: made.set })).toBe('new scenario “Conservative”');
    expect(name({ type: 'setScenarios', scenarios: { ...s.scenarios, activeId: made.id } })).toBe('show “Conservative”');
    expect(name({ type: 'enter', key: 'journey.renewal.rate', text: '80' })).toBe('Conservative: renewal rate of adopters 85% → 80%');
    const sc = s.scenarios.scenarios[0]!;
    expect(name({ type: 'setScenarios', scenarios: { ...s.scenarios, scenarios: [{ ...sc, overrides: {} }] } })).toBe('Conservative: stop overriding renewal rate of adopters');
    expect(name({ type: 'setScenarios', scenarios: { scenarios: [], activeId: null } })).toBe('delete scenario “Conservative”');
  });

  it.each<[Action, string]>([
    [{ type: 'enter', key: 'journey.renewal.rate', text: '80' }, 'renewal rate of adopters 85% → 80%'],
    [{ type: 'enter', key: 'journey.renewal.rate[1]', text: '90' }, 'renewal rate of adopters, year 2 85% → 90%'],
    [{ type: 'enter', key: 'acquisition.acv', text: '70k' }, 'new-logo ACV $65,000 → $70,000'],
    [{ type: 'enter', key: 'CAC per new logo', text: '1' }, 'CAC per new logo'],
    [{ type: 'enter', key: 'acquisition.cacPerCustomer', text: '90k' }, 'CAC per new logo $80,000 → $90,000'],
    [{ type: 'enter', key: 'lanes.integration.anchor', text: 'adoption' }, 'deeper data integration: Anchor First value → Adoption'],
    [{ type: 'enter', key: 'journey.renewal.rate', text: '120%' }, 'renewal rate of adopters "120%" (refused)'],
    [{ type: 'enterMany', source: 'pasted', entries: [{ key: 'journey.renewal.rate', text: '0.8' }, { key: 'acquisition.acv', text: '1' }] }, 'paste of 2 cells'],
    [{ type: 'enterMany', source: 'typed', entries: [{ key: 'journey.renewal.rate', text: '80' }, { key: 'acquisition.acv', text: '1' }] }, '2 cells'],
    [{ type: 'addLane', count: 2 }, 'add 2 lanes'],
    [{ type: 'removeLane', id: 'services' }, 'remove lane “Managed services layer”'],
    [{ type: 'setLever', laneIndex: 0, lever: 'crossSell' }, 'lever of “Additional use cases / modules” Upsell → Cross-sell'],
    [{ type: 'addYear', count: 1 }, 'add a year of new logos'],
    [{ type: 'removeLastYear' }, 'remove year 3 of new logos'],
    [{ type: 'addFunnelStage', count: 1 }, 'add a funnel stage'],
    [{ type: 'removeFunnelStage', index: 2 }, 'remove funnel stage “SQL”'],
    [{ type: 'addCohort' }, 'add a cohort'],
  ])('%j → %s', (action, label) => {
    const before = start();
    expect(describeAction(action, before, reduce(before, action))).toBe(label);
  });
});
