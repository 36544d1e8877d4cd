// Assumptions: every input with its label, value, unit, valid range and canonical
// key, in the input style, with data validation and a workbook-level name per
// input. Every other sheet's formulas read the inputs through these names.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { BASE_FIELDS, inputSpecs, LANE_LEVER_FIELD, type InputSpec } from '../../model/catalog';
import { MAX_RAMP_YEARS } from '../../model/ramps';
import { getInput, parsed, segmentOverrideProblem } from '../../document/keys';
import { SEGMENT_FIELDS } from '../../model/catalog';
import { a1, NEW_CUSTOMERS_NAME, nameOfKey, newCustomersOfYear, onSheet, SHEETS } from '../names';
import { putFormula, putValue } from '../cells';
import { choiceList, choiceWord, choiceWords } from '../choices';
import { fitText, OFFICE_LIMITS } from '../office-limits';
import { COLORS, FMT, headers, inputBorder, inputFill, inputFont, note, section, title } from '../styles';

export const ASSUMPTION_COLS = { label: 1, value: 2, unit: 3, range: 4, key: 5 } as const;
/** A ramped input's yearly cells (spec §2.1): year 1 in this column, year 10 nine to the right. */
export const FIRST_YEAR_COL = 7;
/** The installed base's table (spec §2.2): its defined name and columns, in the order of BASE_FIELDS. */
export const BASE_COHORTS_NAME = 'base_cohorts';
/** Blank rows under the base's table that its name covers, so cohorts can be added in Excel. */
export const BASE_SPARE_ROWS = 10;
export const FIRST_INPUT_ROW = 6;
/** With segments: the base cohorts' segment ids, a column beside the base's table, under their own name. */
export const BASE_SEGMENT_NAME = 'base_cohorts_segment';
export const BASE_SEGMENT_COL = BASE_FIELDS.length + 1;
/** A segment row's column for the model's own value (grey: what a blank override inherits). */
export const SEGMENT_MODEL_COL = 6;

/**
 * The keys a segment's override rows list (spec §2.3): every input a segment may
 * change, in the Assumptions order. A blank row inherits the model's value.
 */
export function segmentOverrideSpecs(m: ModelInputs): InputSpec[] {
  return inputSpecs(m).filter((s) => !s.key.startsWith('base.') && segmentOverrideProblem(s.key) === null);
}

/** Segment names follow the id; ids equal but for case would clash as Excel names, so those go by position. */
export function segmentNamer(m: ModelInputs): (k: number, key: string) => string {
  const seen = new Set<string>();
  const byPosition = (m.segments ?? []).map((s) => {
    const lower = s.id.toLowerCase();
    const clash = seen.has(lower);
    seen.add(lower);
    return clash;
  });
  return (k, key) => (byPosition[k] ? `segments_${k}_${nameOfKey(key)}` : nameOfKey(`segments.${m.segments![k]!.id}.${key}`));
}

/** Where each input lives and the name formulas use for it. */
export interface InputNames {
  /** canonical key → row on the Assumptions sheet */
  rows: Map<string, number>;
  /** defined name of a scalar input, by canonical key */
  name: (key: string) => string;
  /** defined name of lane i's field */
  lane: (i: number, field: string) => string;
  /**
   * An input's value in model year `year` (a number or a formula): a ramp's yearly
   * cell (years past its list take its last value, spec §2.1), a constant's own name.
   */
  yearValue: (key: string, year: number | string) => string;
  laneYearValue: (i: number, field: string, year: number | string) => string;
  /** new logos of model year k (1-based) of a list of `years`: the model's, or a segment's share of them */
  newLogos: (k: number, years: number) => string;
  /** the saved installed-base rows on Assumptions: row of cohort j, column of each field */
  base: { row: (j: number) => number; col: Record<'customers' | 'arr' | 'ageMonths' | 'adopterShare', number> };
}

/** Lane names follow the lane id; ids equal but for case would clash (Excel names ignore case), so those go by position. */
function laneNamer(m: ModelInputs): (i: number, field: string) => string {
  const seen = new Set<string>();
  const byPosition = m.lanes.map((l) => {
    const lower = l.id.toLowerCase();
    const clash = seen.has(lower);
    seen.add(lower);
    return clash;
  });
  return (i, field) => (byPosition[i] ? `lanes_${i}_${field}` : nameOfKey(`lanes.${m.lanes[i]!.id}.${field}`));
}

