// Opening: a workbook back into the model (issue #3). Inputs are found by their
// workbook-level names, or by the key column of the Assumptions sheet when a
// tool dropped the names; everything is validated by the core's rules and either
// the whole model opens or nothing does, with every problem at its cell.
import type * as ExcelJSNs from 'exceljs';
import { ACQUISITION_INPUTS, GENERAL_INPUTS, JOURNEY_INPUTS, LANE_FIELDS, LANE_LEVER_FIELD, SEGMENT_FIELDS, type InputKind } from '../model/catalog';
import { parseModel } from '../model/validate';
import { scenarioNameTextProblems } from '../model/scenarios';
import { zipSync } from 'fflate';
import { inspectWorkbookBytes, type InspectedWorkbook } from './check-bytes';
import { ExcelJS } from './write-workbook';
import { a1, NEW_CUSTOMERS_NAME, nameOfKey, parseA1, SHEETS } from './names';
import { ASSUMPTION_COLS, BASE_COHORTS_NAME, BASE_SEGMENT_NAME, FIRST_YEAR_COL } from './sheets/assumptions';
import { BASE_FIELDS } from '../model/catalog';
import { MAX_RAMP_YEARS } from '../model/ramps';
import { DOCUMENT_LIMITS } from '../document/limits';
import { canonicalInput, formatKey, inputPath, isRampableKey, parsed } from '../document/keys';
import { readActualsXml } from './sheets/actuals';
import { readRanges } from './sheets/ranges';
import { SIGNAL_INPUTS } from './sheets/signals';
import { META_ROWS, SCHEMA_VERSION } from './sheets/metadata';
import { choiceFromText, choiceWords } from './choices';
import type { WorkbookProblem, WorkbookRead } from './types';

/** One input as found in the workbook; a ramp's yearly cells in `years`. */
interface RawInput { key: string; where: string; value: unknown; years?: { where: string; value: unknown }[] }
/** One row of the installed base's table, by field. */
type RawCohort = Record<string, { where: string; value: unknown }>;

/** What a schema version holds before it becomes a model: migrations rewrite this. */
export interface RawWorkbook {
  inputs: RawInput[]; extras: Record<string, unknown>; base?: RawCohort[];
  /** the cell of the segments' logo-share sum (where `segments.logoShare` problems point) */
  segmentShares?: string;
  /** the readiness signals' cells (spec §12), absent in a workbook whose model has none */
  signals?: { key: string; where: string; value: unknown }[];
}

/**
 * Migrations from schema v to v + 1. Schema 1 is the first, so there are none yet;
 * a change to the layout adds `1: (raw) => …` here and bumps SCHEMA_VERSION.
 */
export const MIGRATIONS: Record<number, (raw: RawWorkbook) => RawWorkbook> = {};

const SCALAR_KINDS = new Map<string, InputKind>([...GENERAL_INPUTS, ...ACQUISITION_INPUTS, ...JOURNEY_INPUTS].map((s) => [s.key, s.kind]));
const LANE_KINDS = new Map<string, InputKind>([['id', 'text'], ...LANE_FIELDS.map((f) => [f.field, f.kind] as [string, InputKind])]);
/** Lane fields a workbook may leave out: the lever label (workbooks saved before it existed have none). */
const OPTIONAL_LANE_FIELDS = new Map<string, InputKind>([['lever', 'enum']]);

/** A choice input's options, by scalar key or lane field. */
const OPTIONS = new Map<string, readonly string[]>([
  ...[...GENERAL_INPUTS, ...ACQUISITION_INPUTS, ...JOURNEY_INPUTS].filter((s) => s.options).map((s) => [s.key, s.options!] as [string, readonly string[]]),
  ...[...LANE_FIELDS, LANE_LEVER_FIELD].filter((f) => f.options).map((f) => [`lanes.*.${f.field}`, f.options!] as [string, readonly string[]]),
]);
/** A segment's key (`segments.ent.journey.renewal.rate`): the segment's id and the plain key or field it names; null for any other key. */
function segmentKey(key: string): { id: string; field: string; own: boolean } | null {
  const k = parsed(key);
  if (!k || k.segment === null || k.year !== null) return null;
  return { id: k.segment, field: formatKey({ ...k, segment: null }), own: k.target.kind === 'segmentField' };
}

