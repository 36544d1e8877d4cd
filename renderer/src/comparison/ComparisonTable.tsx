// The scenario comparison: Figure | Base | each scenario with its delta to the base.
// Used by the Scenarios sheet and the board report, so both print the same table.
import { formatDelta, formatFigure, type Comparison } from '../../../shared/report/index';

export function ComparisonTable({ comparison, currency, compact }: { comparison: Comparison; currency: string; compact?: boolean }) {
  const cols = comparison.columns;
  const colId = (i: number) => cols[i]!.id ?? 'base';
  return (
    <table className={`comparison ${compact ? 'comparison-compact' : ''}`}>
      <thead>
        <tr>
          <th>Figure</th>
          {cols.map((c, i) => (
            <th key={colId(i)} colSpan={i === 0 ? 1 : 2} className={`num ${c.active ? 'is-active' : ''}`}>
              {c.name}{c.active ? <span className="pill pill-active">shown</span> : null}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {cols.map((c, i) => {
              const invalid = c.problems.length > 0;
              const value = row.values[i] ?? null;
              const d = row.deltas[i] ?? null;
              // Shorter payback is better; for every other headline figure, higher is.
              const better = d === null ? 0 : row.key === 'cacPaybackMonths' ? -d : d;
              const cells = [
                <td key="v" className="num" data-key={`scenarios.compare.${row.key}.${colId(i)}`} data-value={typeof value === 'number' ? String(value) : value ?? undefined}
                  title={invalid ? c.problems.map((p) => `${p.path}: ${p.message}`).join('\n') : undefined}>
                  {invalid ? <span className="muted">invalid</span> : formatFigure(value, row.format, currency)}
                </td>,
              ];
              if (i > 0) {
                cells.push(
                  <td key="d" className={`num delta ${better > 1e-12 ? 'delta-good' : better < -1e-12 ? 'delta-bad' : ''}`} data-key={`scenarios.delta.${row.key}.${colId(i)}`} data-value={d === null ? undefined : String(d)}>
                    {invalid || row.format === 'text' ? '' : formatDelta(d, row.format, currency)}
                  </td>,
                );
              }
              return cells;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
