// The scenario comparison: Figure | Base | each scenario | each scenario vs Base,
// one header cell per column (comparisonLayout, shared with the board page, the
// PDF and the workbook). Used by the Scenarios sheet and the board report.
import { comparisonCellText, comparisonLayout, type Comparison } from '@shared/report/index';

export function ComparisonTable({ comparison, currency, compact }: { comparison: Comparison; currency: string; compact?: boolean }) {
  const cols = comparison.columns;
  const layout = comparisonLayout(comparison);
  const colId = (i: number) => cols[i]!.id ?? 'base';
  return (
    <table className={`comparison ${compact ? 'comparison-compact' : ''}`} data-key="scenarios.compare.table">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {layout.map((l) => {
            const c = cols[l.column]!;
            return (
              <th key={`${l.kind}-${colId(l.column)}`} scope="col" className={`num ${l.kind === 'delta' ? 'delta-head' : ''} ${c.active && l.kind === 'value' ? 'is-active' : ''}`}
                data-key={`scenarios.header.${l.kind}.${colId(l.column)}`}>
                {l.header}{c.active && l.kind === 'value' ? <span className="pill pill-active">shown</span> : null}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {layout.map((l) => {
              const i = l.column;
              const c = cols[i]!;
              const invalid = c.problems.length > 0;
              const text = comparisonCellText(comparison, row, l, currency);
              if (l.kind === 'value') {
                const value = row.values[i] ?? null;
                return (
                  <td key={`v-${colId(i)}`} className="num" data-key={`scenarios.compare.${row.key}.${colId(i)}`} data-value={typeof value === 'number' ? String(value) : value ?? undefined}
                    title={invalid ? c.problems.map((p) => `${p.path}: ${p.message}`).join('\n') : undefined}>
                    {invalid ? <span className="muted">{text}</span> : text}
                  </td>
                );
              }
              const d = row.deltas[i] ?? null;
              // Shorter payback is better; for every other headline figure, higher is.
              const better = d === null ? 0 : row.key === 'cacPaybackMonths' ? -d : d;
              return (
                <td key={`d-${colId(i)}`} className={`num delta ${better > 1e-12 ? 'delta-good' : better < -1e-12 ? 'delta-bad' : ''}`} data-key={`scenarios.delta.${row.key}.${colId(i)}`} data-value={d === null ? undefined : String(d)}>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
