// The pre-scan of an untrusted .xlsx before ExcelJS sees it (issues #3, #9).
// ExcelJS 4.4.0 inflates every zip entry in full and expands row numbers, sheet
// ids, data-validation ranges, merges and defined names into loops or arrays, so
// a small hostile file can exhaust memory or time. Here the zip directory is
// parsed by hand, every entry is inflated against a byte budget, and each part
// ExcelJS will be given is read with a strict tokenizer that decodes attributes
// and text the way its XML parser does; every number ExcelJS loops over is then
// bounded, read the way ExcelJS reads it (scan/cell-ranges.ts). Only the parts
// listed in READER_PARTS ever reach ExcelJS, under their normalised names, and
// of the sheets only Assumptions and the metadata sheet are handed over (and
// scanned) in full: the others are rebuilt on the next save anyway.
import { strFromU8, strToU8 } from 'fflate';
import { SHEETS } from './names';
import { decodeAddress, decodeRange, definedNameRanges, parseIntLikeExcelJS, spanCells, type Span } from './scan/cell-ranges';
import { walkXml, XmlRefusal, type Tag } from './scan/xml-tags';
import { inflateWithBudget, zipDirectory, ZipRefusal } from './scan/zip-entries';

export const LIMITS = {
  /** the file itself */
  fileBytes: 50 * 1024 * 1024,
  entries: 1000,
  /** real uncompressed size of one entry and of all of them */
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 160 * 1024 * 1024,
  /** uncompressed ÷ compressed, for entries big enough for it to matter */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxRow: 1_048_576,
  maxCol: 16_384,
  sheetId: 65_535,
  /** cells of one sheet ExcelJS builds objects for */
  cells: 500_000,
  /**
   * cells of the Actuals sheet, which Bowtie reads itself (scan/sheet-cells.ts), not through ExcelJS:
   * the most it writes (1,200 months with a cohort each, a 720,600-value cohort table) is 738,624
   */
  actualsCells: 750_000,
  /** cells covered by all data validations (or merges) of one sheet */
  validationCells: 100_000,
  mergeCells: 100_000,
  /** column definitions ExcelJS expands, summed over one sheet's <col min max> */
  columnSpans: 4 * 16_384,
  /** cells covered by all defined names of the workbook */
  definedNameCells: 100_000,
} as const;

/** The parts ExcelJS is given (everything else is inflated within the budget, then dropped). */
export const READER_PARTS = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d{1,5}\.xml)$/;

class Refusal extends Error {}
const refuse = (msg: string): never => { throw new Refusal(msg); };
const n = (x: number) => x.toLocaleString('en-US');

function boundedSpan(where: string, what: string, ref: string): Span | null {
  const s = decodeRange(ref);
  if (s && (s.bottom > LIMITS.maxRow || s.top < 1)) refuse(`${where} has ${what} ${JSON.stringify(ref.slice(0, 40))} reaching row ${s.top < 1 ? s.top : s.bottom}; a sheet has rows 1 to ${n(LIMITS.maxRow)}`);
  if (s && (s.right > LIMITS.maxCol || s.left < 1)) refuse(`${where} has ${what} ${JSON.stringify(ref.slice(0, 40))} reaching column ${s.left < 1 ? s.left : s.right}; a sheet has columns 1 to ${n(LIMITS.maxCol)}`);
  return s;
}

function checkRow(where: string, r: string | undefined): void {
  const row = parseIntLikeExcelJS(r);
  if (row !== undefined && !(row >= 1 && row <= LIMITS.maxRow)) refuse(`${where} has a row numbered ${r!.slice(0, 20)}; a sheet has at most ${n(LIMITS.maxRow)} rows`);
}

function scanSheet(where: string, xml: string, maxCells: number = LIMITS.cells, hint = ''): void {
  let cells = 0, validated = 0, merged = 0, columns = 0;
  walkXml(xml, where, ({ local, attrs }: Tag) => {
    if (local === 'row') checkRow(where, attrs.get('r'));
    else if (local === 'c') {
      if (++cells > maxCells) refuse(`${where} has more than ${n(maxCells)} cells; Bowtie reads sheets up to that size${hint}`);
      const r = attrs.get('r');
      if (r !== undefined) {
        const a = decodeAddress(r);
        if (a.row === undefined || a.col === undefined) refuse(`${where} has a cell at ${JSON.stringify(r.slice(0, 20))}, which is not a cell address`);
        if (a.row! > LIMITS.maxRow || a.row! < 1) refuse(`${where} has a cell in row ${a.row}; a sheet has at most ${n(LIMITS.maxRow)} rows`);
        if (a.col! > LIMITS.maxCol) refuse(`${where} has a cell in column ${a.col}; a sheet has at most ${n(LIMITS.maxCol)} columns`);
      }
    } else if (local === 'col') {
      const min = parseIntLikeExcelJS(attrs.get('min') ?? '0')!, max = parseIntLikeExcelJS(attrs.get('max') ?? '0')!;
      for (const v of [min, max]) if (!(v >= 0 && v <= LIMITS.maxCol)) refuse(`${where} declares column ${v}; a sheet has at most ${n(LIMITS.maxCol)} columns`);
      columns += Math.max(0, max - min + 1);
      if (columns > LIMITS.columnSpans) refuse(`${where} declares ${n(columns)} columns; Bowtie reads at most ${n(LIMITS.columnSpans)}`);
    }
    const sqref = attrs.get('sqref'), ref = attrs.get('ref');
    if (local === 'dataValidation' && sqref !== undefined) {
      for (const part of sqref.split(/\s+/)) {
        const s = part && boundedSpan(where, 'a data validation over', part);
        if (s) validated += spanCells(s);
      }
      if (validated > LIMITS.validationCells) refuse(`${where} has data validation over ${n(validated)} cells; Bowtie reads at most ${n(LIMITS.validationCells)} (limit the validation to the input cells)`);
    } else if (local === 'mergeCell' && ref !== undefined) {
      const s = boundedSpan(where, 'a merge of', ref);
      if (s) merged += spanCells(s);
      if (merged > LIMITS.mergeCells) refuse(`${where} merges ${n(merged)} cells; Bowtie reads at most ${n(LIMITS.mergeCells)}`);
    } else {
      // Any other reference (dimension, filter, formula, hyperlink, formatting, selection) stays on the sheet.
      for (const v of [sqref, ref]) if (v) for (const part of v.split(/\s+/)) if (part) boundedSpan(where, 'a reference', part);
    }
  });
}

