// The zip layer of the pre-scan: the central directory parsed by hand, entry
// names normalised the way ExcelJS (JSZip) will see them, and each entry
// inflated in small steps against a byte budget, so a bomb is stopped after at
// most one step's output past its budget instead of after the whole entry.
import { Inflate, strFromU8 } from 'fflate';

export class ZipRefusal extends Error {}
const refuse = (msg: string): never => { throw new ZipRefusal(msg); };

const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);

export interface Entry { name: string; method: number; compressed: number; size: number; offset: number }

/**
 * ExcelJS strips one leading `/` from an entry name; anything else unusual
 * (backslashes, `..`, empty segments, control characters) is refused, and so
 * are two entries that end up with one name, since which one a reader takes is
 * then up to the reader.
 */
export function normaliseEntryName(raw: string): string {
  const name = raw.replace(/^\/+/, '');
  if (!name || /[\\\u0000-\u001f]/.test(name) || name.split('/').some((s, i, all) => s === '..' || s === '.' || (s === '' && i < all.length - 1)))
    refuse(`the zip has an entry with an unusual name (${JSON.stringify(raw.slice(0, 80))}), which a workbook never has`);
  return name;
}

export function zipDirectory(b: Uint8Array, maxEntries: number): Entry[] {
  // End of central directory: 22 bytes plus a comment of up to 65,535.
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 65535);
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop) refuse('the file is damaged or truncated: the zip directory at its end is missing');
  const count = u16(b, e + 10);
  const dirSize = u32(b, e + 12);
  let p = u32(b, e + 16);
  if (count === 0xffff || p === 0xffffffff) refuse('the workbook uses zip64, which a Bowtie workbook never needs');
  if (count > maxEntries) refuse(`the zip has ${count} entries; a workbook Bowtie reads has at most ${maxEntries}`);
  if (p + dirSize > e) refuse('the file is damaged or truncated: the zip directory points past its end');
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) refuse('the file is damaged or truncated: a zip directory entry is broken');
    const nameLen = u16(b, p + 28), extra = u16(b, p + 30), comment = u16(b, p + 32);
    if (p + 46 + nameLen > b.length) refuse('the file is damaged or truncated: a zip directory entry is broken');
    const raw = strFromU8(b.subarray(p + 46, p + 46 + nameLen));
    const entry = { method: u16(b, p + 10), compressed: u32(b, p + 20), size: u32(b, p + 24), offset: u32(b, p + 42) };
    p += 46 + nameLen + extra + comment;
    if (raw.endsWith('/')) continue; // a folder
    const name = normaliseEntryName(raw);
    if (seen.has(name)) refuse(`the zip holds ${name} twice, which a workbook never does`);
    seen.add(name);
    entries.push({ name, ...entry });
  }
  return entries;
}

/** Compressed bytes fed to the inflater per step: one step inflates to at most ~4 MB (deflate's ratio tops out near 1032:1). */
const STEP = 4096;

export interface Budget {
  /** bytes this entry may inflate to */
  cap: number;
  /** refuse once output passes `ratio` × compressed size, checked from `ratioFloor` bytes on */
  ratio: number;
  ratioFloor: number;
}

/** Inflate one entry, stopping as soon as it overruns its budget. */
export function inflateWithBudget(b: Uint8Array, en: Entry, budget: Budget): Uint8Array {
  const h = en.offset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) refuse(`the file is damaged or truncated: zip entry ${en.name} is missing`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + en.compressed;
  if (end > b.length) refuse(`the file is damaged or truncated: zip entry ${en.name} runs past the end of the file`);
  const data = b.subarray(start, end);
  const overCap = () => refuse(`zip entry ${en.name} expands to more than ${Math.round(budget.cap / 1048576)} MB (${en.compressed} bytes compressed): a zip bomb or not a Bowtie workbook`);
  const overRatio = (n: number) => refuse(`zip entry ${en.name} expands ${Math.round(n / Math.max(1, en.compressed))}-fold: a zip bomb or not a Bowtie workbook`);
  const check = (n: number) => {
    if (n > budget.cap) overCap();
    if (n > budget.ratioFloor && n > budget.ratio * Math.max(1, en.compressed)) overRatio(n);
  };
  if (en.method === 0) {
    check(data.length);
    return data;
  }
  if (en.method !== 8) refuse(`zip entry ${en.name} uses compression method ${en.method}; workbooks use deflate`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((chunk) => { total += chunk.length; chunks.push(chunk); });
  try {
    for (let i = 0; i < data.length; i += STEP) {
      inf.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
      check(total);
    }
    if (data.length === 0) inf.push(data, true);
  } catch (e) {
    if (e instanceof ZipRefusal) throw e;
    refuse(`the file is damaged or truncated: zip entry ${en.name} does not decompress`);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}
