// The one document store (issue 4): inputs, pending invalid entries, file
// name/path, dirty flag and the undo history. Every change to the document goes
// through `commit`, so undo/redo covers typed edits, pastes and lane
// add/rename/remove alike. Vanilla store + hook, so vitest drives it without React.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultInputs, defaultTwoWay, emptyScenarios, type FunnelStage, type Lane, type ModelInputs, sameTwoWaySpec, type ScenarioSet, type TwoWaySpec } from '../../../shared/index';
import type { ActualsSheet } from '../../../shared/workbook/index';
import type { EntrySource } from '../editing/parse-entry';
import { applyEntries, type CellEntry, type PendingEntry, type Snapshot } from './apply-entries';

export const MAX_LANES = 10;
/** The horizon is at most 120 months: a year beyond the tenth would never be modelled. */
export const MAX_YEARS = 10;
const HISTORY_LIMIT = 200;

export interface DocumentState extends Snapshot {
  fileName: string;
  /** where the platform saves it (a path on desktop, a file name or handle id in the browser); null when never saved */
  filePath: string | null;
  /** the inputs as last opened or saved: dirty means they differ */
  savedInputs: ModelInputs;
  savedScenarios: ScenarioSet;
  /**
   * The Sensitivity sheet's two-way table (output, axes, value lists); null is the
   * core's default. Saved with the document and part of its dirty flag, but not of
   * undo: it is how the model is viewed, not the model (docs/board-report.md).
   */
  sensitivity: TwoWaySpec | null;
  savedSensitivity: TwoWaySpec | null;
  /**
   * The imported billing export's figures (the workbook's Actuals sheet), null
   * when none. Saved with the document and part of its dirty flag; an import
   * is not an undo step (a re-import replaces it), like the two-way table.
   */
  actuals: ActualsSheet | null;
  savedActuals: ActualsSheet | null;
  dirty: boolean;
  past: Snapshot[];
  future: Snapshot[];

  enter(key: string, text: string): void;
  /** Several entries as one undo step; pasted by default (a pasted number is the value itself). */
  enterMany(entries: readonly CellEntry[], source?: EntrySource): void;
  /** Lanes at attach 0 (no figure moves), `count` of them as one undo step; at most MAX_LANES. */
  addLane(count?: number): void;
  removeLane(id: string): void;
  /** Another year of new logos, starting at the last year's figure; at most MAX_YEARS. */
  addYear(count?: number): void;
  /** Drop the last year of new logos; year 1 always stays. */
  removeLastYear(): void;
  /** A funnel stage after the last, converting 100% so no figure moves until it is edited. */
  addFunnelStage(count?: number): void;
  removeFunnelStage(index: number): void;
  /** Any change to the snapshot as one undo step (pure edits in `model-edits.ts`); no change, no step. */
  apply(change: (snap: Snapshot) => Snapshot): void;
  /** Replace the scenarios as one undoable step (the scenarios sheet's entry point). */
  setScenarios(next: ScenarioSet): void;
  /** The Sensitivity sheet's choice; not an undo step. */
  setSensitivity(next: TwoWaySpec | null): void;
  /** Imported actuals (or null to drop them); not an undo step. */
  setActuals(next: ActualsSheet | null): void;
  undo(): void;
  redo(): void;
  /** Replace the document (New, Open, recovery): clears history. */
  load(inputs: ModelInputs, fileName: string, filePath: string | null, opts?: { dirty?: boolean; scenarios?: ScenarioSet; sensitivity?: TwoWaySpec | null; actuals?: ActualsSheet | null }): void;
  /** After a save of exactly these inputs, scenarios and two-way table. */
  markSaved(fileName: string, filePath: string | null, saved: { inputs: ModelInputs; scenarios: ScenarioSet; sensitivity?: TwoWaySpec | null; actuals?: ActualsSheet | null }): void;
}

export const UNTITLED = 'Untitled.xlsx';

/** The lane "Add lane" appends: attach 0, so no figure moves until the user fills it in (as a new funnel stage converts 100%). */
export function blankLane(id: string, position: number): Lane {
  return { id, name: `New lane ${position}`, anchor: 'adoption', windowStart: 0, windowEnd: 0, attachRate: 0, acv: 10000, grossMargin: 0.7 };
}