function unitOf(spec: InputSpec, currency: string): string {
  switch (spec.kind) {
    case 'rate': return '%';
    case 'money': return currency;
    case 'count': return 'customers';
    case 'months': return 'months';
    case 'days': return 'days';
    case 'integer': return spec.key === 'general.ltvYears' ? 'years' : spec.key === 'general.horizonMonths' ? 'months' : '';
    case 'yearMonth': return 'YYYY-MM';
    case 'enum': return 'choice';
    case 'text': return 'text';
  }
}

/** Characters a line of the Valid range column holds (its width, 26, less a margin). */
const RANGE_CHARS = 24;
/** Lines `text` takes, wrapped at spaces into lines of `chars` characters. */
export function wrappedLines(text: string, chars: number): number {
  let lines = 1, used = 0;
  for (const word of text.split(' ')) {
    if (used && used + 1 + word.length > chars) { lines++; used = word.length; } else used += (used ? 1 : 0) + word.length;
  }
  return lines;
}

const pctText = (x: number) => `${Math.round(x * 1000) / 10}%`;

function rangeOf(spec: InputSpec): string {
  switch (spec.kind) {
    case 'rate': return `${pctText(spec.min ?? 0)} to ${pctText(spec.max ?? 1)}`;
    case 'money':
    case 'count': return spec.max === undefined ? '≥ 0' : `0 to ${spec.max.toLocaleString('en-US')}`;
    case 'months':
    case 'integer':
    case 'days': return `whole number ${spec.min} to ${spec.max}`;
    case 'text': return spec.minLength === spec.maxLength ? `${spec.minLength} letters` : `${spec.minLength}–${spec.maxLength} characters`;
    case 'enum': return choiceWords(spec.options ?? []);
    case 'yearMonth': return 'e.g. 2026-01';
  }
}

/** The cell's data validation, its title and message within Office's limits (a longer title makes Excel repair the file). */
function validation(spec: InputSpec, label: string): ExcelJS.DataValidation | null {
  const dv = validationRule(spec, label);
  return dv && { ...dv, errorTitle: fitText(label, OFFICE_LIMITS.validationTitle), error: fitText(dv.error ?? '', OFFICE_LIMITS.validationText) };
}

function validationRule(spec: InputSpec, label: string): ExcelJS.DataValidation | null {
  const common = { allowBlank: false, showErrorMessage: true, errorStyle: 'stop' } as const;
  switch (spec.kind) {
    case 'rate':
      return { ...common, type: 'decimal', operator: 'between', formulae: [spec.min ?? 0, spec.max ?? 1], error: `${label}: a percentage from ${rangeOf(spec)}.` };
    case 'money':
    case 'count':
      return spec.max === undefined
        ? { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: `${label}: a number of at least 0.` }
        : { ...common, type: 'decimal', operator: 'between', formulae: [0, spec.max], error: `${label}: a number from ${rangeOf(spec)}.` };
    case 'months':
    case 'integer':
    case 'days':
      return { ...common, type: 'whole', operator: 'between', formulae: [spec.min ?? 0, spec.max ?? 0], error: `${label}: a ${rangeOf(spec)}.` };
    case 'enum':
      return { ...common, type: 'list', formulae: [choiceList(spec.options ?? [])], error: `${label}: one of ${rangeOf(spec)}.` };
    case 'text':
      return { ...common, type: 'textLength', operator: 'between', formulae: [spec.minLength ?? 0, spec.maxLength ?? 255], error: `${label}: ${rangeOf(spec)}.` };
    case 'yearMonth':
      return { ...common, type: 'textLength', operator: 'equal', formulae: [7], error: `${label}: a month written as YYYY-MM.` };
  }
}

function numFmtOf(spec: InputSpec): string {
  switch (spec.kind) {
    case 'rate': return FMT.percentInput;
    case 'money': return FMT.money;
    case 'count': return FMT.general;
    case 'months':
    case 'integer':
    case 'days': return FMT.integer;
    default: return '@';
  }
}

