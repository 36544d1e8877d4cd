// Sensitivity: the two-way table, the tornado and the biggest drag as values.
// They need the whole model recomputed per cell, which a workbook cannot do with
// plain formulas, so they are labelled as computed by Bowtie when it saved.
import type * as ExcelJS from 'exceljs';
import { putInputsChangedWarning } from './saved-inputs';
import { completeYears, figureChoices, inputSpecs, type ModelInputs, type Stage } from '../../index';
import { SHEETS } from '../names';
import { putValue } from '../cells';
import { bandFill, FMT, headers, section, title } from '../styles';
import type { Figures } from '../figures';

export const STAGE_LABELS: Record<Stage, string> = {
  onboarding: 'Onboarding',
  firstValue: 'First value',
  adoption: 'Adoption',
  renewal: 'Renewal',
};

const fmtOf = (format: 'percent' | 'money' | 'ratio' | 'count'): string => (format === 'percent' ? FMT.percent : format === 'money' ? FMT.money : format === 'count' ? FMT.count : FMT.ratio);

/** An axis or driver value in its input's own format: a rate as a percentage, money as money. */
const inputFmtOf = (kind: string | undefined): string => (kind === 'money' ? FMT.money : kind === 'count' ? FMT.count : FMT.percentInput);

export function writeSensitivity(wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, savedAt: Date): void {
  const ws = wb.getWorksheet(SHEETS.sensitivity)!;
  const { twoWay, tornado, drag } = fig.sensitivity;
  const years = completeYears(m.general.horizonMonths);
  const figureInfo = (key: string) => figureChoices(years).find((f) => f.key === key) ?? { key, label: key, format: 'ratio' as const };
  const specs = new Map(inputSpecs(m).map((s) => [s.key, s]));
  const label = (key: string) => specs.get(key)?.label ?? key;
  const inputFmt = (key: string) => inputFmtOf(specs.get(key)?.kind);
  const stamp = savedAt.toISOString().slice(0, 16).replace('T', ' ');
  const f = figureInfo(twoWay.figure);
  // The table the user chose in Bowtie (saved in extras), named in the title so a reader of the file knows what it shows.
  title(ws, `Sensitivity: ${f.label} by ${label(twoWay.rowKey)} × ${label(twoWay.colKey)}`, `Computed by Bowtie at save time (${stamp} UTC). These are values: they do not follow edits made in Excel; reopen the file in Bowtie to refresh them.`);

  putInputsChangedWarning(ws, 3, 1);
  let row = 4;
  section(ws, row++, 1, `${f.label}: ${label(twoWay.rowKey)} (rows) × ${label(twoWay.colKey)} (columns)`);
  headers(ws, row, 1, ['', ...twoWay.colValues.map(() => '')]);
  ws.getRow(row).height = 42;
  ws.getCell(row, 1).value = `${label(twoWay.rowKey)} ↓ / ${label(twoWay.colKey)} →`;
  twoWay.colValues.forEach((v, c) => { const cell = ws.getCell(row, 2 + c); cell.value = v; cell.numFmt = inputFmt(twoWay.colKey); });
  row++;
  twoWay.rowValues.forEach((v, ri) => {
    putValue(ws, row, 1, v, inputFmt(twoWay.rowKey)).font = { bold: true };
    twoWay.cells[ri]!.forEach((x, ci) => {
      const cell = putValue(ws, row, 2 + ci, x, fmtOf(f.format));
      if (twoWay.base && twoWay.base.row === ri && twoWay.base.col === ci) { cell.fill = bandFill; cell.font = { bold: true }; }
    });
    row++;
  });
  // Only a grid that holds the saved model's own two values has its cell to shade.
  ws.getCell(row++, 1).value = twoWay.base
    ? 'The shaded cell is the saved model; "—" marks a combination that is not a valid model or a figure that is undefined.'
    : `No cell is shaded: the saved model's values of ${label(twoWay.rowKey)} and ${label(twoWay.colKey)} are not both on this grid. "—" marks a combination that is not a valid model or a figure that is undefined.`;

  row++;
  const tf = figureInfo(tornado.figure);
  section(ws, row++, 1, `Tornado: ${tf.label}, each driver moved down and up (rates ±5 points, money ±10%)`);
  headers(ws, row++, 1, ['Driver', 'Low input', 'High input', 'Figure at low', 'Figure at high', 'Swing']);
  for (const bar of tornado.bars) {
    ws.getCell(row, 1).value = bar.label;
    putValue(ws, row, 2, bar.low, inputFmt(bar.key));
    putValue(ws, row, 3, bar.high, inputFmt(bar.key));
    putValue(ws, row, 4, bar.lowValue, fmtOf(tf.format));
    putValue(ws, row, 5, bar.highValue, fmtOf(tf.format));
    putValue(ws, row, 6, bar.swing, fmtOf(tf.format));
    row++;
  }

  row++;
  section(ws, row++, 1, `Biggest drag: ${STAGE_LABELS[drag.stage]} (the stage whose +5 points raises discounted gross-margin LTV most)`);
  ws.getRow(row).height = 44; // three lines of "Change in discounted GM LTV" in a 16-wide column
  headers(ws, row++, 1, ['Stage', 'From', 'To', 'Change in discounted GM LTV', 'Change in year-2 NRR']);
  for (const s of drag.byStage) {
    ws.getCell(row, 1).value = STAGE_LABELS[s.stage];
    putValue(ws, row, 2, s.from, FMT.percent);
    putValue(ws, row, 3, s.to, FMT.percent);
    putValue(ws, row, 4, s.ltvChange, FMT.moneyCents);
    putValue(ws, row, 5, s.nrrChange, '0.00%');
    if (s.stage === drag.stage) ws.getRow(row).font = { bold: true };
    row++;
  }
  ws.getColumn(1).width = 48;
  for (let c = 2; c <= 2 + twoWay.colValues.length; c++) ws.getColumn(c).width = 16;
  ws.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