export function freshLaneId(lanes: readonly Lane[]): string {
  for (let n = lanes.length + 1; ; n++) if (!lanes.some((l) => l.id === `lane${n}`)) return `lane${n}`;
}

/** The stage "Add stage" appends. */
export function blankStage(position: number): FunnelStage {
  return { name: `New stage ${position}`, rate: 1 };
}

/**
 * Rejected-entry marks of list items addressed by index (`prefix[i]…`) after item
 * `removed` left the list: its own marks go, later ones move up one place.
 */
export function shiftIndexedMarks<T>(marks: Readonly<Record<string, T>>, prefix: string, removed: number): Record<string, T> {
  const out: Record<string, T> = {};
  const at = new RegExp(`^${prefix.replace(/[.[\]]/g, '\\$&')}\\[(\\d+)\\](.*)$`);
  for (const [key, mark] of Object.entries(marks)) {
    const m = at.exec(key);
    if (!m) { out[key] = mark; continue; }
    const i = Number(m[1]);
    if (i < removed) out[key] = mark;
    else if (i > removed) out[`${prefix}[${i - 1}]${m[2]}`] = mark;
  }
  return out;
}

export function createDocumentStore(initial: ModelInputs = defaultInputs(), initialScenarios: ScenarioSet = emptyScenarios()) {
  return createStore<DocumentState>()((set, get) => {
    /** Record a new snapshot as one undo step. */
    const snapshot = (s: Snapshot): Snapshot => ({ inputs: s.inputs, invalid: s.invalid, scenarios: s.scenarios });
    const isDirty = (snap: Snapshot, s: DocumentState) =>
      snap.inputs !== s.savedInputs || snap.scenarios !== s.savedScenarios || !sameTwoWaySpec(s.sensitivity, s.savedSensitivity) || s.actuals !== s.savedActuals;
    /** The default table is stored as null, so choosing it again after a change is no change. */
    const normal = (spec: TwoWaySpec | null | undefined, inputs: ModelInputs) => (spec && !sameTwoWaySpec(spec, defaultTwoWay(inputs)) ? spec : null);
    const commit = (next: Snapshot) => {
      const s = get();
      if (next.inputs === s.inputs && next.invalid === s.invalid && next.scenarios === s.scenarios) return;
      set({
        ...snapshot(next),
        past: [...s.past, snapshot(s)].slice(-HISTORY_LIMIT),
        future: [],
        dirty: isDirty(next, s),
      });
    };
    const restore = (snap: Snapshot, past: Snapshot[], future: Snapshot[]) =>
      set({ ...snapshot(snap), past, future, dirty: isDirty(snap, get()) });

    return {
      inputs: initial,
      invalid: {},
      scenarios: initialScenarios,
      fileName: UNTITLED,
      filePath: null,
      savedInputs: initial,
      savedScenarios: initialScenarios,
      sensitivity: null,
      savedSensitivity: null,
      actuals: null,
      savedActuals: null,
      dirty: false,
      past: [],
      future: [],

      enter: (key, text) => commit(applyEntries(get(), [{ key, text }])),
      enterMany: (entries, source = 'pasted') => commit(applyEntries(get(), entries, source)),

      addLane: (count = 1) => {
        const { inputs, invalid, scenarios } = get();
        const lanes = [...inputs.lanes];
        for (let n = 0; n < count && lanes.length < MAX_LANES; n++) lanes.push(blankLane(freshLaneId(lanes), lanes.length + 1));
        if (lanes.length === inputs.lanes.length) return;
        commit({ inputs: { ...inputs, lanes }, invalid, scenarios });
      },

      removeLane: (id) => {
        const { inputs, invalid, scenarios } = get();
        const at = inputs.lanes.findIndex((l) => l.id === id);
        if (at < 0) return;
        // Marks on the removed lane go with it (by id, or by position for lanes
        // addressed as lanes[i]); later positions move up; undo brings both back.
        const byId = Object.fromEntries(Object.entries(invalid).filter(([k]) => !k.startsWith(`lanes.${id}.`)));
        const kept = shiftIndexedMarks(byId, 'lanes', at);
        commit({ inputs: { ...inputs, lanes: inputs.lanes.filter((_, i) => i !== at) }, invalid: kept, scenarios });
      },

      addYear: (count = 1) => {
        const { inputs, invalid, scenarios } = get();
        const years = inputs.acquisition.newCustomersByYear;
        if (years.length >= MAX_YEARS) return;
        const added = Array.from({ length: Math.min(count, MAX_YEARS - years.length) }, () => years[years.length - 1] ?? 0);
        const acquisition = { ...inputs.acquisition, newCustomersByYear: [...years, ...added] };
        commit({ inputs: { ...inputs, acquisition }, invalid, scenarios });
      },

      removeLastYear: () => {
        const { inputs, invalid, scenarios } = get();
        const years = inputs.acquisition.newCustomersByYear;
        if (years.length <= 1) return;
        const acquisition = { ...inputs.acquisition, newCustomersByYear: years.slice(0, -1) };
        const kept = shiftIndexedMarks(invalid, 'acquisition.newCustomersByYear', years.length - 1);
        commit({ inputs: { ...inputs, acquisition }, invalid: kept, scenarios });
      },

      addFunnelStage: (count = 1) => {
        const { inputs, invalid, scenarios } = get();
        const funnel = inputs.acquisition.funnel;
        const added = Array.from({ length: Math.max(1, count) }, (_, i) => blankStage(funnel.length + 1 + i));
        const acquisition = { ...inputs.acquisition, funnel: [...funnel, ...added] };
        commit({ inputs: { ...inputs, acquisition }, invalid, scenarios });
      },

      removeFunnelStage: (index) => {
        const { inputs, invalid, scenarios } = get();
        const funnel = inputs.acquisition.funnel;
        if (index < 0 || index >= funnel.length) return;
        const acquisition = { ...inputs.acquisition, funnel: funnel.filter((_, i) => i !== index) };
        commit({ inputs: { ...inputs, acquisition }, invalid: shiftIndexedMarks(invalid, 'acquisition.funnel', index), scenarios });
      },

      apply: (change) => commit(change(snapshot(get()))),

      setScenarios: (next) => {
        commit({ ...snapshot(get()), scenarios: next });
      },

      setSensitivity: (next) => {
        const s = get();
        const sensitivity = normal(next, s.inputs);
        if (sameTwoWaySpec(sensitivity, s.sensitivity)) return;
        set({ sensitivity, dirty: isDirty(s, { ...s, sensitivity }) });
      },

      setActuals: (next) => {
        const s = get();
        if (next === s.actuals) return;
        set({ actuals: next, dirty: isDirty(s, { ...s, actuals: next }) });
      },

      undo: () => {
        const s = get();
        const prev = s.past[s.past.length - 1];
        if (!prev) return;
        restore(prev, s.past.slice(0, -1), [snapshot(s), ...s.future]);
      },
      redo: () => {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        restore(next, [...s.past, snapshot(s)], s.future.slice(1));
      },

      load: (inputs, fileName, filePath, opts = {}) => {
        const scenarios = opts.scenarios ?? emptyScenarios();
        const dirty = opts.dirty ?? false;
        // A recovered document is dirty until saved: nothing on disk matches it.
        const sensitivity = normal(opts.sensitivity, inputs);
        const actuals = opts.actuals ?? null;
        set({ inputs, invalid: {}, scenarios, sensitivity, actuals, fileName, filePath, savedInputs: dirty ? defaultInputs() : inputs, savedScenarios: scenarios, savedSensitivity: sensitivity, savedActuals: actuals, dirty, past: [], future: [] });
      },
      markSaved: (fileName, filePath, saved) =>
        set((s) => {
          const savedSensitivity = normal(saved.sensitivity, saved.inputs);
          // A save that did not say which actuals it wrote (older callers) wrote the ones on screen.
          const savedActuals = saved.actuals === undefined ? s.actuals : saved.actuals;
          return { fileName, filePath, savedInputs: saved.inputs, savedScenarios: saved.scenarios, savedSensitivity, savedActuals, dirty: isDirty(s, { ...s, savedInputs: saved.inputs, savedScenarios: saved.scenarios, savedSensitivity, savedActuals }) };
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

export type { CellEntry, PendingEntry, Snapshot };
