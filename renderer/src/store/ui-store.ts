// Transient UI state outside the document: the message dialog, the recovery
// offer and the status line.
import type { RecoveryCopy } from '@shared/desktop-api';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface DialogLine {
  where?: string;
  text: string;
}

export interface DialogAction {
  label: string;
  /** the default button: focused, and what Enter does */
  primary?: boolean;
  run(): void;
}

export interface UiDialog {
  title: string;
  intro: string;
  lines: DialogLine[];
  /** A second button beside OK, e.g. Save As… when a file refused the save. */
  action?: { label: string; run: () => void };
  /** buttons instead of OK; the dialog closes after any of them */
  actions?: DialogAction[];
}

/** Excel's status-bar figures for a selection of two or more cells. */
export interface SelectionSummary {
  sum: string | null;
  average: string | null;
  count: number;
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
  selection: SelectionSummary | null;
  /** the sheet on screen (App shows it; Import Actuals… and a dropped file switch to the Actuals sheet) */
  activeSheet: string;
  /** the segment whose figures the bridge, cohorts and metrics show (spec §2.3); null: the company */
  segmentView: string | null;
}

export const uiStore = createStore<UiState>()(() => ({ dialog: null, question: null, recovery: null, status: '', busy: false, selection: null, activeSheet: 'assumptions', segmentView: null }));
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(uiStore, selector);

export const showDialog = (dialog: UiDialog) => uiStore.setState({ dialog });
export const closeDialog = () => uiStore.setState({ dialog: null });
export const setStatus = (status: string) => uiStore.setState({ status });
export const showSheet = (activeSheet: string) => uiStore.setState({ activeSheet });
export const setSelectionSummary = (selection: SelectionSummary | null) => uiStore.setState({ selection });
export const showSegment = (segmentView: string | null) => uiStore.setState({ segmentView });
