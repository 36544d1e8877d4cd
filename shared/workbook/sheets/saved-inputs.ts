// "Every shown figure is live or says it is not" (issue 22). Figures no formula
// can carry (the scenario comparison, the Sensitivity sheet, the biggest drag,
// the pictures) are values computed when Bowtie saved. The hidden metadata sheet
// keeps a copy of the Assumptions sheet's input columns as they were then, and one
// live cell counts the inputs that differ from it; each value block shows a
// warning while that count is not zero.
import type * as ExcelJS from 'exceljs';
import { a1, onSheet, SHEETS } from '../names';
import { putFormula } from '../cells';
import { COLORS } from '../styles';
import { cachedOf } from '../charts/index';
import { ASSUMPTION_COLS, FIRST_YEAR_COL } from './assumptions';

/** The workbook-level name of the live count of inputs changed since the save. */
export const INPUTS_CHANGED_NAME = 'bowtie_inputs_changed';
export const INPUTS_CHANGED_TEXT = 'Inputs changed since Bowtie saved: these columns are as saved; reopen in Bowtie to refresh';
/** Where the count and the copy sit on the metadata sheet (below its rows of META_ROWS). */
const COUNT_ROW = 6;
const COPY_TOP = 10;
/** The columns compared: the value column through a ramp's tenth year, which also hold the installed base's table. */
const FIRST_COL = ASSUMPTION_COLS.value;
const LAST_COL = FIRST_YEAR_COL + 9;

/** Writes the copy and the count on the metadata sheet. */
export function writeSavedInputs(wb: ExcelJS.Workbook): void {
  const inputs = wb.getWorksheet(SHEETS.assumptions)!;
  const meta = wb.getWorksheet(SHEETS.meta)!;
  // one row past the last, so a row added below the inputs in Excel is compared with a blank
  const last = inputs.rowCount + 1;
  for (let r = 1; r <= last; r++) {
    for (let c = FIRST_COL; c <= LAST_COL; c++) {
      const cell = inputs.getCell(r, c);
      // a merged range's other cells read as its first (ExcelJS), but hold nothing in the file
      if (cell.isMerged && cell.master !== cell) continue;
      const v = cachedOf(cell) as ExcelJS.CellValue;
      const copy = meta.getCell(COPY_TOP + r - 1, c);
      // A formula in these columns (a segment's inherited value, a sum of shares) is not an
      // input: its copy refers to it, so it never counts as changed, whatever an engine computes.
      if (cell.formula) copy.value = { formula: onSheet(SHEETS.assumptions, a1(c, r, false)), result: v as never };
      else if (v !== null && v !== undefined && v !== '') copy.value = v;
    }
  }
  meta.getCell(COUNT_ROW, 1).value = 'inputs changed since the save (live)';
  const live = onSheet(SHEETS.assumptions, `${a1(FIRST_COL, 1, true)}:${a1(LAST_COL, last, true)}`);
  const saved = onSheet(SHEETS.meta, `${a1(FIRST_COL, COPY_TOP, true)}:${a1(LAST_COL, COPY_TOP + last - 1, true)}`);
  meta.getCell(COPY_TOP - 1, 1).value = 'the Assumptions sheet\'s input columns as saved (compared cell by cell)';
  // Saved without a value: LibreOffice, which by default keeps every cached value on
  // load (docs/workbook.md "Recalculation on open"), computes a formula that has
  // none, and the warnings that read it with it. Excel recalculates everything.
  meta.getCell(COUNT_ROW, 2).value = { formula: `SUMPRODUCT((${live}<>${saved})*1)` };
  wb.definedNames.add(onSheet(SHEETS.meta, a1(2, COUNT_ROW, true)), INPUTS_CHANGED_NAME);
}

/** A cell that reads `text` in red while any input differs from the saved one, and nothing otherwise. */
export function putInputsChangedWarning(ws: ExcelJS.Worksheet, row: number, col: number, text = INPUTS_CHANGED_TEXT): ExcelJS.Cell {
  const cell = putFormula(ws, row, col, `IF(${INPUTS_CHANGED_NAME}>0,"${text.replace(/"/g, '""')}","")`, '');
  cell.font = { bold: true, color: { argb: COLORS.flagFont } };
  return cell;
}
