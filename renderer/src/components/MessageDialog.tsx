// A modal message, used for files that cannot be opened (naming each cell),
// failed saves (with an optional way out: Save As… for a read-only file) and
// questions (add rows for a paste?). Focus goes to the default button (OK);
// Escape or any button closes it; focus stays inside (dialog-keys).
import { closeDialog, useUi, type DialogAction } from '../store/ui-store';
import { focusSheet } from '../grid/grid-navigation';
import { dialogKeys } from './dialog-keys';
import { useModalDialog } from './use-modal-dialog';

export function MessageDialog() {
  const dialog = useUi((s) => s.dialog);
  const ref = useModalDialog(dialog !== null);
  const run = (a: DialogAction) => { closeDialog(); a.run(); };
  // Back to the sheet once the dialog goes, as Escape from anywhere would.
  const onClose = () => { closeDialog(); requestAnimationFrame(() => { if (document.activeElement === document.body) focusSheet(); }); };
  return (
    <dialog ref={ref} className="message-dialog" aria-labelledby="dialog-title" onClose={onClose} onKeyDown={dialogKeys}>
      {dialog ? (
        <form method="dialog">
          <h2 id="dialog-title">{dialog.title}</h2>
          <p>{dialog.intro}</p>
          {dialog.lines.length > 0 ? (
            <table className="dialog-problems">
              <thead><tr><th>Cell</th><th>Problem</th></tr></thead>
              <tbody>
                {dialog.lines.map((l, i) => <tr key={i}><td>{l.where ?? ''}</td><td>{l.text}</td></tr>)}
              </tbody>
            </table>
          ) : null}
          <div className="dialog-buttons">
            {dialog.actions
              ? [...dialog.actions].reverse().map((a) => (
                <button key={a.label} type="button" className={`btn ${a.primary ? 'btn-primary' : ''}`} autoFocus={a.primary} data-default={a.primary ? '' : undefined} onClick={() => run(a)}>{a.label}</button>
              ))
              : (
                <>
                  {dialog.action ? <button type="button" className="btn" onClick={() => { const go = dialog.action!.run; closeDialog(); go(); }}>{dialog.action.label}</button> : null}
                  <button className="btn btn-primary" autoFocus data-default="" value="ok">OK</button>
                </>
              )}
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
