// The expansion readiness signals (spec §12, issue 25) as named inputs at the foot
// of the Assumptions sheet: each signal's weight and two points, `readyAbove` and
// `riskFlags`, one row each in the sheet's label / value / unit / range / key
// columns, named by key (signals_breadth_weight). Written only for a model that
// has `signals` (the user edited them), so a model without stays as before.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import type { InputKind } from '../../model/catalog';
import { SIGNAL_IDS, SIGNAL_LABELS, type SignalId } from '../../accounts/signals';
import { nameOfKey, a1, onSheet, SHEETS } from '../names';
import { putValue } from '../cells';
import { fitText, OFFICE_LIMITS } from '../office-limits';
import { COLORS, FMT, inputBorder, inputFill, inputFont, note, section } from '../styles';
import { ASSUMPTION_COLS } from './assumptions';

/** One signals input as the sheet holds it. */
export interface SignalInput {
  /** canonical key: signals.breadth.weight, signals.readyAbove */
  key: string;
  label: string;
  /** how the reader interprets a cell (a rate reads "95%" typed as text) */
  kind: InputKind;
  unit: string;
  range: string;
  numFmt: string;
  validation: ExcelJS.DataValidation;
}

/** Points that are ratios or growth rates show as percentages; the others are counts. */
const POINT_UNITS: Record<Exclude<SignalId, 'champion'>, { kind: InputKind; unit: string }> = {
  seatUtilisation: { kind: 'rate', unit: 'active ÷ licensed' },
  usageGrowth: { kind: 'rate', unit: 'growth a quarter' },
  breadth: { kind: 'count', unit: 'teams' },
  dataRequests: { kind: 'count', unit: 'requests' },
  success: { kind: 'count', unit: 'milestones' },
  capacity: { kind: 'rate', unit: 'ticket growth' },
};

const rule = (label: string, dv: Omit<ExcelJS.DataValidation, 'allowBlank' | 'showErrorMessage' | 'errorStyle' | 'errorTitle'>): ExcelJS.DataValidation => ({
  allowBlank: false, showErrorMessage: true, errorStyle: 'stop', ...dv,
  errorTitle: fitText(label, OFFICE_LIMITS.validationTitle), error: fitText(dv.error ?? '', OFFICE_LIMITS.validationText),
});

/** The inputs in sheet order: per signal (§12's order) its weight, then its two points; then the two thresholds. */
export const SIGNAL_INPUTS: readonly SignalInput[] = [
  ...SIGNAL_IDS.flatMap((id): SignalInput[] => {
    const name = SIGNAL_LABELS[id];
    const weight: SignalInput = {
      key: `signals.${id}.weight`, label: `${name}: weight`, kind: 'count', unit: 'weight', range: '≥ 0 (not all 0)', numFmt: FMT.general,
      validation: rule(`${name}: weight`, { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: `${name}: a weight of at least 0.` }),
    };
    if (id === 'champion') return [weight];
    const { kind, unit } = POINT_UNITS[id];
    const point = (field: 'zeroAt' | 'fullAt', words: string): SignalInput => ({
      key: `signals.${id}.${field}`, label: `${name}: ${words}`, kind, unit, range: 'any number; 0 at ≠ 100 at', numFmt: kind === 'rate' ? FMT.percentInput : FMT.general,
      validation: rule(`${name}: ${words}`, { type: 'decimal', operator: 'between', formulae: [-1e9, 1e9], error: `${name}: a number (${words}).` }),
    });
    return [weight, point('zeroAt', 'score 0 at'), point('fullAt', 'score 100 at')];
  }),
  {
    key: 'signals.readyAbove', label: 'Expansion-ready: ERS above', kind: 'count', unit: 'ERS', range: '0 to 100', numFmt: FMT.general,
    validation: rule('Ready above', { type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Expansion-ready above: an ERS from 0 to 100.' }),
  },
  {
    key: 'signals.riskFlags', label: 'At risk: with this many risk flags or more', kind: 'integer', unit: 'flags', range: 'whole number 1 to 5', numFmt: FMT.integer,
    validation: rule('At risk with flags', { type: 'whole', operator: 'between', formulae: [1, 5], error: 'At risk with flags: a whole number from 1 to 5.' }),
  },
];

/** A signals input's value in the model (signals.breadth.weight → m.signals.breadth.weight). */
function valueOf(m: ModelInputs, key: string): number {
  const [, a, b] = key.split('.') as [string, string, string | undefined];
  const s = m.signals as unknown as Record<string, number | Record<string, number>>;
  return (b === undefined ? s[a] : (s[a] as Record<string, number>)[b]) as number;
}

/** The section below everything else on Assumptions, when the model has signals. */
export function writeSignals(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, m: ModelInputs): void {
  if (!m.signals) return;
  let row = ws.rowCount + 2;
  section(ws, row++, 1, 'Expansion readiness signals (the Accounts sheet)');
  note(ws, row++, 1, 'The ERS weights each signal\'s score, 0 at one point and 100 at the other (linear between, clamped); Bowtie re-scores the accounts with these on open.');
  for (const input of SIGNAL_INPUTS) {
    const label = ws.getCell(row, ASSUMPTION_COLS.label);
    label.value = input.label;
    label.alignment = { indent: 1 };
    const c = putValue(ws, row, ASSUMPTION_COLS.value, valueOf(m, input.key), input.numFmt);
    c.font = inputFont;
    c.fill = inputFill;
    c.border = inputBorder;
    c.alignment = { horizontal: 'right' };
    c.dataValidation = input.validation;
    const unit = ws.getCell(row, ASSUMPTION_COLS.unit);
    unit.value = input.unit;
    unit.alignment = { horizontal: 'left', indent: 1 };
    ws.getCell(row, ASSUMPTION_COLS.range).value = input.range;
    const keyCell = ws.getCell(row, ASSUMPTION_COLS.key);
    keyCell.value = input.key;
    keyCell.font = { size: 9, color: { argb: COLORS.subtleFont } };
    wb.definedNames.add(onSheet(SHEETS.assumptions, a1(ASSUMPTION_COLS.value, row, true)), nameOfKey(input.key));
    row++;
  }
}