/** The rows of the sheet: the catalogue, with each lane's id before its fields and its lever (if any) after; the base is a table below. */
function rowsOf(m: ModelInputs): InputSpec[] {
  const specs = inputSpecs(m).filter((s) => !s.key.startsWith('base.'));
  const out: InputSpec[] = [];
  m.lanes.forEach((lane) => {
    const at = specs.findIndex((s) => s.key === `lanes.${lane.id}.name`);
    if (at >= 0) specs.splice(at, 0, { key: `lanes.${lane.id}.id`, label: `Lane id (names this lane's inputs)`, group: 'Expansion lanes', kind: 'text', minLength: 1, maxLength: 24 });
    const last = specs.findIndex((s) => s.key === `lanes.${lane.id}.grossMargin`);
    if (lane.lever !== undefined && last >= 0) {
      const { field, ...rest } = LANE_LEVER_FIELD;
      specs.splice(last + 1, 0, { ...rest, key: `lanes.${lane.id}.${field}`, label: `${lane.name}: ${rest.label} (a label only)`, group: 'Expansion lanes' });
    }
  });
  out.push(...specs);
  return out;
}

export function writeAssumptions(wb: ExcelJS.Workbook, m: ModelInputs): InputNames {
  const ws = wb.getWorksheet(SHEETS.assumptions)!;
  ws.properties.tabColor = { argb: COLORS.inputFont };
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  title(ws, 'Assumptions', 'Blue cells on the light fill are inputs: edit them here and every sheet recalculates.');
  ws.mergeCells(3, 1, 3, ASSUMPTION_COLS.key);
  ws.getRow(3).height = 26;
  note(ws, 3, 1, 'The months modelled, the lanes, the funnel stages and the number of acquisition years shape the sheets when Bowtie saves; change them here and Bowtie rebuilds the sheets when it reopens the file.');
  ws.getCell(3, 1).alignment = { wrapText: true, vertical: 'top' };
  headers(ws, 5, 1, ['Input', 'Value', 'Unit', 'Valid range', 'Key']);
  ws.getColumn(ASSUMPTION_COLS.label).width = 62;
  ws.getColumn(ASSUMPTION_COLS.value).width = 30;
  ws.getColumn(ASSUMPTION_COLS.unit).width = 12;
  ws.getColumn(ASSUMPTION_COLS.range).width = 26;
  ws.getColumn(ASSUMPTION_COLS.key).width = 40;

  const laneName = laneNamer(m);
  const laneIndex = new Map(m.lanes.map((l, i) => [l.id, i]));
  const rows = new Map<string, number>();
  const names = new Map<string, string>();
  let row = FIRST_INPUT_ROW;
  let group = '';
  const yearRows: number[] = [];
  const rampRows: number[] = [];
  for (const spec of rowsOf(m)) {
    const t = parsed(spec.key)?.target;
    const laneMatch = t?.kind === 'lane' && 'id' in t.ref ? { id: t.ref.id, field: t.field } : null;
    const lane = laneMatch ? laneIndex.get(laneMatch.id) : undefined;
    const heading = lane !== undefined ? `Lane ${lane + 1}: ${m.lanes[lane]!.name}` : spec.group;
    if (heading !== group) {
      if (group) row++;
      section(ws, row++, 1, heading);
      group = heading;
    }
    const input = laneMatch && laneMatch.field === 'id' ? m.lanes[lane!]!.id : getInput(m, spec.key);
    // A choice shows its words ("First value"); the formulas compare against them (choices.ts).
    const value = spec.kind === 'enum' && typeof input === 'string' ? choiceWord(input) : input;
    const labelCell = ws.getCell(row, ASSUMPTION_COLS.label);
    labelCell.value = spec.label;
    labelCell.alignment = { indent: 1 };
    const name = laneMatch && lane !== undefined ? laneName(lane, laneMatch.field) : nameOfKey(spec.key);
    const styleInput = (c: ExcelJS.Cell) => {
      c.font = inputFont;
      c.fill = inputFill;
      c.border = inputBorder;
      c.alignment = { horizontal: spec.kind === 'text' || spec.kind === 'enum' || spec.kind === 'yearMonth' ? 'left' : 'right' };
      const dv = validation(spec, spec.label);
      if (dv) c.dataValidation = dv;
    };
    if (Array.isArray(value)) {
      putRampRow(ws, row, name, value as number[], spec, styleInput);
      rampRows.push(row);
    } else styleInput(putValue(ws, row, ASSUMPTION_COLS.value, value as string | number, numFmtOf(spec)));
    const unit = ws.getCell(row, ASSUMPTION_COLS.unit);
    unit.value = unitOf(spec, m.general.currency);
    unit.alignment = { horizontal: 'left', indent: 1 }; // clear of the right-aligned value beside it
    if (!Array.isArray(value)) {
      const range = ws.getCell(row, ASSUMPTION_COLS.range);
      range.value = rangeOf(spec);
      // a long list of choices wraps in its column instead of running under the next, its row as tall as
      // the lines (spreadsheets do not grow a row for wrapped text they did not wrap themselves)
      if (spec.kind === 'enum') {
        range.alignment = { wrapText: true, vertical: 'top' };
        const lines = wrappedLines(range.value, RANGE_CHARS);
        if (lines > 1) {
          ws.getRow(row).height = lines * 14 + 1;
          // the row reads from its top line: label, choice and unit beside the list's first line
          for (const c of [ASSUMPTION_COLS.label, ASSUMPTION_COLS.value, ASSUMPTION_COLS.unit]) ws.getCell(row, c).alignment = { ...ws.getCell(row, c).alignment, vertical: 'top' };
        }
      }
    }
    const keyCell = ws.getCell(row, ASSUMPTION_COLS.key);
    keyCell.value = spec.key;
    keyCell.font = { size: 9, color: { argb: COLORS.subtleFont } };

    const ref = onSheet(SHEETS.assumptions, Array.isArray(value)
      ? `${a1(FIRST_YEAR_COL, row, true)}:${a1(FIRST_YEAR_COL + MAX_RAMP_YEARS - 1, row, true)}`
      : a1(ASSUMPTION_COLS.value, row, true));
    if (t?.kind === 'newLogos') yearRows.push(row);
    else wb.definedNames.add(ref, name);
    rows.set(spec.key, row);
    names.set(spec.key, name);
    row++;
  }
  // One name over the year cells: formulas pick year i with INDEX(…, i).
  if (yearRows.length) {
    wb.definedNames.add(onSheet(SHEETS.assumptions, `${a1(ASSUMPTION_COLS.value, yearRows[0]!, true)}:${a1(ASSUMPTION_COLS.value, yearRows[yearRows.length - 1]!, true)}`), NEW_CUSTOMERS_NAME);
  }
  if (rampRows.length) {
    headers(ws, 5, FIRST_YEAR_COL, Array.from({ length: MAX_RAMP_YEARS }, (_, i) => `Year ${i + 1}`));
    for (let i = 0; i < MAX_RAMP_YEARS; i++) ws.getColumn(FIRST_YEAR_COL + i).width = 12;
  }
  const baseFirst = writeBase(ws, wb, m, row + 1);
  if (m.segments?.length) {
    const seg = writeSegments(ws, wb, m, baseFirst + (m.base?.cohorts.length ?? 0) + BASE_SPARE_ROWS + 1);
    for (const [key, at] of seg.rows) rows.set(key, at);
    for (const [key, name] of seg.names) names.set(key, name);
    rampRows.push(...seg.rampRows);
  }
  ws.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  ws.pageSetup.printTitlesRow = '5:5';
  // A ramp's name covers a row; the formula sheets (written only when every year is
  // the same, see write-workbook.ts) read its year 1.
  const ramped = new Set(rampRows);
  const ref = (key: string, name: string) => (ramped.has(rows.get(key) ?? -1) ? `INDEX(${name},1)` : name);
  // COUNT(name) is the list's length: the reader ends a ramp at its first trailing blank.
  const inYear = (key: string, name: string, y: number | string) => {
    if (!ramped.has(rows.get(key) ?? -1)) return name;
    return typeof y === 'number' && y === 1 ? `INDEX(${name},1)` : `INDEX(${name},1,MIN(${y},COUNT(${name})))`;
  };
  const baseCol = (field: string) => 1 + BASE_FIELDS.findIndex((f) => f.field === field);
  return {
    rows,
    name: (key) => {
      const n = names.get(key);
      if (!n) throw new Error(`no input ${key} on the Assumptions sheet`);
      return ref(key, n);
    },
    lane: (i, field) => ref(`lanes.${m.lanes[i]!.id}.${field}`, laneName(i, field)),
    yearValue: (key, y) => {
      const n = names.get(key);
      if (!n) throw new Error(`no input ${key} on the Assumptions sheet`);
      return inYear(key, n, y);
    },
    laneYearValue: (i, field, y) => inYear(`lanes.${m.lanes[i]!.id}.${field}`, laneName(i, field), y),
    newLogos: newCustomersOfYear,
    base: {
      row: (j) => baseFirst + j,
      col: { customers: baseCol('customers'), arr: baseCol('arr'), ageMonths: baseCol('ageMonths'), adopterShare: baseCol('adopterShare') },
    },
  };
}

