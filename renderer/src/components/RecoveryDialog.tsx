// The crash copy found at start: Restore or Discard, nothing else (Escape does
// not dismiss it, so the choice is never made by accident). Focus stays inside
// and Enter restores (issue 11 §9: it used to let focus escape).
import { discardRecovery, recoveredName, restoreRecovery } from '../files/recovery';
import { useUi } from '../store/ui-store';
import { dialogKeys } from './dialog-keys';
import { useModalDialog } from './use-modal-dialog';

export function RecoveryDialog() {
  const copy = useUi((s) => s.recovery);
  const ref = useModalDialog(copy !== null);
  const when = copy ? new Date(copy.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <dialog ref={ref} className="message-dialog recovery-dialog" aria-labelledby="recovery-title" aria-describedby="recovery-text" onCancel={(e) => e.preventDefault()} onKeyDown={dialogKeys}>
      {copy ? (
        <>
          <h2 id="recovery-title">Restore unsaved work?</h2>
          <p id="recovery-text">
            Bowtie closed without saving <strong>{copy.path ? recoveredName(copy.path) : 'a new model'}</strong>. A recovery copy
            from <strong>{when}</strong> was kept.
          </p>
          <p className="section-note">Restore opens it with its unsaved changes; save it to keep them. Discard deletes the copy.</p>
          <div className="dialog-buttons">
            <button type="button" className="btn" onClick={() => void discardRecovery()}>Discard</button>
            <button type="button" className="btn btn-primary" data-default="" onClick={() => void restoreRecovery()}>Restore</button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
