// Fuzzing the reader with mutations of a real export (issue 9, item 6): bytes
// flipped, the file cut short, entries renamed, quote styles swapped, entities
// inserted. Every result must end as a model (exit 0), an invalid model with its
// problems (exit 1) or one sentence why the file cannot be read (exit 2): never
// a throw, never a hang. Cut files are always exit 2.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultInputs } from '@shared/index';
import { readWorkbook, writeWorkbook, type WorkbookRead } from '@shared/workbook/index';
import { setNamedNumber } from './xlsx-edit';

let good: Uint8Array;
let files: Record<string, Uint8Array>;
let xmlNames: string[];
beforeAll(async () => {
  good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'fuzz' });
  files = unzipSync(good);
  xmlNames = Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n));
}, 60_000);

/** The CLI's exit code for a read (cli/bowtie.ts). */
const exitOf = (r: WorkbookRead) => (r.ok ? 0 : r.kind === 'invalid' ? 1 : 2);

function checkOutcome(r: WorkbookRead): number {
  const code = exitOf(r);
  if (!r.ok && r.kind === 'unreadable') expect(r.error).toMatch(/\S/);
  if (!r.ok && r.kind === 'invalid') {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(`${p.where} ${p.path}: ${p.message}`).toMatch(/^\S+ \S+: \S/);
  }
  return code;
}

const rezip = (edit: (f: Record<string, Uint8Array>) => void) => {
  const f = { ...files };
  edit(f);
  return zipSync(f);
};
const editXml = (name: string, change: (xml: string) => string) => rezip((f) => { f[name] = strToU8(change(strFromU8(f[name]!))); });

/** Replace the n-th match of `re` in `s` (n wraps around). */
function nth(s: string, re: RegExp, n: number, by: (m: string) => string): string {
  const all = [...s.matchAll(re)];
  if (!all.length) return s;
  const m = all[n % all.length]!;
  return s.slice(0, m.index) + by(m[0]) + s.slice(m.index + m[0].length);
}

const mutation = fc.oneof(
  // A value typed over in the Assumptions sheet (sheet2): often out of range, so an invalid model.
  fc.record({ kind: fc.constant('value'), n: fc.nat(), v: fc.oneof(fc.double(), fc.constantFrom('1e308', '-1', 'NaN', '')) }).map(({ n, v }) =>
    editXml('xl/worksheets/sheet2.xml', (x) => nth(x, /<v>[^<]*<\/v>/g, n, () => `<v>${String(v)}</v>`))),
  fc.record({ kind: fc.constant('flip'), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }).map(({ at }) => {
    const b = good.slice();
    for (const [i, x] of at) b[i % b.length]! ^= x;
    return b;
  }),
  fc.record({ kind: fc.constant('rename'), which: fc.nat(), to: fc.constantFrom('/', 'X', 'dup', 'sheet', 'case') }).map(({ which, to }) => rezip((f) => {
    const names = Object.keys(f).filter((n) => !n.endsWith('/'));
    const name = names[which % names.length]!;
    const data = f[name]!;
    if (to !== 'dup') delete f[name];
    const target = to === '/' ? `/${name}` : to === 'X' ? `${name}.x` : to === 'dup' ? `/${name}` : to === 'sheet' ? 'xl/worksheets/sheet2.xml' : name.toUpperCase();
    f[target] = data;
  })),
  fc.record({ kind: fc.constant('quotes'), which: fc.nat(), n: fc.nat() }).map(({ which, n }) =>
    editXml(xmlNames[which % xmlNames.length]!, (x) => nth(x, / [\w:]+="[^"']*"/g, n, (a) => a.replace(/"/g, "'")))),
  fc.record({ kind: fc.constant('entity'), which: fc.nat(), n: fc.nat(), entity: fc.constantFrom('&#49;', '&#x41;', '&amp;', '&lt;', '&bogus;', '&#0;', '&', '&#1114112;') }).map(({ which, n, entity }) =>
    editXml(xmlNames[which % xmlNames.length]!, (x) => nth(x, /="[^"]/g, n, (a) => `${a.slice(0, 2)}${entity}${a.slice(2)}`))),
  fc.record({ kind: fc.constant('text'), which: fc.nat(), n: fc.nat(), insert: fc.constantFrom('<!DOCTYPE x [<!ENTITY a "b">]>', '<![CDATA[4294967294]]>', '<!-- -->', '</row>', '<row r="4294967294"/>', "<c r='XFD1048577'/>", '&#65;') }).map(({ which, n, insert }) =>
    editXml(xmlNames[which % xmlNames.length]!, (x) => nth(x, />/g, n, (a) => `${a}${insert}`))),
);

describe('fuzzed workbooks', () => {
  it('every mutation of a real export ends in exit 0, 1 or 2, never a throw', async () => {
    const seen = new Set<number>();
    // One of each outcome among the examples (the export, a rate of 120%, a cut file),
    // so the property covers all three whatever the seed draws; then 80 mutations.
    const examples: [Uint8Array][] = [[good], [setNamedNumber(good, 'journey_renewal_rate', 1.2)], [good.slice(0, good.length >> 1)]];
    await fc.assert(fc.asyncProperty(mutation, async (bytes) => {
      seen.add(checkOutcome(await readWorkbook(bytes)));
    }), { numRuns: 80, examples });
    // The runs reach all three outcomes, so the property is not vacuous.
    expect([...seen].sort()).toEqual([0, 1, 2]);
  }, 600_000);

  it('a file cut short anywhere is exit 2', async () => {
    await fc.assert(fc.asyncProperty(fc.nat(), async (n) => {
      const r = await readWorkbook(good.subarray(0, n % good.length));
      expect(exitOf(r)).toBe(2);
    }), { numRuns: 40 });
  }, 300_000);
});
