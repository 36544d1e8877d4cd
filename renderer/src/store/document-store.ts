// The app's document (issue 4, issue 18): a thin dispatcher over the document
// of shared/document. Every change is an action applied by its one reducer;
// undo and redo replay the patch each step made. The store adds what is not
// the model: file name and path, the dirty flag, and the history. Vanilla store
// + hook, so vitest drives it without React.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultInputs, defaultSimulation, defaultTwoWay, emptyScenarios, sameTwoWaySpec, type ModelInputs, type ScenarioSet, type SimulationSettings, type TwoWaySpec } from '@shared/index';
import { describeAction, diff, DOCUMENT_LIMITS, HISTORY_LIMIT, reduce, replay, revert, sameValue, type Action, type BowtieDocument, type CellEntry, type EntrySource, type ImportMapping, type PendingEntry, type RangeEntry, type Snapshot, type Step } from '@shared/document/index';
import type { ActualsSheet } from '@shared/workbook/index';

export interface DocumentState extends BowtieDocument {
  fileName: string;
  /** where the platform saves it (a path on desktop, a file name or handle id in the browser); null when never saved */
  filePath: string | null;
  /** the inputs as last opened or saved: dirty means they differ */
  savedInputs: ModelInputs;
  savedScenarios: ScenarioSet;
  savedRanges: readonly RangeEntry[];
  savedSimulation: SimulationSettings;
  /** the Sensitivity sheet's two-way table as saved; null is the core's default */
  savedSensitivity: TwoWaySpec | null;
  /** the imported billing export as saved; an import is not an undo step (a re-import replaces it) */
  savedActuals: ActualsSheet | null;
  dirty: boolean;
  /** undo steps, oldest first, and redo steps, next first: each an action and the patch it made */
  past: readonly Step[];
  future: readonly Step[];

  /** Apply one action as one undo step; an action that changes nothing is no step. */
  dispatch(action: Action): void;
  enter(key: string, text: string): void;
  /** Several entries as one undo step; pasted by default (a pasted number is the value itself). */
  enterMany(entries: readonly CellEntry[], source?: EntrySource): void;
  /** Lanes at attach 0 (no figure moves), `count` of them as one undo step; at most DOCUMENT_LIMITS.lanes. */
  addLane(count?: number): void;
  removeLane(id: string): void;
  /** Another year of new logos, starting at the last year's figure; at most DOCUMENT_LIMITS.years. */
  addYear(count?: number): void;
  /** Drop the last year of new logos; year 1 always stays. */
  removeLastYear(): void;
  /** A funnel stage after the last, converting 100% so no figure moves until it is edited; at most DOCUMENT_LIMITS.funnelStages. */
  addFunnelStage(count?: number): void;
  removeFunnelStage(index: number): void;
  /** Replace the scenarios as one undoable step (the scenarios sheet's entry point). */
  setScenarios(next: ScenarioSet): void;
  /** The Sensitivity sheet's choice; not an undo step. */
  setSensitivity(next: TwoWaySpec | null): void;
  /** Imported actuals (or null to drop them); not an undo step. `mapping`: how a billing export in its own shape was read, kept first in importMappings for next month's file. */
  setActuals(next: ActualsSheet | null, mapping?: ImportMapping): void;
  undo(): void;
  redo(): void;
  /** Replace the document (New, Open, recovery): clears history. */
  load(inputs: ModelInputs, fileName: string, filePath: string | null, opts?: { dirty?: boolean; scenarios?: ScenarioSet; sensitivity?: TwoWaySpec | null; actuals?: ActualsSheet | null; ranges?: readonly RangeEntry[]; simulation?: SimulationSettings; importMappings?: readonly ImportMapping[] }): void;
  /** After a save of exactly these inputs, scenarios and two-way table (and ranges: a save that does not name them wrote the ones on screen). */
  markSaved(fileName: string, filePath: string | null, saved: { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity?: TwoWaySpec | null; actuals?: ActualsSheet | null; ranges?: readonly RangeEntry[]; simulation?: SimulationSettings }): void;
}

export const UNTITLED = 'Untitled.xlsx';

/** The parts of the document the spec names that the app does not have yet (BowtieDocument): always empty. */
const NOT_YET = { accounts: null, pipeline: null } as const;
const NO_RANGES: readonly RangeEntry[] = [];
const sameMapping = (a: ImportMapping, b: ImportMapping) => a.shape === b.shape && JSON.stringify(a.fields) === JSON.stringify(b.fields);

