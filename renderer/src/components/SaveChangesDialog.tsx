// Save / Don't Save / Cancel before the document is replaced by New, Open…,
// Open Recent, a file from the OS, a dropped file or a restored recovery copy
// (files/file-actions.ts asks). The same three answers as the host's prompt on
// close; Escape is Cancel, the choice that loses nothing.
import { useUi } from '../store/ui-store';
import { dialogKeys } from './dialog-keys';
import { useModalDialog } from './use-modal-dialog';

export function SaveChangesDialog() {
  const question = useUi((s) => s.question);
  const ref = useModalDialog(question !== null);
  return (
    <dialog
      ref={ref}
      className="message-dialog save-changes-dialog"
      aria-labelledby="save-changes-title"
      aria-describedby="save-changes-text"
      onCancel={(e) => { e.preventDefault(); question?.answer('cancel'); }}
      onKeyDown={dialogKeys}
    >
      {question ? (
        <>
          <h2 id="save-changes-title">Do you want to save the changes you made to “{question.documentName}”?</h2>
          <p id="save-changes-text">Your changes will be lost if you don’t save them.</p>
          <div className="dialog-buttons">
            <button type="button" className="btn dialog-button-apart" onClick={() => question.answer('discard')}>Don’t Save</button>
            <button type="button" className="btn" onClick={() => question.answer('cancel')}>Cancel</button>
            <button type="button" className="btn btn-primary" data-default="" onClick={() => question.answer('save')}>Save</button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
