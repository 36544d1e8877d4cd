// File and edit commands with their shortcuts shown, the document name and
// whether it has unsaved changes.
import { openDocument, saveDocument, saveDocumentAs } from '../files/file-actions';
import { NewMenu } from './NewMenu';
import { documentStore, redoLabel, undoLabel, useDocument } from '../store/document-store';
import { useUi } from '../store/ui-store';
import { openGoalSeek } from '../what-if/goal-seek-store';

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const fileName = useDocument((s) => s.fileName);
  const dirty = useDocument((s) => s.dirty);
  // Each button names its step, from the action history: "Undo: renewal rate of adopters 85% → 80%".
  const undoStep = useDocument(undoLabel);
  const redoStep = useDocument(redoLabel);
  const undoName = undoStep ? `Undo: ${undoStep}` : 'Undo';
  const redoName = redoStep ? `Redo: ${redoStep}` : 'Redo';
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
        <button type="button" className="btn" onClick={() => documentStore.getState().undo()} disabled={!undoStep} title={`${undoName} (${mod}Z)`} aria-label={undoName}>↶ Undo</button>
        <button type="button" className="btn" onClick={() => documentStore.getState().redo()} disabled={!redoStep} title={`${redoName} (${mod}Shift+Z or ${mod}Y)`} aria-label={redoName}>↷ Redo</button>
        <span className="toolbar-sep" />
        <button type="button" className="btn" onClick={() => openGoalSeek()} title="What-if: which input value reaches a target?">What-if: Goal seek…</button>
      </div>
    </header>
  );
}
