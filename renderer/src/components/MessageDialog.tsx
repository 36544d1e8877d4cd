// A modal message, used for files that cannot be opened (naming each cell) and
// failed saves. Focus goes to OK; Escape or OK closes it. An optional second
// button offers the way out (Save As… for a read-only file).
import { useEffect, useRef } from 'react';
import { closeDialog, useUi } from '../store/ui-store';

export function MessageDialog() {
  const dialog = useUi((s) => s.dialog);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (dialog && !el.open) el.showModal();
    if (!dialog && el.open) el.close();
  }, [dialog]);
  return (
    <dialog ref={ref} className="message-dialog" aria-labelledby="dialog-title" onClose={closeDialog}>
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
            {dialog.action ? (
              <button type="button" className="btn" onClick={() => { const run = dialog.action!.run; closeDialog(); run(); }}>{dialog.action.label}</button>
            ) : null}
            <button className="btn btn-primary" autoFocus value="ok">OK</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
