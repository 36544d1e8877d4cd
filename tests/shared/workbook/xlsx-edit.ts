// Editing a saved workbook without Bowtie or ExcelJS: the zip is opened with
// fflate and the sheet XML rewritten by hand, the way a third-party tool that
// never recalculates would change a cell (stale cached values everywhere else).
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Files = Record<string, Uint8Array>;

export function sheetPath(files: Files, sheet: string): string {
  const wb = strFromU8(files['xl/workbook.xml']!);
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  if (!tag) throw new Error(`no sheet ${sheet}`);
  const rid = /r:id="([^"]+)"/.exec(tag)![1]!;
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  return `xl/${/Target="([^"]+)"/.exec(rel)![1]!.replace(/^\/?xl\//, '')}`;
}

/** The A1 address a workbook-level name points at (single cell). */
export function namedCell(files: Files, name: string): { sheet: string; address: string } {
  const wb = strFromU8(files['xl/workbook.xml']!);
  const m = new RegExp(`<definedName name="${name}"[^>]*>([^<]+)</definedName>`).exec(wb);
  if (!m) throw new Error(`no name ${name}`);
  const [sheet, ref] = m[1]!.split('!') as [string, string];
  return { sheet: sheet.replace(/^'|'$/g, ''), address: ref.replace(/\$/g, '') };
}

/** Replace one cell's XML (`<c r="B7" …>…</c>`) with `cellXml`. */
export function replaceCell(files: Files, sheet: string, address: string, cellXml: string): void {
  const path = sheetPath(files, sheet);
  const xml = strFromU8(files[path]!);
  const re = new RegExp(`<c r="${address}"(?:[^>]*?/>|[^>]*>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${sheet}!${address}`);
  files[path] = strToU8(xml.replace(re, cellXml));
}

export function editWorkbook(bytes: Uint8Array, edit: (files: Files) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

/** Set a named input to a number, as a plain value cell. */
export function setNamedNumber(bytes: Uint8Array, name: string, value: number): Uint8Array {
  return editWorkbook(bytes, (files) => {
    const { sheet, address } = namedCell(files, name);
    replaceCell(files, sheet, address, `<c r="${address}"><v>${value}</v></c>`);
  });
}

/** Set a named input to inline text. */
export function setNamedText(bytes: Uint8Array, name: string, text: string): Uint8Array {
  return editWorkbook(bytes, (files) => {
    const { sheet, address } = namedCell(files, name);
    replaceCell(files, sheet, address, `<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`);
  });
}

/** Set year `year` (1-based) of a ramped input, whose name covers its row of yearly cells. */
export function setRampYear(bytes: Uint8Array, name: string, year: number, value: number): Uint8Array {
  return editWorkbook(bytes, (files) => {
    const { sheet, address } = namedCell(files, name);
    const m = /^([A-Z]+)(\d+):[A-Z]+\d+$/.exec(address);
    if (!m) throw new Error(`${name} is not a row of yearly cells: ${address}`);
    const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) + year - 1;
    let letters = '';
    for (let x = col; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
    replaceCell(files, sheet, `${letters}${m[2]}`, `<c r="${letters}${m[2]}"><v>${value}</v></c>`);
  });
}

/** Set a field (column 1 = name … 5 = adopter share) of the installed base's cohort j to a number. */
export function setBaseNumber(bytes: Uint8Array, j: number, column: number, value: number): Uint8Array {
  return editWorkbook(bytes, (files) => {
    const { sheet, address } = namedCell(files, 'base_cohorts');
    const first = Number(/^[A-Z]+(\d+):/.exec(address)![1]) + j;
    const letter = String.fromCharCode(64 + column);
    replaceCell(files, sheet, `${letter}${first}`, `<c r="${letter}${first}"><v>${value}</v></c>`);
  });
}

/** Empty the cell a name points at (its style kept), as Delete does in Excel. */
export function clearNamed(bytes: Uint8Array, name: string): Uint8Array {
  return editWorkbook(bytes, (files) => {
    const { sheet, address } = namedCell(files, name);
    replaceCell(files, sheet, address, `<c r="${address}"/>`);
  });
}
