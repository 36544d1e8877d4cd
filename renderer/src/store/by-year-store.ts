// Which rampable inputs show one cell per model year (the "by year" toggle). How
// the sheet is viewed, not the model: not saved and not an undo step.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface ByYearState {
  /** canonical keys of the open inputs, in the order they were opened */
  open: readonly string[];
  toggle(keys: readonly string[]): void;
}

export const byYearStore = createStore<ByYearState>()((set, get) => ({
  open: [],
  toggle: (keys) => {
    const open = get().open;
    const shown = keys.every((k) => open.includes(k));
    set({ open: shown ? open.filter((k) => !keys.includes(k)) : [...open, ...keys.filter((k) => !open.includes(k))] });
  },
}));

export const useByYear = <T,>(selector: (s: ByYearState) => T): T => useStore(byYearStore, selector);
