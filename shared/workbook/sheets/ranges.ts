// The Ranges sheet (issue 21, spec §11), written when the document has ranges:
// the ranges and the simulation settings as named input cells (ranges_0_low,
// simulation_samples, simulation_targets_0_value…), which an edit in Excel
// changes on reopen, and the percentile table and the samples' summary as
// values, saying they were computed at save (Excel does not sample).
import type * as ExcelJS from 'exceljs';
import { MAX_RANGES, parseRanges, resolveInput, type ModelInputs, type SimulationSettings } from '../../index';
import { excelNumberFormat, formatFigure } from '../../report/format';
import { outputFormat, outputWords, rangeTableRows, planArrKey } from '../../report/range-outcomes';
import { a1, nameOfKey, onSheet, SHEETS } from '../names';
import { FMT, headers, inputBorder, inputFill, inputFont, note, section, title } from '../styles';
import type { WorkbookProblem, WorkbookRange, WorkbookRanges } from '../types';


const COL = { name: 1, low: 2, mode: 3, high: 4, key: 5 } as const;
const ROW = { samples: 5, seed: 6, rangesHead: 9 } as const;
const MAX_TARGETS = 50;

const formatOf = (kind: 'rate' | 'money' | 'count'): string => (kind === 'rate' ? FMT.percentInput : kind === 'money' ? FMT.money : FMT.count);

function inputCell(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, row: number, col: number, value: number | null, numFmt: string, name: string): void {
  const c = ws.getCell(row, col);
  c.value = value;
  c.numFmt = numFmt;
  c.font = inputFont;
  c.fill = inputFill;
  c.border = inputBorder;
  wb.definedNames.add(onSheet(SHEETS.ranges, a1(col, row, true)), name);
}

export function writeRanges(wb: ExcelJS.Workbook, m: ModelInputs, r: WorkbookRanges, savedAt: Date): void {
  const ws = wb.getWorksheet(SHEETS.ranges) ?? wb.addWorksheet(SHEETS.ranges);
  const currency = m.general.currency;
  title(ws, 'Ranges', 'Low / most likely / high on inputs (blue cells: edit them here, Bowtie reads them on open). The figures below are values, not formulas.');
  section(ws, 4, 1, 'Simulation');
  ws.getCell(ROW.samples, 1).value = 'Samples (100 to 10,000)';
  inputCell(wb, ws, ROW.samples, 2, r.simulation.samples, FMT.integer, nameOfKey('simulation.samples'));
  ws.getCell(ROW.seed, 1).value = 'Seed (0 to 4,294,967,295)';
  inputCell(wb, ws, ROW.seed, 2, r.simulation.seed, FMT.integer, nameOfKey('simulation.seed'));

  section(ws, ROW.rangesHead - 1, 1, 'Ranged inputs');
  headers(ws, ROW.rangesHead, 1, ['Input', 'Low', 'Most likely (blank: uniform)', 'High', 'Key']);
  r.ranges.forEach((range, i) => {
    const row = ROW.rangesHead + 1 + i;
    const input = resolveInput(m, range.key);
    const kind = input.ok ? input.value.kind : 'count';
    ws.getCell(row, COL.name).value = input.ok ? input.value.name : range.key;
    inputCell(wb, ws, row, COL.low, range.low, formatOf(kind), nameOfKey(`ranges[${i}].low`));
    inputCell(wb, ws, row, COL.mode, range.mode ?? null, formatOf(kind), nameOfKey(`ranges[${i}].mode`));
    inputCell(wb, ws, row, COL.high, range.high, formatOf(kind), nameOfKey(`ranges[${i}].high`));
    ws.getCell(row, COL.key).value = range.key;
  });
  let row = ROW.rangesHead + 2 + r.ranges.length;

  section(ws, row, 1, 'Targets');
  headers(ws, row + 1, 1, ['Target', 'At least', '', '', 'Output key']);
  row += 2;
  r.simulation.targets.forEach((t, i) => {
    ws.getCell(row, 1).value = outputWords(m, t.output);
    inputCell(wb, ws, row, 2, t.value, excelNumberFormat(outputFormat(m, t.output), t.value, currency), nameOfKey(`simulation.targets[${i}].value`));
    ws.getCell(row, COL.key).value = t.output;
    row++;
  });
  row++;

  section(ws, row, 1, 'What the samples give');
  row++;
  if (!r.outcome) {
    note(ws, row, 1, 'Not computed at this save: open the Ranges sheet in Bowtie and save again.');
    return;
  }
  const { report, planArr } = r.outcome;
  note(ws, row, 1, `Computed by Bowtie at save (${savedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC) from ${report.samples.toLocaleString('en-US')} samples, seed ${report.seed}: values, not formulas; an edit above changes them when Bowtie opens the file and saves it again.`);
  row++;
  headers(ws, row, 1, ['Figure', 'P10', 'P50', 'P90', 'Mean', 'Samples where it exists']);
  row++;
  for (const line of rangeTableRows(m)) {
    const s = report.figures[line.key];
    ws.getCell(row, 1).value = line.label;
    ([s?.p10, s?.p50, s?.p90, s?.mean] as (number | null | undefined)[]).forEach((x, j) => {
      const c = ws.getCell(row, 2 + j);
      c.value = x ?? '—';
      if (typeof x === 'number') c.numFmt = excelNumberFormat(line.format, x, currency);
    });
    ws.getCell(row, 6).value = s?.count ?? 0;
    row++;
  }
  row++;
  headers(ws, row, 1, ['Chance of', 'Share of samples']);
  row++;
  const planKey = planArrKey(m);
  for (const t of report.targets) {
    const plan = t.output === planKey && t.value === planArr;
    ws.getCell(row, 1).value = `${plan ? 'The plan: ' : ''}${outputWords(m, t.output)} ≥ ${formatFigure(t.value, outputFormat(m, t.output), currency)}`;
    ws.getCell(row, 2).value = t.share;
    ws.getCell(row, 2).numFmt = '0%';
    row++;
  }
  ws.getColumn(1).width = 44;
}

