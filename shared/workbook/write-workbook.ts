// Saving: the model as a working .xlsx (issue #3). Inputs on Assumptions under
// workbook-level names; Journey, ARR Bridge, Cohorts, Metrics and the Board
// Report as live formulas over them, each formula with the core's value cached;
// Sensitivity as values; a hidden metadata sheet for what only Bowtie reads.
import * as ExcelJSNs from 'exceljs';
import { twoWaySpecFromExtras, twoWaySpecToJson, validateInputs, type ModelInputs } from '../index';
import { a1, onSheet, SHEETS } from './names';
import { needsCalendar } from '../index';
import { writeCalendar } from './sheets/calendar';
import { BRIDGE_NEW_CUSTOMERS_COL, bridgeMonthRow } from './sheets/bridge';
import { workbookFigures } from './figures';
import { ASSUMPTION_COLS, writeAssumptions } from './sheets/assumptions';
import { writeJourney } from './sheets/journey';
import { writeBridge } from './sheets/bridge';
import { writeCohorts } from './sheets/cohorts';
import { writeMetrics } from './sheets/metrics';
import { writeSensitivity } from './sheets/sensitivity';
import { writeBoardReport } from './sheets/board-report';
import { writeMetadata } from './sheets/metadata';
import { writeSavedInputs } from './sheets/saved-inputs';
import { writeActuals } from './sheets/actuals';
import { writeRanges } from './sheets/ranges';
import { writeSignals } from './sheets/signals';
import { rangeOfOutcomes } from '../report/range-outcomes';
import { segmentSheetNames, writeSegmentSheets, writeSegmentTable } from './segment-sheets';
import { fitColumns, fitHeaderRows, setUpPrinting } from './print';
import { finishPackage } from './package';
import { WorkbookCharts } from './charts/index';
import type { WorkbookDocument } from './types';

/** ExcelJS is CommonJS: Node's ESM loader hands it over as `default`, bundlers as the namespace. */
export const ExcelJS = ((ExcelJSNs as unknown as { default?: typeof ExcelJSNs }).default ?? ExcelJSNs);


/** Tab order: what a reader wants first. */
const TAB_ORDER = [SHEETS.board, SHEETS.assumptions, SHEETS.metrics, SHEETS.bridge, SHEETS.cohorts, SHEETS.journey, SHEETS.sensitivity];

