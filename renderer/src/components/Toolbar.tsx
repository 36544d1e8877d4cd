// File and edit commands with their shortcuts shown, the document name and
// whether it has unsaved changes.
import { openDocument, saveDocument, saveDocumentAs } from '../files/file-actions';
import { NewMenu } from './NewMenu';
import { documentStore, useDocument } from '../store/document-store';
import { useUi } from '../store/ui-store';

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const fileName = useDocument((s) => s.fileName);
  const dirty = useDocument((s) => s.dirty);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const modelName = useDocument((s) => s.inputs.general.name);
  const busy = useUi((s) => s.busy);
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">▶◀</div>
      <div className="doc-title">
        <span className="doc-name" data-testid="document-name">{fileName}</span>
        {dirty ? <span className="doc-dirty" data-testid="dirty-flag" title="Unsaved changes">● unsaved</span> : null}
        <span className="doc-model">{modelName}</span>
      </div>
      <div className="toolbar-buttons" role="toolbar" aria-label="File and edit">
        <NewMenu disabled={busy} shortcut={mod} />
        <button type="button" className="btn" onClick={() => void openDocument()} disabled={busy} title={`${mod}O`}>Open…</button>
        <button type="button" className="btn" onClick={() => void saveDocument()} disabled={busy} title={`${mod}S`}>Save</button>
        <button type="button" className="btn" onClick={() => void saveDocumentAs()} disabled={busy} title={`${mod}Shift+S`}>Save as…</button>
        <span className="toolbar-sep" />
        <button type="button" className="btn" onClick={() => documentStore.getState().undo()} disabled={!canUndo} title={`${mod}Z`} aria-label="Undo">↶ Undo</button>
        <button type="button" className="btn" onClick={() => documentStore.getState().redo()} disabled={!canRedo} title={`${mod}Shift+Z or ${mod}Y`} aria-label="Redo">↷ Redo</button>
      </div>
    </header>
  );
}
