// A CSV table as the import files are read (spec §9, §9.1, §12): accounts,
// opportunities and billing exports in their own shape. A header row naming
// the columns, then rows of text cells, each with the line it starts on. The
// delimiter is whichever of comma or semicolon gives the header the columns the
// file needs. The text is read whole: these are exports of up to tens of MB.
import Papa from 'papaparse';

export interface TableRow { line: number; cells: string[] }
export interface Table { header: string[]; rows: TableRow[] }
export interface TableProblem { line: number; column: string; message: string }
export type TableRead =
  | { ok: true; table: Table; problems: TableProblem[] }
  | { ok: false; error: string };

const countNewlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** Header names as the files are matched: trimmed, any case. */
export const headerKey = (h: string) => h.trim().toLowerCase();

/**
 * Reads `text` as CSV. `required` are the header names (any case) the file must
 * have; the delimiter that finds them all wins. A quote problem is a problem of
 * its row (line and first column), never a half-read file.
 */
export function readTable(text: string, required: readonly string[]): TableRead {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  const nl = text.indexOf('\n');
  const headerLine = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  if (headerLine.trim() === '') return { ok: false, error: `the first line is empty; it must be the header naming the columns ${required.join(', ')}` };
  if (/[\0-\x08\x0e-\x1f]/.test(headerLine)) return { ok: false, error: 'not a CSV file (the first line holds binary data); export it as CSV UTF-8' };
  let best: { delimiter: string; header: string[]; missing: string[] } | null = null;
  for (const delimiter of [',', ';']) {
    const header = (Papa.parse<string[]>(headerLine, { delimiter, newline: '\n' }).data[0] ?? []).map((h) => h.trim());
    const keys = header.map(headerKey);
    const missing = required.filter((r) => !keys.includes(r.toLowerCase()));
    // Fewer missing columns wins; on a tie (none required, or both find them all) the split into more columns.
    if (!best || missing.length < best.missing.length || (missing.length === best.missing.length && header.length > best.header.length)) best = { delimiter, header, missing };
  }
  const { delimiter, header, missing } = best!;
  if (missing.length) return { ok: false, error: `the header has no ${missing.join(', no ')} column (found: ${header.filter(Boolean).join(', ') || 'nothing'})` };
  const keys = header.map(headerKey);
  const twice = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i);
  if (twice) return { ok: false, error: `the header has two columns named ${twice}; keep one` };

  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\n', quoteChar: '"' });
  const quoteProblem = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined && !quoteProblem.has(e.row)) quoteProblem.set(e.row, e.code);
  const rows: TableRow[] = [];
  const problems: TableProblem[] = [];
  let line = 1;
  parsed.data.forEach((cells, i) => {
    const at = line;
    for (const c of cells) if (c.indexOf('\n') >= 0) line += countNewlines(c);
    line++;
    if (i === 0) return; // the header
    const q = quoteProblem.get(i);
    if (q) {
      problems.push({ line: at, column: header[0]!, message: q === 'MissingQuotes' ? 'a quoted field is never closed (a " is missing)' : 'a quoted field has text after its closing quote (write "" for a quote inside quotes)' });
      return;
    }
    // A CRLF file leaves \r on the last cell; spaces around any cell are not part of it.
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.every((c) => c === '')) return;
    rows.push({ line: at, cells: trimmed });
  });
  return { ok: true, table: { header, rows }, problems };
}

/** The index of each header name (lower case), for reading cells by name. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => { if (h !== '') m.set(headerKey(h), i); });
  return m;
}