export function createDocumentStore(initial: ModelInputs = defaultInputs(), initialScenarios: ScenarioSet = emptyScenarios()) {
  return createStore<DocumentState>()((set, get) => {
    const snapshot = (s: Snapshot): Snapshot => ({ inputs: s.inputs, invalid: s.invalid, scenarios: s.scenarios, ranges: s.ranges, simulation: s.simulation });
    const isDirty = (snap: Snapshot, s: DocumentState) =>
      snap.inputs !== s.savedInputs || snap.scenarios !== s.savedScenarios || !sameValue(snap.ranges, s.savedRanges) || !sameValue(snap.simulation, s.savedSimulation)
      || !sameTwoWaySpec(s.sensitivity, s.savedSensitivity) || s.actuals !== s.savedActuals;
    /** The default table is stored as null, so choosing it again after a change is no change. */
    const normal = (spec: TwoWaySpec | null | undefined, inputs: ModelInputs) => (spec && !sameTwoWaySpec(spec, defaultTwoWay(inputs)) ? spec : null);
    /** Undo back to what was saved gives the saved objects themselves: clean again, and nothing downstream recomputes. */
    const settle = (snap: Snapshot, s: DocumentState): Snapshot => ({
      ...snap,
      inputs: snap.inputs !== s.savedInputs && sameValue(snap.inputs, s.savedInputs) ? s.savedInputs : snap.inputs,
      scenarios: snap.scenarios !== s.savedScenarios && sameValue(snap.scenarios, s.savedScenarios) ? s.savedScenarios : snap.scenarios,
    });
    const move = (next: Snapshot, past: readonly Step[], future: readonly Step[]) =>
      set({ ...next, past, future, dirty: isDirty(next, get()) });
    const dispatch = (action: Action) => {
      const s = get();
      const before = snapshot(s);
      const after = reduce(before, action);
      if (after.inputs === before.inputs && after.invalid === before.invalid && after.scenarios === before.scenarios && after.ranges === before.ranges && after.simulation === before.simulation) return;
      const step: Step = { action, label: describeAction(action, before, after), changes: diff(before, snapshot(after)) };
      move(after, [...s.past, step].slice(-HISTORY_LIMIT), []);
    };

    return {
      inputs: initial,
      invalid: {},
      scenarios: initialScenarios,
      ranges: NO_RANGES,
      simulation: defaultSimulation(),
      ...NOT_YET,
      importMappings: [],
      fileName: UNTITLED,
      filePath: null,
      savedInputs: initial,
      savedScenarios: initialScenarios,
      savedRanges: NO_RANGES,
      savedSimulation: defaultSimulation(),
      sensitivity: null,
      savedSensitivity: null,
      actuals: null,
      savedActuals: null,
      dirty: false,
      past: [],
      future: [],

      dispatch,
      enter: (key, text) => dispatch({ type: 'enter', key, text }),
      enterMany: (entries, source = 'pasted') => dispatch({ type: 'enterMany', entries, source }),
      addLane: (count = 1) => dispatch({ type: 'addLane', count }),
      removeLane: (id) => dispatch({ type: 'removeLane', id }),
      addYear: (count = 1) => dispatch({ type: 'addYear', count }),
      removeLastYear: () => dispatch({ type: 'removeLastYear' }),
      addFunnelStage: (count = 1) => dispatch({ type: 'addFunnelStage', count }),
      removeFunnelStage: (index) => dispatch({ type: 'removeFunnelStage', index }),
      setScenarios: (scenarios) => dispatch({ type: 'setScenarios', scenarios }),

      setSensitivity: (next) => {
        const s = get();
        const sensitivity = normal(next, s.inputs);
        if (sameTwoWaySpec(sensitivity, s.sensitivity)) return;
        set({ sensitivity, dirty: isDirty(s, { ...s, sensitivity }) });
      },

      setActuals: (next, mapping) => {
        const s = get();
        if (next === s.actuals) return;
        const importMappings = mapping ? [mapping, ...s.importMappings.filter((m) => !sameMapping(m, mapping))].slice(0, DOCUMENT_LIMITS.importMappings) : s.importMappings;
        set({ actuals: next, importMappings, dirty: isDirty(s, { ...s, actuals: next }) });
      },

      undo: () => {
        const s = get();
        const step = s.past[s.past.length - 1];
        if (step) move(settle(revert(snapshot(s), step), s), s.past.slice(0, -1), [step, ...s.future]);
      },
      redo: () => {
        const s = get();
        const step = s.future[0];
        if (step) move(settle(replay(snapshot(s), step), s), [...s.past, step], s.future.slice(1));
      },

      load: (inputs, fileName, filePath, opts = {}) => {
        const scenarios = opts.scenarios ?? emptyScenarios();
        const dirty = opts.dirty ?? false;
        // A recovered document is dirty until saved: nothing on disk matches it.
        const sensitivity = normal(opts.sensitivity, inputs);
        const actuals = opts.actuals ?? null;
        const ranges = opts.ranges ?? NO_RANGES;
        const simulation = opts.simulation ?? defaultSimulation();
        set({ inputs, invalid: {}, scenarios, ranges, simulation, sensitivity, actuals, ...NOT_YET, importMappings: opts.importMappings ?? [], fileName, filePath, savedInputs: dirty ? defaultInputs() : inputs, savedScenarios: scenarios, savedRanges: ranges, savedSimulation: simulation, savedSensitivity: sensitivity, savedActuals: actuals, dirty, past: [], future: [] });
      },
      markSaved: (fileName, filePath, saved) =>
        set((s) => {
          const savedSensitivity = normal(saved.sensitivity, saved.inputs);
          // A save that did not say which actuals it wrote (older callers) wrote the ones on screen.
          const savedActuals = saved.actuals === undefined ? s.actuals : saved.actuals;
          const savedRanges = saved.ranges ?? s.ranges, savedSimulation = saved.simulation ?? s.simulation;
          return { fileName, filePath, savedInputs: saved.inputs, savedScenarios: saved.scenarios, savedRanges, savedSimulation, savedSensitivity, savedActuals, dirty: isDirty(s, { ...s, savedInputs: saved.inputs, savedScenarios: saved.scenarios, savedRanges, savedSimulation, savedSensitivity, savedActuals }) };
        }),
    };
  });
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The app's document. */
export const documentStore = createDocumentStore();

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

/** What Undo and Redo would do, in the user's words; null when there is nothing to undo or redo. */
export const undoLabel = (s: DocumentState): string | null => s.past[s.past.length - 1]?.label ?? null;
export const redoLabel = (s: DocumentState): string | null => s.future[0]?.label ?? null;

export type { CellEntry, PendingEntry, Snapshot };