export class InvalidModelError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`cannot save an invalid model: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/**
 * Excel, LibreOffice and openpyxl refuse a cell whose value is `Infinity` or
 * `NaN`, and ExcelJS writes them as is. Figures are finite for every valid
 * model (MODEL_LIMITS), so one here is a defect: fail the save, naming the cell,
 * rather than write a file nothing can open.
 */
function refuseNonFinite(wb: ExcelJSNs.Workbook): void {
  const bad = (x: unknown) => typeof x === 'number' && !Number.isFinite(x);
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value as unknown;
    const result = v !== null && typeof v === 'object' && 'result' in v ? (v).result : undefined;
    if (bad(v) || bad(result)) throw new Error(`cannot save: ${ws.name}!${cell.address} would hold ${String(bad(v) ? v : result)}, which no spreadsheet can open`);
  })));
}

export async function writeWorkbook(doc: WorkbookDocument): Promise<Uint8Array> {
  const m: ModelInputs = doc.inputs;
  // Every sheet is built from the core's figures, which exist only for a valid model.
  const problems = validateInputs(m);
  if (problems.length) throw new InvalidModelError(problems);
  const savedAt = doc.savedAt ?? new Date();
  // The two-way table the user chose travels in extras; the sheet shows it when it
  // fits this model, and the metadata keeps exactly the spec the sheet shows.
  const { spec } = twoWaySpecFromExtras(doc.extras, m);
  const extras: Record<string, unknown> = { ...doc.extras };
  delete extras.sensitivity;
  if (spec) extras.sensitivity = twoWaySpecToJson(spec);
  const fig = workbookFigures(m, spec ?? undefined, doc.known?.sensitivity);

  const wb = new ExcelJS.Workbook();
  wb.creator = `Bowtie ${doc.appVersion}`;
  wb.title = m.general.name;
  wb.created = savedAt;
  wb.modified = savedAt;
  // Excel recomputes everything on open; the cached values serve viewers that never do.
  wb.calcProperties = { fullCalcOnLoad: true };
  // With segments (spec §2.3) each segment has its own Bridge, Journey and Calendar
  // after the company's sheets, and the company's sheets sum them (segment-sheets.ts).
  const segmentSheets = m.segments?.length ? segmentSheetNames(m) : null;
  // A model that changes by year or starts from an installed base follows each cohort on a Calendar sheet.
  const calendar = !segmentSheets && needsCalendar(m);
  const calendarSheets = new Set<string>(segmentSheets ? segmentSheets.map((s) => s.calendar) : [SHEETS.calendar]);
  for (const name of TAB_ORDER) {
    if (segmentSheets && name === SHEETS.journey) continue;
    wb.addWorksheet(name);
    if (name === SHEETS.journey && calendar) wb.addWorksheet(SHEETS.calendar);
  }
  // Only a document with ranges has the Ranges sheet, after Sensitivity.
  const ranges = doc.ranges && doc.ranges.ranges.length ? doc.ranges : null;
  if (ranges) wb.addWorksheet(SHEETS.ranges);
  for (const s of segmentSheets ?? []) for (const name of [s.bridge, s.journey, s.calendar]) wb.addWorksheet(name);
  if (doc.actuals) wb.addWorksheet(SHEETS.actuals);
  wb.addWorksheet(SHEETS.meta);

  const names = writeAssumptions(wb, m);
  // the readiness signals' weights and thresholds, at its foot, once the model has them (spec §12)
  writeSignals(wb, wb.getWorksheet(SHEETS.assumptions)!, m);
  let bl, ml;
  if (segmentSheets) {
    const seg = writeSegmentSheets(wb, m, names, fig);
    bl = seg.bl;
    writeCohorts(wb, m, seg.fig, null, bl, seg.cal);
    ml = writeMetrics(wb, m, seg.fig, names, null, bl, seg.unit);
    writeSegmentTable(wb, m, seg.fig, bl, seg.segmentBridges);
  } else {
    const cal = calendar ? writeCalendar(wb, m, names, fig, (t) => onSheet(SHEETS.bridge, a1(BRIDGE_NEW_CUSTOMERS_COL, bridgeMonthRow(m, t), true))) : null;
    const jl = writeJourney(wb, m, fig, names, cal);
    bl = writeBridge(wb, m, fig, names, jl, cal);
    writeCohorts(wb, m, fig, jl, bl, cal);
    ml = writeMetrics(wb, m, fig, names, jl, bl);
  }
  writeSensitivity(wb, m, fig, savedAt);
  const charts = new WorkbookCharts();
  const board = writeBoardReport(wb.getWorksheet(SHEETS.board)!, wb, m, fig, names, bl, ml, {
    appVersion: doc.appVersion, savedAt, images: doc.boardImages ?? [], charts, comparison: doc.scenarioComparison,
    ranges: ranges?.outcome ? rangeOfOutcomes(m, ranges.outcome.report, ranges.outcome.planArr, ranges.ranges.length) : null,
  });
  if (ranges) writeRanges(wb, m, ranges, savedAt);
  // Only a file with imported actuals has the sheet, just before the hidden metadata.
  if (doc.actuals) writeActuals(wb, doc.actuals, savedAt, fig.result);
  writeMetadata(wb, doc.appVersion, savedAt, extras);
  // the inputs as saved, and the live count of those changed since, which the value blocks' warnings read
  writeSavedInputs(wb);
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    // The Calendar's tens of thousands of working cells keep the widths it set.
    if (!calendarSheets.has(ws.name)) fitColumns(ws, { keepWidths: ws.name === SHEETS.board });
    else fitHeaderRows(ws);
    // On paper the Assumptions sheet ends at its Range column: the canonical keys beside it are for Bowtie.
    setUpPrinting(ws, `${m.general.name} · ${ws.name}`, ws.name === SHEETS.assumptions ? { lastCol: ASSUMPTION_COLS.range }
      // the Board Report's charts' working tables sit right of its printed columns
      : ws.name === SHEETS.board ? { lastCol: board.printCols, lastRow: board.printRows, narrow: true, fitWidth: true } : {});
  }
  refuseNonFinite(wb);

  // Stored: finishPackage corrects ExcelJS's parts and compresses each once (fast deflate, level 1).
  const out = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as Partial<ExcelJSNs.XlsxWriteOptions>);
  // A plain Uint8Array either way (Node's Buffer, the browser build's Buffer polyfill).
  const raw = out as unknown as Uint8Array | ArrayBuffer;
  return finishPackage(raw instanceof Uint8Array ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : new Uint8Array(raw), charts.placed);
}