/** An input cell's look and data validation. */
/**
 * A ramp's row (spec §2.1): its yearly values in the ten year cells (the name covers
 * all ten, so a year typed after the last one is read too), and in the value
 * column year 1, read from them.
 */
function putRampRow(ws: ExcelJS.Worksheet, row: number, name: string, values: readonly number[], spec: InputSpec, style: (c: ExcelJS.Cell) => void): void {
  values.forEach((v, i) => style(putValue(ws, row, FIRST_YEAR_COL + i, v, numFmtOf(spec))));
  for (let i = values.length; i < MAX_RAMP_YEARS; i++) style(ws.getCell(row, FIRST_YEAR_COL + i));
  const year1 = ws.getCell(row, ASSUMPTION_COLS.value);
  year1.value = { formula: `INDEX(${name},1)`, result: values[0]! };
  year1.numFmt = numFmtOf(spec);
  year1.font = { italic: true, color: { argb: COLORS.subtleFont } };
  note(ws, row, ASSUMPTION_COLS.range, `by year: year 1 in ${a1(FIRST_YEAR_COL, row)}, later years to its right`);
}

function styleInputCell(c: ExcelJS.Cell, spec: InputSpec, allowBlank = false): void {
  c.font = inputFont;
  c.fill = inputFill;
  c.border = inputBorder;
  c.alignment = { horizontal: spec.kind === 'text' || spec.kind === 'enum' || spec.kind === 'yearMonth' ? 'left' : 'right' };
  const dv = validation(spec, spec.label);
  if (dv) c.dataValidation = allowBlank ? { ...dv, allowBlank: true } : dv;
}

