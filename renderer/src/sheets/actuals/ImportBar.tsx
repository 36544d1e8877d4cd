// The import controls: Import actuals…, the progress bar (rows read, how far
// through the file) with Cancel, and why a file was refused (each bad row by
// line and column; nothing imported).
import { useActuals } from '../../actuals/actuals-store';
import { cancelImport, pickAndImportActuals } from '../../actuals/import-actuals';
import { BillingMapping } from './BillingMapping';

const count = (n: number) => n.toLocaleString('en-US');
/** Problems listed on the sheet; the count says how many more there are. */
const SHOWN_PROBLEMS = 50;

export function ImportBar({ hasActuals }: { hasActuals: boolean }) {
  const state = useActuals((s) => s.import);
  const reading = state.phase === 'reading';
  return (
    <div className="actuals-import">
      <div className="actuals-import-row">
        <button type="button" className="btn btn-primary" onClick={() => void pickAndImportActuals()} disabled={reading || state.phase === 'mapping'}>
          {hasActuals ? 'Import actuals again…' : 'Import actuals…'}
        </button>
        <span className="actuals-hint">A billing export, .csv or .xlsx: invoice line items, a subscription list, a month-by-customer table, or one row per customer per month with <code>customer</code>, <code>month</code> (YYYY-MM) and <code>mrr</code> or <code>arr</code>. Or drop the file on the window.</span>
      </div>
      {reading ? (
        <div className="actuals-progress" data-testid="actuals-progress" data-rows={state.rows}>
          <span>Reading {state.name}:</span>
          <progress max={Math.max(1, state.bytes)} value={state.bytesRead} aria-label={`Reading ${state.name}`} />
          <span className="actuals-progress-rows" aria-live="polite">{count(state.rows)} rows read{state.bytes > 0 ? ` (${Math.floor((100 * state.bytesRead) / state.bytes)}%)` : ''}</span>
          <button type="button" className="btn" onClick={() => cancelImport()}>Cancel</button>
        </div>
      ) : null}
      {state.phase === 'mapping' ? <BillingMapping state={state} /> : null}
      {state.phase === 'cancelled' ? <p className="actuals-note" role="status">Import of {state.name} cancelled; nothing was imported{hasActuals ? ', the actuals below are unchanged' : ''}.</p> : null}
      {state.phase === 'unreadable' ? (
        <div className="actuals-refused" role="alert">
          <strong>{state.name} could not be imported.</strong> {state.error} Nothing was imported{hasActuals ? '; the actuals below are unchanged' : ''}.
        </div>
      ) : null}
      {state.phase === 'refused' ? (
        <div className="actuals-refused" role="alert" data-testid="actuals-refused">
          <strong>Nothing was imported from {state.name}:</strong> {count(state.problemCount)} {state.problemCount === 1 ? 'problem' : 'problems'} in {count(state.rows)} rows. Fix them in the export and import it again{hasActuals ? '; the actuals below are unchanged' : ''}.
          <ul className="actuals-problems">
            {state.lines.slice(0, SHOWN_PROBLEMS).map((line, i) => <li key={i}>{line}</li>)}
          </ul>
          {state.problemCount > SHOWN_PROBLEMS ? <p className="actuals-note">and {count(state.problemCount - SHOWN_PROBLEMS)} more.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