/** The most segments a model has (spec §2.3). */
const MAX_SEGMENTS = 8;
const SEGMENT_KINDS = new Map<string, InputKind>(SEGMENT_FIELDS.map((f) => [f.field, f.kind]));

const optionsOf = (key: string): readonly string[] => {
  // a ramp's yearly path (`lanes.modules.acv[1]`) takes its input's options, a segment's override its input's
  const seg = segmentKey(key.replace(/\[\d+\]$/, ''));
  if (seg) return seg.own ? [] : optionsOf(seg.field);
  const t = parsed(key)?.target;
  return (t?.kind === 'input' ? OPTIONS.get(t.key) : t?.kind === 'lane' ? OPTIONS.get(`lanes.*.${t.field}`) : undefined) ?? [];
};

/** The kind of the input a key-column cell names, in the shared grammar (shared/document/keys.ts); null for a key no model has. */
function kindOf(key: string): InputKind | null {
  const seg = segmentKey(key);
  if (seg) return seg.own ? SEGMENT_KINDS.get(seg.field) ?? null : kindOf(seg.field);
  const t = canonicalInput(key)?.target;
  switch (t?.kind) {
    case 'input': return SCALAR_KINDS.get(t.key) ?? null;
    case 'newLogos': return 'count';
    case 'stage': return t.field === 'name' ? 'text' : 'rate';
    case 'lane': return LANE_KINDS.get(t.field) ?? OPTIONAL_LANE_FIELDS.get(t.field) ?? null;
    default: return null;
  }
}

/** The lane id a key-column key names (`lanes.modules.acv` → modules), or null. */
const laneIdOf = (key: string): string | null => {
  const k = parsed(key);
  const t = k?.segment === null ? k.target : undefined;
  return t?.kind === 'lane' && 'id' in t.ref ? t.ref.id : null;
};

/** The cells of a name over part of one row (a ramp's yearly cells), or null. */
function rowCellsOfName(wb: ExcelJSNs.Workbook, name: string): { sheet: string; col: number; row: number }[] | null {
  const ranges = wb.definedNames.getRanges(name).ranges;
  if (ranges.length !== 1) return null;
  const [sheetPart, ref] = ranges[0]!.split('!') as [string, string | undefined];
  if (!ref || !ref.includes(':')) return null;
  const sheet = sheetPart.replace(/^'|'$/g, '').replace(/''/g, "'");
  const [from, to] = ref.split(':').map(parseA1);
  if (!from || !to || from.row !== to.row || to.col < from.col || to.col - from.col >= MAX_RAMP_YEARS) return null;
  return Array.from({ length: to.col - from.col + 1 }, (_, i) => ({ sheet, col: from.col + i, row: from.row }));
}

