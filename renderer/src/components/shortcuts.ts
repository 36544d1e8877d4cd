// Workbook shortcuts for the whole window: undo/redo over the document history,
// open and save. A focused text field (a cell editor) keeps its own text undo,
// whether Undo comes from the keyboard or from the desktop menu (on macOS the
// menu gets Cmd+Z before the page does).
import type { MenuCommand } from '../platform/platform';
import { newDocument, openDocument, saveDocument, saveDocumentAs } from '../files/file-actions';
import { pickAndImportActuals } from '../actuals/import-actuals';
import { showSheet } from '../store/ui-store';
import { documentStore } from '../store/document-store';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** An element with its own text undo: a cell editor, a text box, contenteditable. */
export const isTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  ((t instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(t.getAttribute('type') ?? '')) || t.tagName === 'TEXTAREA' || t.isContentEditable);

/** Menu commands and keys both land here; a key also seen as a menu accelerator runs once. */
let lastKeyCommand: { command: MenuCommand; at: number } | null = null;

export function runCommand(command: MenuCommand, fromKey = false): void {
  if (!fromKey && lastKeyCommand?.command === command && performance.now() - lastKeyCommand.at < 150) return;
  if (fromKey) lastKeyCommand = { command, at: performance.now() };
  const doc = documentStore.getState();
  const isHistory = command === 'edit/undo' || command === 'edit/redo';
  // From the menu, with a cell editor focused: the editor's text undo, as the key would do.
  if (isHistory && !fromKey && isTextField(document.activeElement)) {
    document.execCommand(command === 'edit/undo' ? 'undo' : 'redo');
    return;
  }
  switch (command) {
    case 'edit/undo': doc.undo(); break;
    case 'edit/redo': doc.redo(); break;
    case 'file/new': void newDocument('blank'); break;
    case 'file/newExample': void newDocument('example'); break;
    case 'file/open': void openDocument(); break;
    case 'file/save': void saveDocument(); break;
    case 'file/saveAs': void saveDocumentAs(); break;
    case 'file/importActuals': showSheet('actuals'); void pickAndImportActuals(); break;
    // Cut/copy/paste/select-all are the focused element's own; a close request is host-sync's;
    // file/exportPdf is handled by sheets/board-report/startup.ts, registered at start-up.
    default: break;
  }
}

export function keyCommand(e: KeyboardEvent): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'edit/redo' : 'edit/undo';
  if (k === 'y' && !e.shiftKey) return 'edit/redo';
  if (k === 's') return e.shiftKey ? 'file/saveAs' : 'file/save';
  if (k === 'o' && !e.shiftKey) return 'file/open';
  return null;
}

export function installShortcuts(win: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const command = keyCommand(e);
    if (!command) return;
    if ((command === 'edit/undo' || command === 'edit/redo') && isTextField(e.target)) {
      // The field undoes the text itself; on Windows/Linux the unhandled key then
      // reaches the menu's accelerator, whose edit/undo must not undo it twice.
      lastKeyCommand = { command, at: performance.now() };
      return;
    }
    e.preventDefault();
    runCommand(command, true);
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}
