// A minimal, independent reader of an .xlsx's cells straight from the XML (fflate
// + regular expressions): each cell's formula text and stored value. Tests use it
// to compare Bowtie's cached values with what another engine stored, without
// going through ExcelJS (the library under test).
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxCell {
  formula: string | null;
  /** the stored (cached) value; null when the cell stores none */
  value: number | string | boolean | null;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1]!)).join(''));
}

/** sheet name → cell address → cell */
export function readXlsxCells(bytes: Uint8Array): Map<string, Map<string, XlsxCell>> {
  const files = unzipSync(bytes);
  const text = (p: string) => (files[p] ? strFromU8(files[p]) : undefined);
  const strings = sharedStrings(text('xl/sharedStrings.xml'));
  const rels = new Map([...(text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const id = /Id="([^"]+)"/.exec(m[0])![1]!;
    const target = /Target="([^"]+)"/.exec(m[0])![1]!.replace(/^\/?xl\//, '').replace(/^\//, '');
    return [id, `xl/${target}`];
  }));
  const out = new Map<string, Map<string, XlsxCell>>();
  for (const m of (text('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = decode(/name="([^"]*)"/.exec(m[0])![1]!);
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1] ?? /id="(rId[^"]+)"/.exec(m[0])?.[1];
    const xml = rid ? text(rels.get(rid)!) : undefined;
    const cells = new Map<string, XlsxCell>();
    for (const c of (xml ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const addr = /\br="([A-Z]+\d+)"/.exec(attrs)![1]!;
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
      let value: XlsxCell['value'] = null;
      if (t === 's' && v !== undefined) value = strings[Number(v)] ?? null;
      else if (t === 'str' || t === 'e') value = v === undefined ? '' : decode(v);
      else if (t === 'inlineStr') value = inline ? [...inline.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => decode(x[1]!)).join('') : '';
      else if (t === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells.set(addr, { formula: f ? decode(f[1] ?? '') : null, value });
    }
    out.set(name, cells);
  }
  return out;
}

export interface Mismatch { sheet: string; address: string; formula: string; cached: XlsxCell['value']; recalculated: XlsxCell['value'] }

/**
 * Every formula cell of `original` against the same cell of `recalculated`:
 * numbers to `rel` relative, text exactly (an empty string and a missing value
 * are the same thing). Returns the count compared and the mismatches. A formula
 * saved without a value (Bowtie's inputs-changed count, docs/workbook.md) has
 * nothing to compare: it is listed in `uncached` with what the engine computed.
 */
/**
 * `inputsEdited`: `recalculated` is a saved workbook whose inputs were then edited,
 * `original` a fresh save of the edited model; the cells that warn of inputs changed
 * since the save must then show the warning (docs/workbook.md).
 */
export function compareFormulaCells(original: Uint8Array, recalculated: Uint8Array, opts: { rel?: number; inputsEdited?: boolean } = {}): { compared: number; mismatches: Mismatch[]; uncached: Mismatch[] } {
  const rel = opts.rel ?? 1e-9;
  const a = readXlsxCells(original);
  const b = readXlsxCells(recalculated);
  const mismatches: Mismatch[] = [];
  const uncached: Mismatch[] = [];
  let compared = 0;
  for (const [sheet, cells] of a) {
    const other = b.get(sheet);
    for (const [address, cell] of cells) {
      if (cell.formula === null) continue;
      const got = other?.get(address)?.value ?? null;
      const want = cell.value;
      if (want === null) { uncached.push({ sheet, address, formula: cell.formula, cached: want, recalculated: got }); continue; }
      compared++;
      const same = typeof want === 'number' && typeof got === 'number'
        ? want === got || Math.abs(want - got) <= rel * Math.max(Math.abs(want), Math.abs(got))
        : String(want ?? '') === String(got ?? '')
          || (opts.inputsEdited === true && cell.formula.startsWith('IF(bowtie_inputs_changed>0,') && String(got).startsWith('Inputs changed since Bowtie saved'));
      if (!same) mismatches.push({ sheet, address, formula: cell.formula, cached: want, recalculated: got });
    }
  }
  return { compared, mismatches, uncached };
}
