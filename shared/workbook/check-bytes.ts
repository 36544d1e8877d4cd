// The pre-scan of an untrusted .xlsx before ExcelJS sees it (issue #3). ExcelJS
// 4.4.0 inflates every zip entry in full and expands row numbers, sheet ids,
// data-validation ranges, merges and image anchors into loops or arrays, so a
// small hostile file can exhaust memory or time (its open DoS advisories). Here
// the zip directory is parsed by hand, each entry is inflated with a hard cap on
// its real (not declared) size, and the XML is scanned for absurd numbers.
import { Inflate, strFromU8 } from 'fflate';

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
  /** cells covered by all data validations (or merges) of one sheet */
  validationCells: 100_000,
  mergeCells: 100_000,
} as const;

const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);

interface Entry { name: string; method: number; compressed: number; size: number; offset: number }

class Refusal extends Error {}
const refuse = (msg: string): never => { throw new Refusal(msg); };

function directory(b: Uint8Array): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 65535);
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop) refuse('the file is damaged or truncated: the zip directory at its end is missing');
  const count = u16(b, e + 10);
  const dirSize = u32(b, e + 12);
  let p = u32(b, e + 16);
  if (count === 0xffff || p === 0xffffffff) refuse('the workbook uses zip64, which a Bowtie workbook never needs');
  if (count > LIMITS.entries) refuse(`the zip has ${count} entries; a workbook Bowtie reads has at most ${LIMITS.entries}`);
  if (p + dirSize > e) refuse('the file is damaged or truncated: the zip directory points past its end');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) refuse('the file is damaged or truncated: a zip directory entry is broken');
    const nameLen = u16(b, p + 28), extra = u16(b, p + 30), comment = u16(b, p + 32);
    const name = strFromU8(b.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method: u16(b, p + 10), compressed: u32(b, p + 20), size: u32(b, p + 24), offset: u32(b, p + 42) });
    p += 46 + nameLen + extra + comment;
  }
  return entries;
}

/** Inflate one entry, stopping as soon as it passes `cap` bytes. */
function inflateCapped(b: Uint8Array, en: Entry, cap: number): Uint8Array {
  const h = en.offset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) refuse(`the file is damaged or truncated: zip entry ${en.name} is missing`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + en.compressed;
  if (end > b.length) refuse(`the file is damaged or truncated: zip entry ${en.name} runs past the end of the file`);
  const data = b.subarray(start, end);
  if (en.method === 0) {
    if (data.length > cap) refuse(`zip entry ${en.name} is ${data.length} bytes; at most ${cap} are allowed`);
    return data;
  }
  if (en.method !== 8) refuse(`zip entry ${en.name} uses compression method ${en.method}; workbooks use deflate`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += 65536) inf.push(data.subarray(i, Math.min(i + 65536, data.length)), i + 65536 >= data.length);
  } catch {
    refuse(`the file is damaged or truncated: zip entry ${en.name} does not decompress`);
  }
  if (over) refuse(`zip entry ${en.name} expands to more than ${Math.round(cap / 1048576)} MB (${en.compressed} bytes compressed): a zip bomb or not a Bowtie workbook`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

const colNum = (letters: string) => { let n = 0; for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64; return n; };

function rangeCells(ref: string): number {
  let total = 0;
  for (const part of ref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,4})?\$?(\d{1,10})?(?::\$?([A-Z]{1,4})?\$?(\d{1,10})?)?$/.exec(part.toUpperCase());
    if (!m || !part.includes(':')) { total += 1; continue; }
    // A1:B2, A:A (whole columns) or 1:1 (whole rows)
    const c1 = m[1] ? colNum(m[1]) : 1, r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] ? colNum(m[3]) : LIMITS.maxCol, r2 = m[4] ? Number(m[4]) : LIMITS.maxRow;
    total += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return total;
}

function scanSheet(name: string, xml: string): void {
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) if (Number(m[1]) > LIMITS.maxRow) refuse(`${name} has a row numbered ${m[1]}; a sheet has at most ${LIMITS.maxRow} rows`);
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"/g)) {
    if (Number(m[2]) > LIMITS.maxRow) refuse(`${name} has a cell in row ${m[2]}; a sheet has at most ${LIMITS.maxRow} rows`);
    if (m[1]!.length > 3 || colNum(m[1]!) > LIMITS.maxCol) refuse(`${name} has a cell in column ${m[1]}; a sheet has at most ${LIMITS.maxCol} columns`);
  }
  for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*?\bmax="(\d+)"/g)) if (Number(m[1]) > LIMITS.maxCol) refuse(`${name} declares column ${m[1]}; a sheet has at most ${LIMITS.maxCol} columns`);
  let validated = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref="([^"]*)"/g)) validated += rangeCells(m[1]!);
  if (validated > LIMITS.validationCells) refuse(`${name} has data validation over ${validated.toLocaleString('en-US')} cells; Bowtie reads at most ${LIMITS.validationCells.toLocaleString('en-US')} (limit the validation to the input cells)`);
  let merged = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g)) merged += rangeCells(m[1]!);
  if (merged > LIMITS.mergeCells) refuse(`${name} merges ${merged.toLocaleString('en-US')} cells; Bowtie reads at most ${LIMITS.mergeCells.toLocaleString('en-US')}`);
}

