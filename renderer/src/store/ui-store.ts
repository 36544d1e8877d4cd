// Transient UI state outside the document: the message dialog, the recovery
// offer and the status line.
import type { RecoveryCopy } from '../../../shared/desktop-api';
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
  /** A second button beside OK, e.g. Save As… when a file refused the save. */
  action?: { label: string; run: () => void };
}

export type SaveChoice = 'save' | 'discard' | 'cancel';

/** Save / Don't Save / Cancel before the document is replaced (files/file-actions.ts). */
export interface UiQuestion {
  documentName: string;
  answer: (choice: SaveChoice) => void;
}

export interface UiState {
  dialog: UiDialog | null;
  question: UiQuestion | null;
  /** a crash copy found at start, waiting for Restore / Discard */
  recovery: RecoveryCopy | null;
  status: string;
  busy: boolean;
}

export const uiStore = createStore<UiState>()(() => ({ dialog: null, question: null, recovery: null, status: '', busy: false }));
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(uiStore, selector);

export const showDialog = (dialog: UiDialog) => uiStore.setState({ dialog });
export const closeDialog = () => uiStore.setState({ dialog: null });
export const setStatus = (status: string) => uiStore.setState({ status });
