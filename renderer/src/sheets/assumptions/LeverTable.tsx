// A lane's expansion lever (issue 13 §3): the chooser in the lanes table and,
// beside it, the typical margins by expansion lever it draws on. Choosing a lever
// suggests its margin and a purchase window from its time to value; the user may
// type over both (shared/document/edits.ts keeps an overridden figure).
import { LEVERS, LEVER_TABLE, type Lever, type ModelInputs } from '@shared/index';
import { optionLabel, percent } from '@shared/index';
import type { GridCell } from '../../grid/grid-types';
import { documentStore } from '../../store/document-store';
import { leverSuggestion } from '@shared/document/index';

/** The lever names users see (seed 002's rows in plain words; the catalogue's words, as in the workbook). */
export const LEVER_NAMES = Object.fromEntries(LEVERS.map((l) => [l, optionLabel(l)])) as Record<Lever, string>;

const OPTIONS = [{ value: '', label: '—' }, ...LEVERS.map((l) => ({ value: l, label: LEVER_NAMES[l] }))];

export function leverCell(laneIndex: number, laneName: string): GridCell {
  return {
    type: 'select',
    ariaLabel: `Lever of ${laneName}`,
    dataKey: `lanes[${laneIndex}].lever`,
    options: OPTIONS,
    value: (inputs: ModelInputs) => inputs.lanes[laneIndex]?.lever ?? '',
    onChange: (v) => documentStore.getState().dispatch({ type: 'setLever', laneIndex, lever: v === '' ? null : (v as Lever) }),
  };
}

const days = ([a, b]: readonly [number, number]) => `${a}–${b} days`;

export function LeverTable() {
  return (
    <details className="lever-table" open data-key="levers.table">
      <summary>Typical margins by expansion lever</summary>
      <table>
        <thead>
          <tr><th>Lever</th><th className="num">Typical margin</th><th>Time to value</th><th>Suggested window</th><th>Procurement friction</th><th>Automation</th></tr>
        </thead>
        <tbody>
          {LEVERS.map((l) => {
            const row = LEVER_TABLE[l];
            const s = leverSuggestion(l);
            return (
              <tr key={l} data-key={`levers.${l}`}>
                <td>{LEVER_NAMES[l]}</td>
                <td className="num">{percent(row.grossMargin, 0)}</td>
                <td>{days(row.timeToValueDays)}</td>
                <td>months {s.windowStart}–{s.windowEnd} after the anchor</td>
                <td>{row.friction}</td>
                <td>{row.automation}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="lever-note">Choosing a lever sets the lane’s margin and window to these; type over either to keep your own. Aim for at least a 15% margin on expansion ARR.</p>
    </details>
  );
}
