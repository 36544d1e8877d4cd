// Transient UI state outside the document: the message dialog and the status line.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface DialogLine {
  where?: string;
  text: string;
}

export interface UiDialog {
  title: string;
  intro: string;
  lines: DialogLine[];
}

export interface UiState {
  dialog: UiDialog | null;
  status: string;
  busy: boolean;
}

export const uiStore = createStore<UiState>()(() => ({ dialog: null, status: '', busy: false }));
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(uiStore, selector);

export const showDialog = (dialog: UiDialog) => uiStore.setState({ dialog });
export const closeDialog = () => uiStore.setState({ dialog: null });
export const setStatus = (status: string) => uiStore.setState({ status });
