// The last file action and how long the model took, like a workbook's status bar;
// rejected entries and valid-but-unusual values (issue 11 §2) are always named here.
import { USUAL_OUTPUTS, nrrWarning } from '@shared/index';
import { useDocument } from '../store/document-store';
import { warningsOf } from '../store/warnings';
import { viewInputs } from '../store/view-inputs';
import { useUi } from '../store/ui-store';
import { useModel } from '../store/model-store';

export function StatusBar() {
  const status = useUi((s) => s.status);
  const selection = useUi((s) => s.selection);
  const ms = useModel((s) => s.ms);
  const invalid = useDocument((s) => Object.keys(s.invalid).length);
  const inputs = useDocument(viewInputs);
  const result = useModel((s) => s.result);
  const warnings = [...warningsOf(inputs).values()].map((w) => w.message);
  const nrr = result?.annual[1] ? nrrWarning(result.annual[1].nrr, 2, USUAL_OUTPUTS.nrrMax) : null;
  if (nrr) warnings.push(nrr);
  return (
    <div className="status-bar" aria-live="polite">
      <span className="legend" data-testid="legend" aria-label="Legend: blue cells are inputs you type; black cells are computed">
        <span className="legend-swatch legend-input">123</span> input
        <span className="legend-swatch legend-computed">123</span> computed
      </span>
      {invalid > 0 ? <span className="status-invalid">{invalid} rejected {invalid === 1 ? 'entry' : 'entries'}: the last valid values drive the model</span> : null}
      {warnings.length > 0 ? <span className="status-warning" data-testid="status-warning" title={warnings.join('\n')}>{warnings[0]}{warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}</span> : null}
      <span>{status}</span>
      {selection ? (
        <span className="status-selection" data-testid="selection-summary">
          {selection.average !== null ? <span>Average: <b data-stat="average">{selection.average}</b></span> : null}
          <span>Count: <b data-stat="count">{selection.count}</b></span>
          {selection.sum !== null ? <span>Sum: <b data-stat="sum">{selection.sum}</b></span> : null}
        </span>
      ) : null}
      <span className="status-ms">{ms === null ? '' : `recomputed in ${ms.toFixed(0)} ms`}</span>
    </div>
  );
}
