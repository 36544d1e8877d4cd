// Workbook shortcuts for the whole window: undo/redo over the document history,
// open and save. A cell editor (an <input>) keeps its own text undo.
import type { MenuCommand } from '../platform/platform';
import { newDocument, openDocument, saveDocument, saveDocumentAs } from '../files/file-actions';
import { documentStore } from '../store/document-store';

const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);

/** Menu commands and keys both land here; a key also seen as a menu accelerator runs once. */
let lastKeyCommand: { command: MenuCommand; at: number } | null = null;

export function runCommand(command: MenuCommand, fromKey = false): void {
  if (!fromKey && lastKeyCommand?.command === command && performance.now() - lastKeyCommand.at < 150) return;
  if (fromKey) lastKeyCommand = { command, at: performance.now() };
  const doc = documentStore.getState();
  switch (command) {
    case 'edit/undo': doc.undo(); break;
    case 'edit/redo': doc.redo(); break;
    case 'file/new': newDocument(); break;
    case 'file/open': void openDocument(); break;
    case 'file/save': void saveDocument(); break;
    case 'file/saveAs': void saveDocumentAs(); break;
    default: break; // cut/copy/paste/selectAll are the focused element's own; PDF and close belong to the host
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
    if ((command === 'edit/undo' || command === 'edit/redo') && isTextField(e.target)) return;
    e.preventDefault();
    runCommand(command, true);
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}