const isBlank = (v: ExcelJSNs.CellValue) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const unreadable = (error: string): WorkbookRead => ({ ok: false, kind: 'unreadable', error });
const shown = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : String(x));
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A cell's value as the model wants it, with a note when it had to be interpreted. */
function convert(raw: ExcelJSNs.CellValue, kind: InputKind, where: string, key: string, notes: string[]): unknown {
  let v: unknown = raw;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // ExcelJS 4.4 drops a cached result of 0, so a missing result is read as 0 only when the formula says so.
      const result = o.result ?? (/^\s*=?\s*0(\.0*)?\s*$/.test(typeof o.formula === 'string' ? o.formula : '') ? 0 : undefined);
      if (result === undefined) return { formulaWithoutValue: true };
      const val = typeof result === 'object' && result !== null && 'error' in result ? `${(result as { error: string }).error}` : result;
      notes.push(`${where} (${key}): a formula was typed here; its value ${shown(val)} was used`);
      v = result;
    } else if ('richText' in o) v = (o.richText as { text: string }[]).map((t) => t.text).join('');
    else if ('text' in o) v = o.text;
    else if ('error' in o) return { error: o.error };
  }
  if (v !== null && typeof v === 'object' && 'error' in (v)) return { error: (v as { error: string }).error };
  const numeric = kind !== 'text' && kind !== 'enum' && kind !== 'yearMonth';
  if (numeric && typeof v === 'string') {
    const s = v.trim();
    if (kind === 'rate' && /%$/.test(s) && NUMBER.test(s.slice(0, -1))) {
      notes.push(`${where} (${key}): the text ${shown(v)} was read as ${Number(s.slice(0, -1))}%`);
      return Number(s.slice(0, -1)) / 100;
    }
    if (NUMBER.test(s)) {
      notes.push(`${where} (${key}): the text ${shown(v)} was read as the number ${Number(s)}`);
      return Number(s);
    }
    return v;
  }
  if (!numeric) {
    if (v instanceof Date && kind === 'yearMonth') {
      const ym = `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
      notes.push(`${where} (${key}): a date was typed here; it was read as the month ${ym}`);
      return ym;
    }
    if (typeof v === 'number') return String(v);
    // A choice cell holds its words ("First value"); workbooks saved before issue 12 the identifier.
    if (kind === 'enum' && typeof v === 'string') return choiceFromText(v, optionsOf(key)) ?? v;
  }
  return v;
}

/** Why a converted cell value cannot be an input, or null when it can. */
function cellProblem(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return 'is empty';
  if (typeof value === 'object' && 'formulaWithoutValue' in value) return 'holds a formula with no saved value: type the value itself';
  if (typeof value === 'object' && 'error' in value) return `shows the error ${String(value.error)}`;
  return null;
}

function cellOfName(wb: ExcelJSNs.Workbook, name: string): { sheet: string; col: number; row: number }[] | null {
  const ranges = wb.definedNames.getRanges(name).ranges;
  if (ranges.length !== 1) return null;
  const [sheetPart, ref] = ranges[0]!.split('!') as [string, string | undefined];
  if (!ref) return null;
  const sheet = sheetPart.replace(/^'|'$/g, '').replace(/''/g, "'");
  const [from, to] = ref.split(':').map(parseA1);
  if (!from) return null;
  const end = to ?? from;
  if (end.col !== from.col || end.row - from.row > 1000) return null;
  return Array.from({ length: end.row - from.row + 1 }, (_, i) => ({ sheet, col: from.col, row: from.row + i }));
}

function readMetadata(wb: ExcelJSNs.Workbook, notes: string[]): { version: number; extras: Record<string, unknown> } | string {
  const meta = wb.getWorksheet(SHEETS.meta);
  if (!meta) {
    notes.push(`the workbook has no "${SHEETS.meta}" sheet: read as a schema-${SCHEMA_VERSION} Bowtie workbook without saved scenarios or settings`);
    return { version: SCHEMA_VERSION, extras: {} };
  }
  const rawVersion = meta.getCell(META_ROWS.schema, 2).value;
  const version = typeof rawVersion === 'number' ? rawVersion : Number(rawVersion);
  if (!Number.isInteger(version) || version < 1) return `the "${SHEETS.meta}" sheet is damaged (schema version ${shown(rawVersion)})`;
  if (version > SCHEMA_VERSION) {
    const app = meta.getCell(META_ROWS.app, 2).value;
    return `this workbook was saved by a newer Bowtie${app ? ` (${typeof app === 'object' ? JSON.stringify(app) : String(app)})` : ''} in file format ${version}; this version reads format ${SCHEMA_VERSION} and older: update Bowtie to open it`;
  }
  let json = '';
  const row = meta.getRow(META_ROWS.extras);
  for (let c = 2; c <= row.cellCount; c++) {
    const v = row.getCell(c).value;
    if (typeof v === 'string') json += v;
  }
  let extras: Record<string, unknown> = {};
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) extras = parsed as Record<string, unknown>;
      else notes.push('the saved scenarios and settings were not an object and were left out');
    } catch {
      notes.push('the saved scenarios and settings are damaged and were left out; the model itself opened');
    }
  }
  return { version, extras };
}

/**
 * The workbook as ExcelJS gets it: only the parts the pre-scan checked and the
 * reader needs (READER_PARTS: no drawings, media, comments, tables or sheet
 * relationships), every sheet but Assumptions and the metadata sheet empty.
 * Faster (the formula sheets are most of the file) and less for a hostile file
 * to aim at. Stored, not deflated: the zip only lives in memory.
 */
const onlyWhatBowtieReads = ({ files }: InspectedWorkbook): Uint8Array => zipSync(files, { level: 0 });

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookRead> {
  const inspected = inspectWorkbookBytes(bytes);
  if ('error' in inspected) return unreadable(inspected.error);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(onlyWhatBowtieReads(inspected) as unknown as ExcelJSNs.Buffer);
  } catch (e) {
    return unreadable(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const notes: string[] = [];
  const meta = readMetadata(wb, notes);
  if (typeof meta === 'string') return unreadable(meta);
  const ws = wb.getWorksheet(SHEETS.assumptions);
  if (!ws) return unreadable(`not a Bowtie workbook: it has no "${SHEETS.assumptions}" sheet`);

  // Keys from the key column, in row order; each input's cell from its name when the name still points at one.
  const keyed: { key: string; row: number }[] = [];
  let segmentShares: string | undefined;
  const signalRows = new Map<string, number>();
  ws.eachRow((row, r) => {
    const key = row.getCell(ASSUMPTION_COLS.key).value;
    if (typeof key === 'string' && key.trim().startsWith('signals.') && !signalRows.has(key.trim())) signalRows.set(key.trim(), r);
    if (typeof key === 'string' && kindOf(key.trim())) keyed.push({ key: key.trim(), row: r });
    if (typeof key === 'string' && key.trim() === 'segments.logoShare') segmentShares = `${SHEETS.assumptions}!${a1(FIRST_YEAR_COL, r)}`;
  });
  // segments by first appearance: a name clash between ids (Excel names ignore case) names them by position
  const segmentIds: string[] = [];
  const isYear = (key: string) => parsed(key)?.target.kind === 'newLogos';
  const yearCount = keyed.filter((k) => isYear(k.key)).length;
  const named = cellOfName(wb, NEW_CUSTOMERS_NAME);
  // The list's name is used only while it still covers exactly the year rows.
  const yearCells = named && named.length === yearCount && named.every((c) => c.sheet === SHEETS.assumptions) ? named : null;
  const inputs: RawInput[] = [];
  const laneIds: string[] = [];
  let yearIndex = 0;
  for (const { key: k, row: r } of keyed) {
    const t = parsed(k)!.target;
    const lane = laneIdOf(k);
    if (lane !== null && !laneIds.includes(lane) && laneIds.length <= DOCUMENT_LIMITS.lanes) laneIds.push(lane);
    let cell = { sheet: SHEETS.assumptions as string, col: ASSUMPTION_COLS.value as number, row: r };
    const candidates = [nameOfKey(k)];
    if (lane !== null && t.kind === 'lane') candidates.push(`lanes_${laneIds.indexOf(lane)}_${t.field}`);
    const seg = segmentKey(k);
    if (seg) {
      if (!segmentIds.includes(seg.id)) segmentIds.push(seg.id);
      candidates.push(`segments_${segmentIds.indexOf(seg.id)}_${nameOfKey(seg.field)}`);
    }
    if (isYear(k)) cell = yearCells?.[yearIndex++] ?? cell;
    else {
      // A ramp (spec §2.1): its name covers the row of yearly cells; blanks after the last year end it.
      const years = isRampableKey(k) ? candidates.map((name) => rowCellsOfName(wb, name)).find((c) => c && c.every((x) => x.sheet === SHEETS.assumptions)) : null;
      if (years) {
        let n = years.length;
        while (n > 0 && isBlank(ws.getCell(years[n - 1]!.row, years[n - 1]!.col).value)) n--;
        const cells = years.slice(0, Math.max(n, 1));
        inputs.push({ key: k, where: `${SHEETS.assumptions}!${a1(cells[0]!.col, cells[0]!.row)}`, value: null, years: cells.map((c) => ({ where: `${SHEETS.assumptions}!${a1(c.col, c.row)}`, value: ws.getCell(c.row, c.col).value })) });
        continue;
      }
      for (const name of candidates) {
        const c = cellOfName(wb, name);
        if (c && c.length === 1 && c[0]!.sheet === SHEETS.assumptions) { cell = c[0]!; break; }
      }
    }
    inputs.push({ key: k, where: `${SHEETS.assumptions}!${a1(cell.col, cell.row)}`, value: ws.getCell(cell.row, cell.col).value });
  }
  if (!inputs.length) return unreadable(`not a Bowtie workbook: the "${SHEETS.assumptions}" sheet lists no inputs`);

  const signals = readSignals(wb, ws, signalRows);
  let raw: RawWorkbook = { inputs, extras: meta.extras, base: readBase(wb, ws), ...(segmentShares ? { segmentShares } : {}), ...(signals.length ? { signals } : {}) };
  for (let v = meta.version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return unreadable(`no migration from file format ${v}`);
    raw = step(raw);
  }
  const read = toModel(raw, notes);
  if (read.ok) {
    // The Ranges sheet's named cells (spec §11), checked against the model just read.
    const ranges = readRanges(wb, read.inputs);
    if (ranges && !ranges.ok) return { ok: false, kind: 'invalid', problems: ranges.problems };
    if (ranges) read.ranges = { ranges: ranges.ranges, simulation: ranges.simulation };
  }
  if (read.ok && inspected.actualsXml !== undefined) {
    const actuals = readActualsXml(inspected.actualsXml, inspected.files['xl/sharedStrings.xml']);
    if (typeof actuals === 'string') notes.push(`the ${SHEETS.actuals} sheet could not be read (${actuals}) and was left out; the model itself opened`);
    else read.actuals = actuals;
  }
  return read;
}

/** The installed base's table (spec §2.2) by its name; rows left blank are not cohorts. Absent in workbooks saved before it existed. */
function readBase(wb: ExcelJSNs.Workbook, ws: ExcelJSNs.Worksheet): RawCohort[] | undefined {
  const ranges = wb.definedNames.getRanges(BASE_COHORTS_NAME).ranges;
  if (ranges.length !== 1) return undefined;
  const [sheetPart, ref] = ranges[0]!.split('!') as [string, string | undefined];
  if (!ref || sheetPart.replace(/^'|'$/g, '') !== SHEETS.assumptions) return undefined;
  const [from, to] = ref.split(':').map(parseA1);
  if (!from || !to || to.col - from.col + 1 !== BASE_FIELDS.length || to.row < from.row || to.row - from.row >= 1000) return undefined;
  // With segments, each cohort's segment id in the column its own name covers, row for row.
  const seg = cellOfName(wb, BASE_SEGMENT_NAME);
  const segCol = seg && seg.length === to.row - from.row + 1 && seg.every((c, i) => c.sheet === SHEETS.assumptions && c.col === seg[0]!.col && c.row === from.row + i) ? seg[0]!.col : null;
  const out: RawCohort[] = [];
  for (let r = from.row; r <= to.row; r++) {
    const cells: { field: string; where: string; value: ExcelJSNs.CellValue }[] = BASE_FIELDS.map((f, i) => ({ field: f.field, where: `${SHEETS.assumptions}!${a1(from.col + i, r)}`, value: ws.getCell(r, from.col + i).value }));
    if (cells.every((c) => isBlank(c.value))) continue;
    if (segCol !== null) cells.push({ field: 'segment', where: `${SHEETS.assumptions}!${a1(segCol, r)}`, value: ws.getCell(r, segCol).value });
    out.push(Object.fromEntries(cells.map((c) => [c.field, { where: c.where, value: c.value }])));
  }
  return out;
}

/** The readiness signals' cells (spec §12): by name while it points at one Assumptions cell, else by the key column's row. */
function readSignals(wb: ExcelJSNs.Workbook, ws: ExcelJSNs.Worksheet, keyRows: Map<string, number>): NonNullable<RawWorkbook['signals']> {
  const out: NonNullable<RawWorkbook['signals']> = [];
  for (const { key } of SIGNAL_INPUTS) {
    const named = cellOfName(wb, nameOfKey(key));
    const row = keyRows.get(key);
    const cell = named && named.length === 1 && named[0]!.sheet === SHEETS.assumptions ? named[0]! : row !== undefined ? { col: ASSUMPTION_COLS.value as number, row } : null;
    if (cell) out.push({ key, where: `${SHEETS.assumptions}!${a1(cell.col, cell.row)}`, value: ws.getCell(cell.row, cell.col).value });
  }
  return out;
}

/**
 * The signals group from its cells, each problem at its cell; all of them must be
 * there (a missing one is never filled with a default). Undefined: the model has none.
 */
function signalsOf(raw: RawWorkbook, where: Map<string, string>, problems: WorkbookProblem[], notes: string[]): Record<string, unknown> | undefined {
  if (!raw.signals?.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const input of SIGNAL_INPUTS) {
    const cell = raw.signals.find((c) => c.key === input.key);
    if (!cell) { problems.push({ where: SHEETS.assumptions, path: input.key, message: 'is missing from the Assumptions sheet' }); continue; }
    where.set(input.key, cell.where);
    // every weight's problem "at least one signal must have a weight above 0" points at the first weight
    if (!where.has('signals')) where.set('signals', cell.where);
    const value = convert(cell.value as ExcelJSNs.CellValue, input.kind, cell.where, input.key, notes);
    const problem = cellProblem(value);
    if (problem) { problems.push({ where: cell.where, path: input.key, message: problem }); continue; }
    const [, id, field] = input.key.split('.') as [string, string, string | undefined];
    if (field === undefined) out[id] = value;
    else ((out[id] ??= {}) as Record<string, unknown>)[field] = value;
  }
  return out;
}

function pastLimits(key: string, lanes: Map<string, unknown>): string | null {
  const t = parsed(key)?.target;
  if (t?.kind === 'newLogos' && t.index >= DOCUMENT_LIMITS.years) return `is past the last year a model can have (${DOCUMENT_LIMITS.years} years of new logos)`;
  if (t?.kind === 'stage' && t.index >= DOCUMENT_LIMITS.funnelStages) return `is past the last funnel stage a model can have (${DOCUMENT_LIMITS.funnelStages} stages)`;
  const lane = laneIdOf(key);
  if (lane !== null && !lanes.has(lane) && lanes.size >= DOCUMENT_LIMITS.lanes) return `is one lane too many: a model has at most ${DOCUMENT_LIMITS.lanes} lanes`;
  return null;
}

function toModel(raw: RawWorkbook, notes: string[]): WorkbookRead {
  const problems: WorkbookProblem[] = [];
  const where = new Map<string, string>();
  const general: Record<string, unknown> = {};
  const acquisition: Record<string, unknown> = {};
  const journey: Record<string, unknown> = {};
  const years: unknown[] = [];
  const funnel: Record<string, unknown>[] = [];
  const lanes = new Map<string, Record<string, unknown>>();
  /** segments by id, in the order the sheet lists them (spec §2.3) */
  const segments = new Map<string, Record<string, unknown> & { overrides: Record<string, unknown> }>();
  const seen = new Set<string>();

  for (const input of raw.inputs) {
    const kind = kindOf(input.key)!;
    if (seen.has(input.key)) { problems.push({ where: input.where, path: input.key, message: 'appears twice on the Assumptions sheet' }); continue; }
    // The key column is the file's word: an index or a lane past the model's limits is refused
    // before it can size a list (`newCustomersByYear[4294967294]` would make one of 4 billion).
    const past = pastLimits(input.key, lanes);
    if (past) { problems.push({ where: input.where, path: input.key, message: past }); continue; }
    const seg = segmentKey(input.key);
    if (seg && !segments.has(seg.id) && segments.size >= MAX_SEGMENTS) { problems.push({ where: input.where, path: input.key, message: `is one segment too many: a model has at most ${MAX_SEGMENTS} segments` }); continue; }
    seen.add(input.key);
    where.set(input.key, input.where);
    const read = (cell: unknown, at: string, path: string): { ok: true; value: unknown } | { ok: false } => {
      const value = convert(cell as ExcelJSNs.CellValue, kind, at, path, notes);
      where.set(path, at);
      const problem = cellProblem(value);
      if (problem) { problems.push({ where: at, path, message: problem }); return { ok: false }; }
      // A choice that names none of its options is named in the words of the cell's list.
      const options = kind === 'enum' ? optionsOf(path) : [];
      if (options.length && !options.includes(value as string)) { problems.push({ where: at, path, message: `must be one of ${choiceWords(options)}, got ${shown(value)}` }); return { ok: false }; }
      return { ok: true, value };
    };
    if (seg) {
      const entry = segments.get(seg.id) ?? { overrides: {} };
      segments.set(seg.id, entry);
      // An override left blank (every year of a ramp blank) inherits the model's value.
      const cells = input.years ?? [{ where: input.where, value: input.value }];
      if (!seg.own && cells.every((c) => isBlank(c.value as ExcelJSNs.CellValue))) continue;
      let value: unknown;
      if (input.years) {
        const years = input.years.map((y, i) => read(y.value, y.where, `${input.key}[${i}]`));
        // an override's ramp of one year is the value itself (§2.3 gives a ramp whole; one year is a constant)
        value = !years.every((y) => y.ok) ? undefined : years.length === 1 && !seg.own ? (years[0] as { value: unknown }).value : years.map((y) => (y as { value: unknown }).value);
        if (years.length === 1) where.set(input.key, input.years[0]!.where);
      } else {
        const one = read(input.value, input.where, input.key);
        value = one.ok ? one.value : undefined;
      }
      if (value === undefined) continue;
      if (seg.own) entry[seg.field] = value;
      else entry.overrides[seg.field] = value;
      continue;
    }
    let value: unknown;
    if (input.years) {
      // A ramp row reads back as the list it holds, a list of one year included:
      // the writer gives a row only to a list, so a save and reopen changes nothing.
      const years = input.years.map((y, i) => read(y.value, y.where, `${input.key}[${i}]`));
      const values = years.map((y) => (y.ok ? y.value : undefined));
      // A cell with a problem still fills its place, so it is not reported "missing" as well.
      value = !years.every((y) => y.ok) ? undefined : values;
      if (values.length === 1) where.set(input.key, input.years[0]!.where);
    } else {
      const one = read(input.value, input.where, input.key);
      // A cell with a problem still fills its place, so it is not reported "missing" as well.
      value = one.ok ? one.value : undefined;
    }
    // Where the value goes, by what the key names (kindOf let only canonical input keys this far).
    const t = canonicalInput(input.key)!.target;
    const parts = t.kind === 'input' ? inputPath(t) : [];
    if (t.kind === 'newLogos') years[t.index] = value;
    else if (t.kind === 'stage') (funnel[t.index] ??= {})[t.field] = value;
    else if (t.kind === 'lane' && 'id' in t.ref) {
      if (!lanes.has(t.ref.id)) lanes.set(t.ref.id, {});
      lanes.get(t.ref.id)![t.field] = value;
    } else if (parts[0] === 'general') general[parts[1]!] = value;
    else if (parts[0] === 'acquisition') acquisition[parts[1]!] = value;
    else if (parts.length === 2) journey[parts[1]!] = value;
    else ((journey[parts[1]!] ??= {}) as Record<string, unknown>)[parts[2]!] = value;
  }

  // Everything the model needs must be on the sheet: a missing input is never filled with a default.
  for (const key of SCALAR_KINDS.keys()) if (!seen.has(key)) problems.push({ where: SHEETS.assumptions, path: key, message: 'is missing from the Assumptions sheet' });
  if (!years.length) problems.push({ where: SHEETS.assumptions, path: 'acquisition.newCustomersByYear', message: 'is missing from the Assumptions sheet' });
  for (let i = 0; i < years.length; i++) if (!(i in years)) problems.push({ where: SHEETS.assumptions, path: `acquisition.newCustomersByYear[${i}]`, message: 'is missing from the Assumptions sheet' });
  for (let i = 0; i < funnel.length; i++) for (const f of ['name', 'rate']) if (!funnel[i] || !(f in funnel[i]!)) problems.push({ where: SHEETS.assumptions, path: `acquisition.funnel[${i}].${f}`, message: 'is missing from the Assumptions sheet' });
  for (const [id, lane] of lanes) for (const f of LANE_KINDS.keys()) if (!(f in lane)) problems.push({ where: SHEETS.assumptions, path: `lanes.${id}.${f}`, message: 'is missing from the Assumptions sheet' });
  for (const id of segments.keys()) for (const f of SEGMENT_KINDS.keys()) if (!seen.has(`segments.${id}.${f}`)) problems.push({ where: SHEETS.assumptions, path: `segments.${id}.${f}`, message: 'is missing from the Assumptions sheet' });
  if (raw.segmentShares) where.set('segments.logoShare', raw.segmentShares);
  const signals = signalsOf(raw, where, problems, notes);
  // The base's table: each non-blank row a cohort, a blank adopter share the implied one.
  const cohorts = (raw.base ?? []).map((row, i) => {
    const cohort: Record<string, unknown> = {};
    for (const f of BASE_FIELDS) {
      const cell = row[f.field]!;
      const path = `base.cohorts[${i}].${f.field}`;
      where.set(path, cell.where);
      if (isBlank(cell.value as ExcelJSNs.CellValue)) {
        if (f.field === 'adopterShare') cohort[f.field] = null;
        else problems.push({ where: cell.where, path, message: 'is empty' });
        continue;
      }
      const v = convert(cell.value as ExcelJSNs.CellValue, f.kind, cell.where, path, notes);
      if (typeof v === 'object' && v !== null) { problems.push({ where: cell.where, path, message: 'formulaWithoutValue' in v ? 'holds a formula with no saved value: type the value itself' : `shows the error ${String((v as { error: unknown }).error)}` }); continue; }
      cohort[f.field] = v;
    }
    // With segments, the cohort's segment: its id (or, typed by hand, its name in any case).
    const seg = row.segment;
    if (seg) {
      const path = `base.cohorts[${i}].segment`;
      where.set(path, seg.where);
      const text = seg.value === null || seg.value === undefined ? '' : typeof seg.value === 'object' ? convert(seg.value as ExcelJSNs.CellValue, 'text', seg.where, path, notes) : seg.value;
      if (typeof text === 'string' && text.trim() !== '') {
        const id = text.trim();
        const byName = segments.has(id) ? null : [...segments.entries()].find(([, s]) => typeof s.name === 'string' && s.name.toLowerCase() === id.toLowerCase())?.[0];
        if (byName) notes.push(`${seg.where} (${path}): the segment's name "${id}" was read as its id ${byName}`);
        cohort.segment = byName ?? id;
      } else if (typeof text === 'number') cohort.segment = String(text);
    }
    return cohort;
  });
  if (problems.length) return { ok: false, kind: 'invalid', problems };

  // A lane without a lever row has none (workbooks saved before levers existed open unchanged).
  const laneList = [...lanes.values()].map((l) => ('lever' in l ? l : { ...l, lever: null }));
  const segmentList = [...segments].map(([id, s]) => ({ id, name: s.name, logoShare: s.logoShare, overrides: s.overrides }));
  const parsed = parseModel({ general, acquisition: { ...acquisition, newCustomersByYear: years, funnel }, journey, lanes: laneList, base: { cohorts }, ...(segmentList.length ? { segments: segmentList } : {}), ...(signals ? { signals } : {}) });
  if (parsed.ok) {
    // A saved scenario's name is text like the model's: one with a control character is refused at its place.
    const names = scenarioNameTextProblems(raw.extras.scenarios);
    if (names.length) return { ok: false, kind: 'invalid', problems: names.map((p) => ({ where: SHEETS.meta, ...p })) };
    return { ok: true, inputs: parsed.value, extras: raw.extras, notes };
  }

  // Problems name canonical keys by the lane's id as read (or its position): point each at its cell.
  const savedIds = [...lanes.keys()];
  laneList.forEach((lane, i) => {
    for (const f of [...LANE_KINDS.keys(), ...OPTIONAL_LANE_FIELDS.keys()]) {
      for (const suffix of ['', ...Array.from({ length: MAX_RAMP_YEARS }, (_, y) => `[${y}]`)]) {
        const cell = where.get(`lanes.${savedIds[i]}.${f}${suffix}`);
        if (!cell) continue;
        where.set(`lanes[${i}].${f}${suffix}`, cell);
        if (typeof lane.id === 'string') where.set(`lanes.${lane.id}.${f}${suffix}`, cell);
      }
    }
  });
  return {
    ok: false,
    kind: 'invalid',
    problems: parsed.problems.map((p) => ({ where: where.get(p.path) ?? SHEETS.assumptions, path: p.path, message: p.message })),
  };
}