/**
 * Segments (spec §2.3) below the base: per segment its name, its share of new logos
 * and one row per input it may override, each under the key `segments.<id>.<key>`
 * and its name (`segments_ent_journey_renewal_rate`). An override is a blue value
 * (a ramp in the year cells); a blank one inherits the model's value, shown grey
 * beside it. Then the shares' sum by year, which must be 100%.
 */
function writeSegments(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, m: ModelInputs, top: number) {
  const segments = m.segments!;
  const rows = new Map<string, number>();
  const names = new Map<string, string>();
  const rampRows: number[] = [];
  const namer = segmentNamer(m);
  const overrideSpecs = segmentOverrideSpecs(m);
  const modelName = (key: string): string => {
    const t = parsed(key)?.target;
    if (t?.kind === 'lane' && 'id' in t.ref) {
      const i = m.lanes.findIndex((l) => l.id === (t.ref as { id: string }).id);
      return laneNamer(m)(i, t.field);
    }
    return nameOfKey(key);
  };
  let row = top;
  section(ws, row++, 1, 'Segments (plan SMB, mid-market, enterprise… as one company)');
  ws.mergeCells(row, 1, row, ASSUMPTION_COLS.key);
  ws.getRow(row).height = 26;
  note(ws, row++, 1, 'Each segment is the model above with its own share of new logos and the values it overrides; a blank override inherits the model\'s value (grey, beside it). The company is the segments\' sum.');
  ws.getCell(row - 1, 1).alignment = { wrapText: true, vertical: 'top' };
  headers(ws, row++, 1, ['Input', 'Override', 'Unit', 'Valid range', 'Key', 'Model\'s value']);
  ws.getColumn(SEGMENT_MODEL_COL).width = Math.max(ws.getColumn(SEGMENT_MODEL_COL).width ?? 0, 16);
  const put = (k: number, spec: InputSpec, field: string, value: unknown, inherited: string | null) => {
    const key = `segments.${segments[k]!.id}.${field}`;
    const name = namer(k, field);
    const label = ws.getCell(row, ASSUMPTION_COLS.label);
    label.value = spec.label;
    label.alignment = { indent: 1 };
    const shown = spec.kind === 'enum' && typeof value === 'string' ? choiceWord(value) : value;
    let ref: string;
    if (Array.isArray(shown)) {
      putRampRow(ws, row, name, shown as number[], spec, (c) => styleInputCell(c, spec));
      rampRows.push(row);
      ref = `${a1(FIRST_YEAR_COL, row, true)}:${a1(FIRST_YEAR_COL + MAX_RAMP_YEARS - 1, row, true)}`;
    } else {
      const c = shown === undefined ? ws.getCell(row, ASSUMPTION_COLS.value) : putValue(ws, row, ASSUMPTION_COLS.value, shown as string | number, numFmtOf(spec));
      c.numFmt = numFmtOf(spec);
      styleInputCell(c, spec, inherited !== null);
      ws.getCell(row, ASSUMPTION_COLS.range).value = rangeOf(spec);
      ref = a1(ASSUMPTION_COLS.value, row, true);
    }
    const unit = ws.getCell(row, ASSUMPTION_COLS.unit);
    unit.value = unitOf(spec, m.general.currency);
    unit.alignment = { horizontal: 'left', indent: 1 };
    const keyCell = ws.getCell(row, ASSUMPTION_COLS.key);
    keyCell.value = key;
    keyCell.font = { size: 9, color: { argb: COLORS.subtleFont } };
    if (inherited !== null) {
      const base = getInput(m, field);
      const year1 = Array.isArray(base) ? base[0] as number : base;
      const v = spec.kind === 'enum' && typeof year1 === 'string' ? choiceWord(year1) : year1 as string | number;
      const c = putFormula(ws, row, SEGMENT_MODEL_COL, inherited, v, numFmtOf(spec) === '@' ? undefined : numFmtOf(spec));
      c.font = { italic: true, color: { argb: COLORS.subtleFont } };
      c.alignment = { horizontal: spec.kind === 'text' || spec.kind === 'enum' ? 'left' : 'right' };
    }
    wb.definedNames.add(onSheet(SHEETS.assumptions, ref), name);
    rows.set(key, row);
    names.set(key, name);
    row++;
  };
  const fieldSpec = (field: string): InputSpec => {
    const f = SEGMENT_FIELDS.find((x) => x.field === field)!;
    return { ...f, key: field, group: 'Segments' };
  };
  segments.forEach((seg, k) => {
    row++;
    section(ws, row++, 1, `Segment ${k + 1}: ${seg.name}`);
    put(k, fieldSpec('name'), 'name', seg.name, null);
    put(k, fieldSpec('logoShare'), 'logoShare', seg.logoShare, null);
    for (const spec of overrideSpecs) {
      const model = modelName(spec.key);
      const rampedModel = Array.isArray(getInput(m, spec.key));
      put(k, spec, spec.key, seg.overrides[spec.key], rampedModel ? `INDEX(${model},1)` : model);
    }
  });
  // The shares' sum by model year: each year's must be 100% (spec §2.3).
  row++;
  const sumRow = row;
  ws.getCell(row, 1).value = 'Σ shares of new logos (must be 100% each year)';
  ws.getCell(row, 1).font = { bold: true };
  for (let y = 1; y <= MAX_RAMP_YEARS; y++) {
    const terms = segments.map((seg, k) => {
      const name = namer(k, 'logoShare');
      return Array.isArray(seg.logoShare) ? `INDEX(${name},1,MIN(${y},COUNT(${name})))` : name;
    });
    const total = segments.reduce((s, seg) => s + (Array.isArray(seg.logoShare) ? seg.logoShare[Math.min(y, seg.logoShare.length) - 1]! : seg.logoShare), 0);
    putFormula(ws, row, FIRST_YEAR_COL + y - 1, terms.join('+'), total, FMT.percentInput);
  }
  // on paper (which ends at the Valid range column) the year-1 sum, grey, beside the label
  const year1 = putFormula(ws, row, ASSUMPTION_COLS.value, a1(FIRST_YEAR_COL, row), segments.reduce((s, seg) => s + (Array.isArray(seg.logoShare) ? seg.logoShare[0]! : seg.logoShare), 0), FMT.percentInput);
  year1.font = { italic: true, color: { argb: COLORS.subtleFont } };
  note(ws, row, ASSUMPTION_COLS.range, `year 1; by year in ${a1(FIRST_YEAR_COL, row)} and to its right`);
  ws.getCell(row, ASSUMPTION_COLS.key).value = 'segments.logoShare';
  ws.getCell(row, ASSUMPTION_COLS.key).font = { size: 9, color: { argb: COLORS.subtleFont } };
  headers(ws, 5, FIRST_YEAR_COL, Array.from({ length: MAX_RAMP_YEARS }, (_, i) => `Year ${i + 1}`));
  for (let i = 0; i < MAX_RAMP_YEARS; i++) ws.getColumn(FIRST_YEAR_COL + i).width = 12;
  return { rows, names, rampRows, sumRow };
}

