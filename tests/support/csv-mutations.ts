// Mutations of real billing exports for the reader's fuzz tests (issue 19):
// long digit runs, other encodings, stray quotes, other line ends, huge fields
// and flipped bytes, applied to a CSV written from a random book.
import fc from 'fast-check';
import { randomBook, writeCsv } from './actuals-files';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Latin-1 bytes of the text (cp1252 for these characters): what Excel's Windows "CSV" writes. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)));
const utf16le = (s: string) => { const b = new Uint8Array(2 + s.length * 2); b[0] = 0xff; b[1] = 0xfe; for (let i = 0; i < s.length; i++) { b[2 + 2 * i] = s.charCodeAt(i) & 255; b[3 + 2 * i] = s.charCodeAt(i) >> 8; } return b; };

type Mutation = (text: string, r: number) => string | Uint8Array;

const at = (text: string, r: number) => Math.floor((r % 1) * text.length);
const splice = (text: string, i: number, insert: string) => text.slice(0, i) + insert + text.slice(i);

/** Each mutation gets the export's text and a number in [0, 1) to choose where. */
export const MUTATIONS: Record<string, (size: number) => Mutation> = {
  longDigits: (n) => (t, r) => t.replace(/,(\d+(?:\.\d*)?)\n/, (_m, d: string) => `,${d}${r < 0.5 ? '' : '.'}${'7'.repeat(n)}\n`),
  cp1252: () => (t) => latin1(t.replace(/C1\b/g, 'Jürgen').replace(/C2\b/g, 'Jörgen')),
  utf16: () => (t) => utf16le(t),
  strayQuote: () => (t, r) => splice(t, at(t, r), '"'),
  crOnly: () => (t) => t.replace(/\r?\n/g, '\r'),
  mixedEnds: () => (t, r) => t.split('\n').map((l, i) => l + ((i + Math.floor(r * 3)) % 3 === 0 ? '\r\n' : (i % 3 === 1 ? '\r' : '\n'))).join(''),
  hugeField: (n) => (t, r) => { const i = t.indexOf('\n', at(t, r)); return i < 0 ? t : splice(t, i, `,${'x'.repeat(n)}`); },
  hugeQuoted: (n) => (t, r) => { const i = t.indexOf('\n', at(t, r)) + 1; return splice(t, i, `"${'y\n'.repeat(n >> 1)}`); },
  flipBytes: () => (t, r) => { const b = utf8(t); for (let k = 0; k < 5; k++) b[Math.floor(((r * (k + 7) * 7919) % 1) * b.length)] = Math.floor(r * 256 * (k + 1)) & 255; return b; },
  invisible: () => (t, r) => splice(t, t.indexOf('\n', at(t, r)), '\u00a0'),
};

export interface MutatedExport { name: string; bytes: Uint8Array }

/** A real export (a random book in a random CSV shape), mutated once or twice. */
export const mutatedExport = (maxSize = 100_000): fc.Arbitrary<MutatedExport> =>
  fc.record({
    seed: fc.integer({ min: 1, max: 1e6 }),
    crlf: fc.boolean(),
    delimiter: fc.constantFrom(',' as const, ';' as const),
    steps: fc.array(fc.record({ name: fc.constantFrom(...Object.keys(MUTATIONS)), size: fc.integer({ min: 1, max: maxSize }), where: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) }), { minLength: 1, maxLength: 2 }),
  }).map(({ seed, crlf, delimiter, steps }) => {
    let data: string | Uint8Array = writeCsv(randomBook(seed, { customers: 12, months: 14 }), { crlf, delimiter, quoteAll: seed % 4 === 0 });
    for (const s of steps) data = typeof data === 'string' ? MUTATIONS[s.name]!(s.size)(data, s.where) : data;
    return { name: steps.map((s) => `${s.name}(${s.size})`).join('+'), bytes: typeof data === 'string' ? utf8(data) : data };
  });
