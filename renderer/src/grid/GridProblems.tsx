// Messages of rejected entries in a multi-column table, shown right under it
// (the key/value tables show theirs in the row's note column instead).
import { useDocument } from '../store/document-store';
import { specFor } from '@shared/document/index';
import { warningsOf } from '../store/warnings';
import { viewInputs } from '../store/view-inputs';

export function GridProblems({ keys }: { keys: readonly string[] }) {
  const invalid = useDocument((s) => s.invalid);
  const inputs = useDocument(viewInputs);
  const shown = keys.filter((k) => invalid[k]);
  const warnings = warningsOf(inputs);
  const warned = keys.filter((k) => !invalid[k] && warnings.has(k));
  if (shown.length === 0 && warned.length === 0) return null;
  return (
    <ul className="grid-problems">
      {shown.map((k) => (
        <li key={k} role="alert" data-problem-for={k}>
          <strong>{specFor(inputs, k)?.label ?? k}:</strong> {invalid[k]!.message}
        </li>
      ))}
      {warned.map((k) => (
        <li key={k} className="grid-warning" data-warning-for={k}>{warnings.get(k)!.message}</li>
      ))}
    </ul>
  );
}