const PRINT_AREA = '_xlnm.Print_Area', PRINT_TITLES = '_xlnm.Print_Titles';

/** Checks sheet ids and defined names; returns relationship id → sheet name. */
function scanWorkbook(xml: string): Map<string, string> {
  const ids = new Map<string, string>();
  const names = new Set<string>();
  let named = 0;
  let definedName: string | undefined;
  walkXml(xml, 'the workbook part', ({ local, attrs }) => {
    if (local === 'definedName') definedName = attrs.get('name');
    if (local !== 'sheet') return;
    const id = parseIntLikeExcelJS(attrs.get('sheetId'));
    if (id !== undefined && !(id >= 1 && id <= LIMITS.sheetId)) refuse(`the workbook lists a sheet with id ${attrs.get('sheetId')!.slice(0, 20)}; ids go from 1 to ${n(LIMITS.sheetId)}`);
    const name = attrs.get('name'), rid = attrs.get('r:id');
    // Two sheets of one name (Excel compares them case-blind) or one relationship made ExcelJS fail inside ("reading 'Target'").
    if (name !== undefined && names.has(name.toLowerCase())) refuse(`the workbook lists two sheets named ${JSON.stringify(name.slice(0, 40))}; sheet names must differ (open and repair it in Excel)`);
    if (rid !== undefined && ids.has(rid)) refuse(`the workbook lists two sheets for the part ${JSON.stringify(rid.slice(0, 40))}; the file is damaged`);
    if (name !== undefined) names.add(name.toLowerCase());
    if (name !== undefined && rid !== undefined) ids.set(rid, name);
  }, new Set(['definedName']), (_, text) => {
    // ExcelJS turns a print area or print titles into page setup, never into a cell per name
    // (workbook-xform.js reconcile), so only other names count; their bounds are checked all the same.
    const expanded = definedName !== PRINT_AREA && definedName !== PRINT_TITLES;
    for (const range of definedNameRanges(text)) {
      const s = boundedSpan('the workbook', 'a defined name over', range);
      if (s && expanded) named += spanCells(s);
    }
    if (named > LIMITS.definedNameCells) refuse(`the workbook's defined names cover ${n(named)} cells; Bowtie reads at most ${n(LIMITS.definedNameCells)} (a name for a whole sheet is not one Bowtie writes)`);
  });
  return ids;
}

function scanDrawing(where: string, xml: string): void {
  walkXml(xml, where, () => {}, new Set(['row', 'col']), (local, text) => {
    const limit = local === 'row' ? LIMITS.maxRow : LIMITS.maxCol;
    const v = parseIntLikeExcelJS(text);
    if (v !== undefined && v > limit) refuse(`${where} anchors an image at ${local} ${text.trim().slice(0, 20)}; a sheet has at most ${n(limit)} ${local}s`);
  });
}

/**
 * Why these bytes must not reach ExcelJS, or null when they may. Every message
 * is one sentence a user can act on.
 */
export function checkWorkbookBytes(bytes: Uint8Array): string | null {
  const r = inspectWorkbookBytes(bytes);
  return 'error' in r ? r.error : null;
}

export interface InspectedWorkbook {
  /** the parts ExcelJS is given (READER_PARTS), inflated, under normalised names; sheets Bowtie does not read are empty */
  files: Record<string, Uint8Array>;
  /** worksheet part path → sheet name */
  sheetNames: Map<string, string>;
  /** the Actuals sheet's XML, kept out of ExcelJS (its part there is empty) and read by scan/sheet-cells.ts */
  actualsXml?: string;
}

/** The sheets Bowtie reads; every other sheet reaches ExcelJS empty. */
const READ_SHEETS: ReadonlySet<string> = new Set([SHEETS.assumptions, SHEETS.meta, SHEETS.actuals, SHEETS.ranges]);
const EMPTY_SHEET = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');

