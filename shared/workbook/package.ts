// The package as Excel reads it (issue 22): ExcelJS writes the parts, and this
// corrects what it writes wrong before the zip is compressed.
//
// - ExcelJS 4.4 puts `editAs` on every `xdr:oneCellAnchor` (lib/xlsx/xform/drawing/
//   one-cell-anchor-xform.js renders `{editAs: model.range.editAs || 'oneCell'}`,
//   whatever the caller asks for). ECMA-376 gives `editAs` to `xdr:twoCellAnchor`
//   only, so Excel "repairs" the drawing on open (ExcelJS issue #1083) and openpyxl
//   drops the pictures. A one-cell anchor moves with its cell and never resizes,
//   which is what `editAs="oneCell"` asked for: the attribute is removed.
//
// - ExcelJS writes no charts: the native charts the sheets asked for are added
//   here (charts/chart-parts.ts).
//
// ExcelJS is asked for a stored (uncompressed) zip, so reading it back costs no
// inflation; fflate compresses every part once, here.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { addChartParts, type PlacedChart } from './charts/chart-parts';

const DRAWING_PART = /^xl\/drawings\/drawing\d+\.xml$/;

/** The drawing part without `editAs` on its one-cell anchors. */
export function fixDrawingXml(xml: string): string {
  return xml.replace(/<xdr:oneCellAnchor\b[^>]*>/g, (tag) => tag.replace(/\s+editAs\s*=\s*(?:"[^"]*"|'[^']*')/, ''));
}

/** ExcelJS's stored zip → the workbook's bytes: the parts corrected, the charts added, compressed at `level`. */
export function finishPackage(stored: Uint8Array, charts: readonly PlacedChart[] = [], level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): Uint8Array {
  const parts = unzipSync(stored);
  addChartParts(parts, charts);
  const out: Zippable = {};
  // Entries keep ExcelJS's order ([Content_Types].xml first, as Office writes it).
  for (const [name, bytes] of Object.entries(parts)) {
    out[name] = DRAWING_PART.test(name) ? strToU8(fixDrawingXml(strFromU8(bytes))) : bytes;
  }
  return zipSync(out, { level });
}