/** A cell of a defined name on the Ranges sheet, or null. */
function namedCell(wb: ExcelJS.Workbook, name: string): { row: number; col: number } | null {
  const ranges = wb.definedNames.getRanges(name).ranges;
  if (ranges.length !== 1) return null;
  const [sheetPart, ref] = ranges[0]!.split('!') as [string, string | undefined];
  if (!ref || sheetPart.replace(/^'|'$/g, '').replace(/''/g, "'") !== SHEETS.ranges) return null;
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

type CellRead = { value: unknown; where: string } | null;

function cellValue(ws: ExcelJS.Worksheet, at: { row: number; col: number }): unknown {
  const v = ws.getCell(at.row, at.col).value as unknown;
  if (v !== null && typeof v === 'object' && 'result' in v) return (v).result;
  if (v !== null && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    if (/^[-+]?\d*\.?\d+%$/.test(s)) return Number(s.slice(0, -1)) / 100;
    return s;
  }
  return v;
}

/**
 * The ranges and settings the Ranges sheet holds, checked against the model
 * (parseRanges: the CLI's rules), each problem at its cell. Absent sheet: none.
 */
export function readRanges(wb: ExcelJS.Workbook, m: ModelInputs): { ok: true; ranges: WorkbookRange[]; simulation: SimulationSettings } | { ok: false; problems: WorkbookProblem[] } | null {
  const ws = wb.getWorksheet(SHEETS.ranges);
  if (!ws) return null;
  const where = new Map<string, string>();
  const read = (name: string, path: string): CellRead => {
    const at = namedCell(wb, name);
    if (!at) return null;
    const w = `${SHEETS.ranges}!${a1(at.col, at.row)}`;
    where.set(path, w);
    return { value: cellValue(ws, at), where: w };
  };
  const rawRanges: Record<string, unknown>[] = [];
  for (let i = 0; i < MAX_RANGES; i++) {
    const low = read(nameOfKey(`ranges[${i}].low`), `ranges[${i}].low`);
    if (!low) break;
    const at = namedCell(wb, nameOfKey(`ranges[${i}].low`))!;
    const key = cellValue(ws, { row: at.row, col: COL.key });
    where.set(`ranges[${i}]`, low.where);
    where.set(`ranges[${i}].key`, `${SHEETS.ranges}!${a1(COL.key, at.row)}`);
    const mode = read(nameOfKey(`ranges[${i}].mode`), `ranges[${i}].mode`);
    const high = read(nameOfKey(`ranges[${i}].high`), `ranges[${i}].high`);
    rawRanges.push({ key, low: low.value, high: high?.value, ...(mode && mode.value !== null ? { mode: mode.value } : {}) });
  }
  const simulation: Record<string, unknown> = {};
  const samples = read(nameOfKey('simulation.samples'), 'simulation.samples');
  if (samples) simulation.samples = samples.value;
  const seed = read(nameOfKey('simulation.seed'), 'simulation.seed');
  if (seed) simulation.seed = seed.value;
  const targets: unknown[] = [];
  for (let i = 0; i < MAX_TARGETS; i++) {
    const value = read(nameOfKey(`simulation.targets[${i}].value`), `simulation.targets[${i}]`);
    if (!value) break;
    const at = namedCell(wb, nameOfKey(`simulation.targets[${i}].value`))!;
    targets.push({ output: cellValue(ws, { row: at.row, col: COL.key }), value: value.value });
  }
  simulation.targets = targets;
  const parsed = parseRanges(m, rawRanges, simulation);
  if (parsed.ok) return { ok: true, ranges: parsed.ranges.map((r) => ({ key: r.key, low: r.low, high: r.high, ...(r.mode === undefined || r.mode === null ? {} : { mode: r.mode }) })), simulation: parsed.simulation };
  return { ok: false, problems: parsed.problems.map((p) => ({ where: where.get(p.path) ?? where.get(p.path.replace(/\.\w+$/, '')) ?? SHEETS.ranges, path: p.path, message: p.message })) };
}
