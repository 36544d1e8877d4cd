// Clipboard blocks as Excel writes them: rows separated by newlines, cells by
// tabs, quoted cells when a cell holds a tab, newline or quote. AG Grid
// Community has no clipboard module, so the grid maps a block onto its cells here.

/** Parse tab-separated text into rows of cells (drops the trailing newline Excel adds). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === '\t') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += ch; i++;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Write cells as tab-separated text, quoting where Excel would. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const q = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join('\t')).join('\n');
}

export interface BlockTarget {
  key: string;
  text: string;
}

/**
 * Lay a block over the grid from the anchor cell, row and column wise. `keyAt`
 * names the input under each cell (null for labels, computed cells or outside
 * the grid); those cells are skipped, as Excel skips locked cells.
 */
export function mapBlock(block: readonly (readonly string[])[], anchor: { row: number; col: number }, keyAt: (row: number, col: number) => string | null): BlockTarget[] {
  const out: BlockTarget[] = [];
  block.forEach((cells, r) => cells.forEach((text, c) => {
    const key = keyAt(anchor.row + r, anchor.col + c);
    if (key !== null) out.push({ key, text });
  }));
  return out;
}
