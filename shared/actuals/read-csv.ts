// A CSV billing export, streamed: text arrives in chunks (from a file stream in
// the CLI, from File.slice in a worker) and is parsed by Papa Parse's RFC 4180
// parser as it comes, so 100 MB never sit in memory as one string and no row
// object outlives its chunk. The header picks the delimiter (§9: whichever of
// comma or semicolon splits it into the needed columns).
import Papa from 'papaparse';
import { ActualsCollector, findColumns, type ActualsRead, type Columns } from './collect';
import { MAX_PENDING_CHARS } from './limits';
import { notUtf8Message, Utf8Text } from './utf8';


type Row = string[];
interface PapaError { code: string; row: number }
interface PapaResult { data: Row[]; errors: PapaError[]; meta: { cursor: number } }

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export class CsvActualsReader {
  private pending = '';
  private started = false;
  private collector: ActualsCollector | null = null;
  private parser: Papa.Parser | null = null;
  private unreadable: string | null = null;
  /** line number of the next row the parser returns */
  private line = 1;

  /** lines end with a lone CR (the old Mac "CSV"): every CR becomes a LF; null until the first line end */
  private crOnly: boolean | null = null;
  private utf8: Utf8Text | null = null;

  /** data rows read so far (for a progress bar) */
  get rows(): number { return this.collector?.rows ?? 0; }

  /** The first bytes, until there are two to tell a UTF-16 byte-order mark (however the bytes arrive). */
  private head: Uint8Array | null = new Uint8Array(0);

  /** The file's bytes, checked to be UTF-8 (§9): the way every file is read. */
  pushBytes(bytes: Uint8Array): void {
    if (this.unreadable) return;
    if (this.head) {
      const head = new Uint8Array(this.head.length + bytes.length);
      head.set(this.head);
      head.set(bytes, this.head.length);
      if (head.length < 2) { this.head = head; return; }
      this.head = null;
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
        this.unreadable = 'the file is UTF-16 text; save it as CSV UTF-8 (or .xlsx)';
        return;
      }
      this.utf8 = new Utf8Text();
      bytes = head;
    }
    if (!this.utf8) return;
    const text = this.utf8.decode(bytes);
    if (typeof text === 'string') this.push(text);
    else this.unreadable = notUtf8Message(text);
  }

  push(text: string): void {
    if (this.unreadable) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.crOnly) text = text.replace(/\r/g, '\n');
    this.pending += text;
    if (this.crOnly === null) this.findLineEnds(false);
    if (!this.parser && !this.startAtHeader(false)) return;
    this.parse(false);
  }

  end(): ActualsRead {
    // A file of one byte: checked as it is.
    if (this.head && this.head.length > 0 && !this.unreadable) { const b = this.head; this.head = null; this.utf8 = new Utf8Text(); this.pushBytes(b); }
    if (this.utf8 && !this.unreadable) {
      const tail = this.utf8.end();
      if (typeof tail !== 'string') this.unreadable = notUtf8Message(tail);
      else if (tail) this.push(tail);
    }
    if (!this.unreadable && this.crOnly === null) this.findLineEnds(true);
    if (!this.unreadable && !this.parser) this.startAtHeader(true);
    if (this.unreadable) return { ok: false, kind: 'unreadable', error: this.unreadable };
    this.parse(true);
    if (this.unreadable) return { ok: false, kind: 'unreadable', error: this.unreadable };
    return this.collector!.finish();
  }

  /** The first line end tells LF (or CRLF) from a lone CR; the file's text so far is turned to LF in the latter case. */
  private findLineEnds(atEnd: boolean): void {
    const cr = this.pending.indexOf('\r'), lf = this.pending.indexOf('\n');
    if (cr < 0 || (lf >= 0 && lf < cr)) { if (lf >= 0 || atEnd) this.crOnly = false; return; }
    if (cr === this.pending.length - 1 && !atEnd) return; // a CRLF may be split between chunks
    this.crOnly = this.pending[cr + 1] !== '\n';
    if (this.crOnly) this.pending = this.pending.replace(/\r/g, '\n');
  }

  /** Reads the header once its line is complete (or the file ended); false while waiting for more text. */
  private startAtHeader(atEnd: boolean): boolean {
    const nl = this.pending.indexOf('\n');
    if (nl < 0 && !atEnd) {
      if (this.pending.length > MAX_PENDING_CHARS) this.unreadable = 'the first line is over 4 million characters long: not a CSV billing export';
      return false;
    }
    const headerLine = (nl < 0 ? this.pending : this.pending.slice(0, nl)).replace(/\r$/, '');
    if (headerLine.trim() === '') {
      this.unreadable = this.pending.trim() === '' ? 'the file is empty' : 'the first line is empty; it must be the header naming the columns customer, month and mrr or arr';
      return false;
    }
    if (/[\0-\x08\x0e-\x1f]/.test(headerLine)) {
      this.unreadable = headerLine.includes('\0') && /c\0u\0s\0t\0o\0m\0e\0r/i.test(headerLine)
        ? 'the file is UTF-16 text; save it as CSV UTF-8 (or .xlsx)'
        : 'not a CSV file (the first line holds binary data); export the billing data as CSV or .xlsx';
      return false;
    }
    let chosen: { delimiter: string; columns: Columns } | null = null;
    let best: { missing: number; error: string } | null = null;
    for (const delimiter of [',', ';']) {
      const header = (new Papa.Parser({ delimiter, newline: '\n' }).parse(headerLine, 0, false) as PapaResult).data[0] ?? [];
      const found = findColumns(header);
      if ('error' in found) {
        const missing = found.missing.length || 0;
        if (!best || missing < best.missing) best = { missing, error: found.error };
      } else { chosen = { delimiter, columns: found }; break; }
    }
    if (!chosen) {
      this.unreadable = best!.error;
      return false;
    }
    this.collector = new ActualsCollector(chosen.columns);
    // Always split on \n: a CRLF file leaves a \r on the last field, which the cell rules trim,
    // and Papa skips it after a closing quote like any trailing space.
    this.parser = new Papa.Parser({ delimiter: chosen.delimiter, newline: '\n', quoteChar: '"' });
    return true;
  }

  private parse(atEnd: boolean): void {
    let input = this.pending;
    // A row with a stray quote can swallow the lines after it into one field (Papa reads on to the
    // next quote): it is reported at its first line, and the lines after it are parsed again.
    for (;;) {
      if (input === '') { this.pending = ''; return; }
      const r = this.parser!.parse(input, 0, !atEnd) as PapaResult;
      const restart = this.rows_(r, input);
      if (restart === null) { this.pending = atEnd ? '' : input.slice(r.meta.cursor); break; }
      input = input.slice(restart);
    }
    if (this.collector!.overflow) { this.unreadable = this.collector!.overflow; return; }
    if (!atEnd && this.pending.length > MAX_PENDING_CHARS) {
      const c = this.collector!;
      // An odd number of quotes leaves one open: a missing closing quote. Else it is one very long line.
      const quotes = this.pending.split('"').length - 1;
      const why = quotes % 2 ? 'a quoted field runs on for over 4 million characters (a " is missing)' : 'the line is over 4 million characters long, far longer than a billing export\'s row';
      c.problem(this.line, c.columns.names[0]!, why);
      this.unreadable = `line ${this.line}: ${why}, so the file cannot be read`;
    }
  }

  /** Takes the rows of one parse; returns where to parse again when a bad quote swallowed lines, else null. */
  private rows_(r: PapaResult, input: string): number | null {
    const c = this.collector!;
    const { customer, month, amount, names } = c.columns;
    // Quote problems of rows returned (a partial last row comes again with the next chunk).
    const quoteProblem = new Map<number, string>();
    for (const e of r.errors) if (e.row < r.data.length && !quoteProblem.has(e.row)) quoteProblem.set(e.row, e.code);
    let offset = 0; // where the row being read starts in `input`, tracked by whole lines
    for (let i = 0; i < r.data.length; i++) {
      const row = r.data[i]!;
      const line = this.line;
      let span = 1;
      for (const f of row) if (f.length > 0 && f.indexOf('\n') >= 0) span += newlines(f);
      const q = quoteProblem.size ? quoteProblem.get(i) : undefined;
      if (q && line > 1) {
        c.rows++;
        c.problem(line, names[Math.min(row.length, names.length) - 1] ?? names[0]!, q === 'MissingQuotes' ? 'a quoted field is never closed (a " is missing)' : 'a quoted field has text after its closing quote (write "" for a quote inside quotes)');
        this.line++;
        if (span > 1 && q !== 'MissingQuotes') return input.indexOf('\n', offset) + 1;
        this.line += span - 1;
        offset = nthLineEnd(input, offset, span);
        continue;
      }
      this.line += span;
      offset = nthLineEnd(input, offset, span);
      if (line === 1) continue; // the header
      if (row.every((f) => f.trim() === '')) { c.blankLines++; continue; }
      c.row(line, row[customer], row[month], row[amount]);
    }
    return null;
  }
}

/** The offset just past the `n`th line end from `from` (or the end of the text). */
function nthLineEnd(text: string, from: number, n: number): number {
  let at = from;
  for (let k = 0; k < n; k++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/** Reads a whole CSV text at once (tests, small files). */
export function readActualsCsv(text: string, chunkChars = 1 << 20): ActualsRead {
  const r = new CsvActualsReader();
  for (let i = 0; i < text.length; i += chunkChars) r.push(text.slice(i, i + chunkChars));
  return r.end();
}

/** Reads a CSV file's bytes at once (tests, small files), checking they are UTF-8. */
export function readActualsCsvBytes(bytes: Uint8Array, chunkBytes = 1 << 16): ActualsRead {
  const r = new CsvActualsReader();
  for (let i = 0; i < bytes.length; i += chunkBytes) r.pushBytes(bytes.subarray(i, i + chunkBytes));
  return r.end();
}