const isDrawing = (name: string) => /^xl\/drawings\/[^/]+\.xml$/.test(name);

/** The pre-scan, keeping the inflated parts for the reader. */
/** `fullSheets`: the sheets kept whole; 'all' for a file whose sheet names are not Bowtie's (a billing export). */
export function inspectWorkbookBytes(bytes: Uint8Array, fullSheets: ReadonlySet<string> | 'all' = READ_SHEETS): InspectedWorkbook | { error: string } {
  const fail = (error: string) => ({ error });
  try {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('not an .xlsx workbook (the file is not a zip archive)');
    if (bytes.length > LIMITS.fileBytes) return fail(`the file is ${Math.round(bytes.length / 1048576)} MB; Bowtie reads workbooks up to ${LIMITS.fileBytes / 1048576} MB`);
    if (bytes.length < 22) return fail('the file is damaged or truncated (too short for a zip archive)');
    const entries = zipDirectory(bytes, LIMITS.entries);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) return fail('not an .xlsx workbook (the zip has no xl/workbook.xml)');
    // workbook.xml and its rels first, so sheets can be named as the user knows them.
    const first = (x: string) => (x === 'xl/workbook.xml' ? 0 : x === 'xl/_rels/workbook.xml.rels' ? 1 : 2);
    const ordered = [...entries].sort((a, b) => first(a.name) - first(b.name));
    const sheetNames = new Map<string, string>();
    let ids = new Map<string, string>();
    /** a billing export (every sheet read) too big for a sheet fits a CSV */
    const hint = fullSheets === 'all' ? ' (export larger billing data as CSV)' : '';
    const files: Record<string, Uint8Array> = {};
    let total = 0;
    let actualsXml: string | undefined;
    for (const en of ordered) {
      if (en.size > LIMITS.entryBytes) {
        // A big sheet that compresses as XML does is just big (a billing export of a million rows), not a bomb: say so.
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(en.name) && en.size <= LIMITS.ratio * en.compressed) refuse(`sheet ${JSON.stringify(sheetNames.get(en.name) ?? en.name)} is ${Math.round(en.size / 1048576)} MB uncompressed; Bowtie reads sheets of up to ${LIMITS.entryBytes / 1048576} MB${hint}`);
        refuse(`zip entry ${en.name} declares ${Math.round(en.size / 1048576)} MB uncompressed; at most ${LIMITS.entryBytes / 1048576} MB are allowed: a zip bomb or not a Bowtie workbook`);
      }
      const left = LIMITS.totalBytes - total;
      const data = inflateWithBudget(bytes, en, { cap: Math.min(LIMITS.entryBytes, left), ratio: LIMITS.ratio, ratioFloor: LIMITS.ratioFloorBytes });
      total += data.length;
      if (data.length > left) refuse(`the workbook expands to more than ${LIMITS.totalBytes / 1048576} MB`);
      if (en.name === 'xl/workbook.xml') ids = scanWorkbook(strFromU8(data));
      else if (en.name === 'xl/_rels/workbook.xml.rels') {
        walkXml(strFromU8(data), 'the workbook relationships', ({ local, attrs }) => {
          const id = attrs.get('Id'), target = attrs.get('Target');
          const name = id === undefined ? undefined : ids.get(id);
          // Resolved exactly as ExcelJS's workbook reader resolves it.
          if (local === 'Relationship' && name !== undefined && target) sheetNames.set(`xl/${target.replace(/^(\s|\/xl\/)+/, '')}`, name);
        });
      } else if (isDrawing(en.name)) scanDrawing(`drawing ${en.name.slice(12)}`, strFromU8(data));
      if (!READER_PARTS.test(en.name)) continue;
      const sheet = /^xl\/worksheets\//.test(en.name) ? sheetNames.get(en.name) : undefined;
      // A sheet Bowtie does not read is handed over empty, so it is not scanned either.
      if (sheet === undefined && /^xl\/worksheets\//.test(en.name) || sheet !== undefined && fullSheets !== 'all' && !fullSheets.has(sheet)) { files[en.name] = EMPTY_SHEET; continue; }
      if (sheet === SHEETS.actuals && fullSheets !== 'all') {
        actualsXml = strFromU8(data);
        scanSheet(`sheet "${sheet}"`, actualsXml, LIMITS.actualsCells);
        files[en.name] = EMPTY_SHEET;
        continue;
      }
      if (sheet !== undefined) scanSheet(`sheet "${sheet}"`, strFromU8(data), LIMITS.cells, hint);
      else if (en.name !== 'xl/workbook.xml') walkXml(strFromU8(data), en.name, () => {});
      files[en.name] = data;
    }
    return actualsXml === undefined ? { files, sheetNames } : { files, sheetNames, actualsXml };
  } catch (e) {
    if (e instanceof Refusal || e instanceof ZipRefusal || e instanceof XmlRefusal) return fail(e.message);
    return fail(`the file is damaged or truncated (${(e as Error).message})`);
  }
}