/**
 * The installed base (spec §2.2) as one named input table: a row per cohort, the
 * name `base_cohorts` over its rows and some blank ones, so a cohort added or
 * edited in Excel is read when Bowtie opens the file. A blank adopter share is the
 * share the journey implies.
 */
function writeBase(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, m: ModelInputs, top: number): number {
  const cohorts = m.base?.cohorts ?? [];
  section(ws, top, 1, 'Existing customers (installed base at month 0)');
  note(ws, top + 1, 1, 'One row per cohort of today\'s customers: age is months since they closed; leave the adopter share blank for the share the journey implies. Rows may be added in the blank lines below.');
  const head = top + 2;
  headers(ws, head, 1, BASE_FIELDS.map((f) => f.label));
  const first = head + 1;
  const rows = cohorts.length + BASE_SPARE_ROWS;
  for (let i = 0; i < rows; i++) {
    const k = cohorts[i];
    BASE_FIELDS.forEach((f, c) => {
      const spec = { key: `base.cohorts[${i}].${f.field}`, group: 'Existing customers', ...f } as InputSpec;
      const v = k ? (k as unknown as Record<string, unknown>)[f.field] : undefined;
      const cell = ws.getCell(first + i, 1 + c);
      if (v !== undefined && v !== null) putValue(ws, first + i, 1 + c, v as string | number, numFmtOf(spec));
      else cell.numFmt = numFmtOf(spec);
      cell.font = inputFont;
      cell.fill = inputFill;
      cell.border = inputBorder;
      const dv = validation(spec, f.label);
      if (dv) cell.dataValidation = { ...dv, allowBlank: true };
    });
  }
  wb.definedNames.add(onSheet(SHEETS.assumptions, `${a1(1, first, true)}:${a1(BASE_FIELDS.length, first + rows - 1, true)}`), BASE_COHORTS_NAME);
  // With segments (spec §2.3) each cohort names its segment, in a column of its own
  // beside the table (the table's name keeps its five columns, as before segments).
  const segments = m.segments ?? [];
  if (segments.length) {
    const col = BASE_SEGMENT_COL;
    headers(ws, head, col, ['Segment (id)']);
    ws.getColumn(col).width = Math.max(ws.getColumn(col).width ?? 0, 16);
    for (let i = 0; i < rows; i++) {
      const cell = ws.getCell(first + i, col);
      const v = cohorts[i]?.segment;
      if (v !== undefined) putValue(ws, first + i, col, v, '@');
      else cell.numFmt = '@';
      cell.font = inputFont;
      cell.fill = inputFill;
      cell.border = inputBorder;
      cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'stop', formulae: [`"${segments.map((x) => x.id).join(',')}"`], errorTitle: 'Segment', error: fitText(`The id of one of the segments below: ${segments.map((x) => x.id).join(', ')}.`, OFFICE_LIMITS.validationText) };
    }
    wb.definedNames.add(onSheet(SHEETS.assumptions, `${a1(col, first, true)}:${a1(col, first + rows - 1, true)}`), BASE_SEGMENT_NAME);
  }
  return first;
}
