// What happens when a window with a document is asked to close (its close
// button, File › Close, Quit). Pure, so every branch has a test.

export type CloseStep = 'close' | 'ask';
export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseState {
  dirty: boolean;
  /** Set once the user chose Don't Save, or the renderer saved and confirmed. */
  confirmed: boolean;
}

export function whenCloseRequested(state: CloseState): CloseStep {
  return state.dirty && !state.confirmed ? 'ask' : 'close';
}

export const CLOSE_BUTTONS = ['Save', 'Don’t Save', 'Cancel'] as const;

/** Options for the native message box; button order is the same on every platform so tests can rely on it. */
export function closePrompt(documentName: string) {
  return {
    type: 'warning' as const,
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to “${documentName}”?`,
    detail: 'Your changes will be lost if you don’t save them.',
  };
}

/** The message box's answer; anything unexpected (Esc, closed box) is Cancel, the safe choice. */
export function choiceFromResponse(response: number): CloseChoice {
  if (response === 0) return 'save';
  if (response === 1) return 'discard';
  return 'cancel';
}
