// Every XML part of a workbook checked against the ECMA-376 transitional schemas
// with xmllint, as Excel's own loader
// checks it: the markup-compatibility rules (ISO/IEC 29500-3) are applied first,
// so the namespaces a part declares ignorable (x14ac, xr, …) are left out, as a
// consumer that knows none of them does. A part of a kind no schema here covers
// is itself an error: nothing is waved through.
// Without xmllint (libxml2-utils) the tests skip with a printed reason; with CI=true that is a failure.
// The schemas are data from outside the project, which its developers do not
// commit: they are read from ../shared/ooxml-xsd beside the checkout (the
// steering repository's shared folder), or from $BOWTIE_OOXML_XSD; without
// them the schema tests skip and say so (docs/workbook.md, "Validity").
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const XMLLINT = '/usr/bin/xmllint';
const XSD = process.env.BOWTIE_OOXML_XSD ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'ooxml-xsd');

/** The schema folder, or null (with the reason printed) where it is not there. */
export function schemasOrSkip(what: string): string | null {
  if (existsSync(join(XSD, 'sml.xsd'))) return XSD;
  console.warn(`SKIP ${what}: the ECMA-376 schemas are not at ${XSD} (set BOWTIE_OOXML_XSD, or place them in shared/ooxml-xsd)`);
  return null;
}

export function xmllintOrSkip(what: string): string | null {
  if (existsSync(XMLLINT)) return XMLLINT;
  const reason = `${what}: xmllint is not installed; install libxml2-utils to run it`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a missing tool is a failure)`);
  console.warn(`SKIP ${reason}`);
  return null;
}

/** The schema of each part's root element namespace. */
const SCHEMAS: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'sml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'dml-spreadsheetDrawing.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'dml-chart.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'dml-main.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'opc-xsd/opc-relationships.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'opc-xsd/opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'opc-xsd/opc-coreProperties.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'shared-documentPropertiesExtended.xsd',
};

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * The part as a consumer that understands no extension reads it (ISO/IEC 29500-3 §10):
 * `mc:AlternateContent` becomes its `mc:Fallback`, and every element and attribute
 * in a namespace listed in `mc:Ignorable` is dropped, with the declarations that
 * only they need. ExcelJS writes these constructs in one shape (no nesting of an
 * ignorable element inside another of the same name), which is all this reads.
 */
export function applyMarkupCompatibility(xml: string): string {
  const decl = new Map<string, string>();
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)) decl.set(m[1]!, m[2]!);
  const mc = [...decl].find(([, uri]) => uri === MC)?.[0];
  if (!mc) return xml;
  const ignorable = (new RegExp(`\\s${mc}:Ignorable="([^"]*)"`).exec(xml)?.[1] ?? '').split(/\s+/).filter(Boolean);
  let out = xml.replace(new RegExp(`<${mc}:AlternateContent\\b[^>]*>[\\s\\S]*?<${mc}:Fallback>([\\s\\S]*?)</${mc}:Fallback>[\\s\\S]*?</${mc}:AlternateContent>`, 'g'), '$1');
  out = out.replace(new RegExp(`<${mc}:AlternateContent\\b[\\s\\S]*?</${mc}:AlternateContent>`, 'g'), '');
  for (const p of ignorable) {
    out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*/>`, 'g'), '');
    out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, 'g'), '');
    out = out.replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, 'g'), '');
    out = out.replace(new RegExp(`\\sxmlns:${p}="[^"]*"`, 'g'), '');
  }
  return out.replace(new RegExp(`\\s${mc}:Ignorable="[^"]*"`), '').replace(new RegExp(`\\sxmlns:${mc}="[^"]*"`), '');
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(XMLLINT, args, { maxBuffer: 64 << 20, timeout: 120_000 }, (_err, _stdout, stderr) => resolve(stderr));
  });
}

/**
 * Every XML part of each workbook validated; the errors, each `workbook/part:line: message`
 * (empty when all is valid). Parts are grouped by schema, one xmllint run per schema.
 */
export async function schemaErrors(books: { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-xsd-'));
  try {
    const errors: string[] = [];
    const bySchema = new Map<string, string[]>();
    const label = new Map<string, string>();
    let n = 0;
    for (const book of books) {
      for (const [part, bytes] of Object.entries(unzipSync(book.bytes))) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const xml = strFromU8(bytes);
        const root = /<(?:([\w.-]+):)?[\w.-]+\b[^>]*?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ''));
        const prefix = root?.[1];
        const ns = root && new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(root[0])?.[1];
        const schema = ns ? SCHEMAS[ns] : undefined;
        if (!schema) { errors.push(`${book.name}/${part}: no schema here covers its root element (namespace ${ns ?? 'none'})`); continue; }
        const file = join(dir, `${n++}.xml`);
        await writeFile(file, applyMarkupCompatibility(xml));
        label.set(file, `${book.name}/${part}`);
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
      }
    }
    await mkdir(dir, { recursive: true });
    for (const [schema, files] of bySchema) {
      const stderr = await run(['--noout', '--nonet', '--schema', join(XSD, schema), ...files]);
      for (const line of stderr.split('\n')) {
        if (!line.trim() || / validates$/.test(line)) continue;
        const file = files.find((f) => line.startsWith(f));
        errors.push(file ? line.replace(file, label.get(file)!) : line);
      }
    }
    return errors;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
