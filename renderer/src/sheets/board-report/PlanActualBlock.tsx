// The board page's plan against actual (issue 20): year to date and the full
// year's outlook for ARR and its flows, coloured by meaning (churn below plan is
// green). Shown only when the plan and the imported actuals overlap; the
// figures are the actuals worker's exact variance (shared/actuals/variance.ts).
import { useEffect, useState } from 'react';
import { effectiveInputs } from '@shared/index';
import { boardVariance, formatFigure, type VarianceTotalsNumbers } from '@shared/report/index';
import { planAgainstActual } from '../../actuals/import-actuals';
import { useDocument } from '../../store/document-store';

export function PlanActualBlock() {
  const actuals = useDocument((s) => s.actuals);
  const inputs = useDocument((s) => s.inputs);
  const scenarios = useDocument((s) => s.scenarios);
  const [totals, setTotals] = useState<VarianceTotalsNumbers | null>(null);
  useEffect(() => {
    if (!actuals) { setTotals(null); return; }
    let live = true;
    const applied = effectiveInputs(inputs, scenarios);
    planAgainstActual(applied.problems.length ? inputs : applied.inputs, actuals)
      .then((r) => { if (live) setTotals(r.totals); })
      .catch(() => { if (live) setTotals(null); });
    return () => { live = false; };
  }, [actuals, inputs, scenarios]);
  const currency = inputs.general.currency;
  const block = boardVariance(totals, currency);
  if (!block) return null;
  const money = (x: number) => formatFigure(x, 'money', currency);
  return (
    <section className="board-variance" aria-label="Plan against actual" data-testid="board-variance">
      <h3>{block.title}</h3>
      <table className="board-table">
        <thead><tr><th /><th>Plan YTD</th><th>Actual YTD</th><th>Actual − plan</th><th>Plan, full year</th><th>Outlook − plan</th></tr></thead>
        <tbody>
          {block.lines.map((l) => (
            <tr key={l.measure} data-measure={l.measure}>
              <td>{l.label}</td>
              <td className="num">{money(l.ytd.plan)}</td>
              <td className="num">{money(l.ytd.actual)}</td>
              <td className={`num board-variance-${l.ytd.tone}`} data-tone={l.ytd.tone}>{l.ytd.text}</td>
              <td className="num">{money(l.fullYear.plan)}</td>
              <td className={`num board-variance-${l.fullYear.tone}`} data-tone={l.fullYear.tone}>{l.fullYear.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="board-footnote">{block.note}</p>
    </section>
  );
}