function scanDrawing(name: string, xml: string): void {
  for (const m of xml.matchAll(/<(?:\w+:)?(row|col)>(\d+)<\/(?:\w+:)?\1>/g)) {
    const limit = m[1] === 'row' ? LIMITS.maxRow : LIMITS.maxCol;
    if (Number(m[2]) > limit) refuse(`${name} anchors an image at ${m[1]} ${m[2]}; a sheet has at most ${limit} ${m[1]}s`);
  }
}

/** Checks sheet ids; returns relationship id → sheet name. */
function scanWorkbook(xml: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\bsheetId="(\d+)"/.exec(m[0])?.[1];
    if (id && Number(id) > LIMITS.sheetId) refuse(`the workbook lists a sheet with id ${id}; ids go up to ${LIMITS.sheetId}`);
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1], rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid) ids.set(rid, name.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return ids;
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
  /** every entry, inflated (within the limits) */
  files: Record<string, Uint8Array>;
  /** worksheet part path → sheet name */
  sheetNames: Map<string, string>;
}

/** The pre-scan, keeping the inflated entries for the reader. */
export function inspectWorkbookBytes(bytes: Uint8Array): InspectedWorkbook | { error: string } {
  const fail = (error: string) => ({ error });
  try {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('not an .xlsx workbook (the file is not a zip archive)');
    if (bytes.length > LIMITS.fileBytes) return fail(`the file is ${Math.round(bytes.length / 1048576)} MB; Bowtie reads workbooks up to ${LIMITS.fileBytes / 1048576} MB`);
    if (bytes.length < 22) return fail('the file is damaged or truncated (too short for a zip archive)');
    const entries = directory(bytes);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) return fail('not an .xlsx workbook (the zip has no xl/workbook.xml)');
    // workbook.xml and its rels first, so sheets can be named as the user knows them.
    const first = (n: string) => (n === 'xl/workbook.xml' ? 0 : n === 'xl/_rels/workbook.xml.rels' ? 1 : 2);
    const ordered = [...entries].sort((a, b) => first(a.name) - first(b.name));
    const sheetNames = new Map<string, string>();
    let ids = new Map<string, string>();
    const files: Record<string, Uint8Array> = {};
    let total = 0;
    for (const en of ordered) {
      if (en.size > LIMITS.entryBytes) refuse(`zip entry ${en.name} declares ${Math.round(en.size / 1048576)} MB uncompressed; at most ${LIMITS.entryBytes / 1048576} MB are allowed: a zip bomb or not a Bowtie workbook`);
      const data = inflateCapped(bytes, en, Math.min(LIMITS.entryBytes, LIMITS.totalBytes - total));
      total += data.length;
      files[en.name] = data;
      if (data.length > LIMITS.ratioFloorBytes && data.length > LIMITS.ratio * Math.max(1, en.compressed))
        refuse(`zip entry ${en.name} expands ${Math.round(data.length / Math.max(1, en.compressed))}-fold: a zip bomb or not a Bowtie workbook`);
      if (total > LIMITS.totalBytes) refuse(`the workbook expands to more than ${LIMITS.totalBytes / 1048576} MB`);
      if (en.name === 'xl/workbook.xml') ids = scanWorkbook(strFromU8(data));
      else if (en.name === 'xl/_rels/workbook.xml.rels') {
        for (const m of strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)) {
          const id = /\bId="([^"]+)"/.exec(m[0])?.[1], target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
          const name = id ? ids.get(id) : undefined;
          if (name && target) sheetNames.set(`xl/${target.replace(/^\/?xl\//, '')}`, name);
        }
      } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(en.name)) scanSheet(`sheet "${sheetNames.get(en.name) ?? en.name.slice(14)}"`, strFromU8(data));
      else if (/^xl\/drawings\/[^/]+\.xml$/.test(en.name)) scanDrawing(`drawing ${en.name.slice(12)}`, strFromU8(data));
    }
    return { files, sheetNames };
  } catch (e) {
    if (e instanceof Refusal) return fail(e.message);
    return fail(`the file is damaged or truncated (${(e as Error).message})`);
  }
}
