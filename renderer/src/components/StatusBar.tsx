// The last file action and how long the model took, like a workbook's status bar.
import { useDocument } from '../store/document-store';
import { useUi } from '../store/ui-store';
import { useModel } from '../workers/model-store';

export function StatusBar() {
  const status = useUi((s) => s.status);
  const ms = useModel((s) => s.ms);
  const invalid = useDocument((s) => Object.keys(s.invalid).length);
  return (
    <div className="status-bar" aria-live="polite">
      {invalid > 0 ? <span className="status-invalid">{invalid} rejected {invalid === 1 ? 'entry' : 'entries'}: the last valid values drive the model</span> : null}
      <span>{status}</span>
      <span className="status-ms">{ms === null ? '' : `recomputed in ${ms.toFixed(0)} ms`}</span>
    </div>
  );
}
