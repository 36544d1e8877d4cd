// Broken and hostile workbooks for the reader's tests, built from a real saved
// workbook by editing its XML with fflate (never through ExcelJS).
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { editWorkbook, namedCell, replaceCell, setNamedNumber, setNamedText, sheetPath } from './xlsx-edit';

const edit = (bytes: Uint8Array, path: string, f: (xml: string) => string) =>
  editWorkbook(bytes, (files) => { files[path] = strToU8(f(strFromU8(files[path]!))); });

/** A zip whose first entries are a real workbook's and whose last inflates to `mb` MB of zeros. */
function zipBomb(base: Uint8Array, mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => { if (err) throw err; chunks.push(data); });
  for (const [name, data] of Object.entries(unzipSync(base))) {
    const f = new ZipPassThrough(name);
    zip.add(f);
    f.push(data, true);
  }
  const bomb = new ZipDeflate('xl/worksheets/sheet99.xml', { level: 9 });
  zip.add(bomb);
  const zeros = new Uint8Array(1 << 20);
  for (let i = 0; i < mb; i++) bomb.push(zeros, i === mb - 1);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

/** The same bomb with its central directory claiming the entry is 1,000 bytes. */
function lyingZipBomb(base: Uint8Array, mb: number): Uint8Array {
  const b = zipBomb(base, mb);
  const name = strToU8('xl/worksheets/sheet99.xml');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let p = b.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    if (len === name.length && name.every((x, i) => b[p + 46 + i] === x)) { view.setUint32(p + 24, 1000, true); return b; }
  }
  throw new Error('bomb entry not found');
}

export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  kind: 'unreadable' | 'invalid';
  /** what the user is told */
  message: RegExp;
  /** for invalid files: the cell blamed */
  where?: RegExp;
}

export async function hostileCases(): Promise<HostileCase[]> {
  const good = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
  const withImage = await writeWorkbook({
    inputs: defaultInputs(), appVersion: 'test',
    boardImages: [{ name: 'ARR', widthPx: 2, heightPx: 2, png: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFElEQVR4nGP8z8Dwn4GBgYGJAQoAHxcCAr7ON5YAAAAASUVORK5CYII=', 'base64')) }],
  });
  const files = unzipSync(good);
  const assumptions = sheetPath(files, 'Assumptions');
  const acv = namedCell(files, 'acquisition_acv');
  return [
    { name: 'not a zip', bytes: strToU8('{"general": {"name": "not a workbook"}}'), kind: 'unreadable', message: /not an \.xlsx workbook \(the file is not a zip archive\)/ },
    { name: 'truncated', bytes: good.subarray(0, Math.floor(good.length / 2)), kind: 'unreadable', message: /damaged or truncated/ },
    { name: 'zip bomb', bytes: zipBomb(good, 80), kind: 'unreadable', message: /sheet99\.xml .*: a zip bomb/ },
    // Inflation is streamed against a budget: the lie is caught at the ratio limit, after about 1 MB, not 64.
    { name: 'zip bomb lying about its size', bytes: lyingZipBomb(good, 80), kind: 'unreadable', message: /sheet99\.xml expands 2\d\d-fold: a zip bomb/ },
    {
      name: 'row number 10^9', kind: 'unreadable', message: /sheet "Assumptions" has a row numbered 1000000000/,
      bytes: edit(good, assumptions, (x) => x.replace('</sheetData>', '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>')),
    },
    {
      name: 'huge validation range', kind: 'unreadable', message: /sheet "Assumptions" has data validation over 17,179,869,\d{3} cells/,
      bytes: edit(good, assumptions, (x) => x.replace('<dataValidations count="', '<dataValidations count="').replace(/<dataValidation /, '<dataValidation type="whole" sqref="A1:XFD1048576"/><dataValidation ')),
    },
    {
      name: 'huge sheet id', kind: 'unreadable', message: /sheet with id 4000000000/,
      bytes: edit(good, 'xl/workbook.xml', (x) => x.replace(/sheetId="2"/, 'sheetId="4000000000"')),
    },
    {
      name: 'absurd image anchor', kind: 'unreadable', message: /anchors an image at row 2000000000/,
      bytes: editWorkbook(withImage, (f) => {
        const path = Object.keys(f).find((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))!;
        f[path] = strToU8(strFromU8(f[path]!).replace(/<xdr:row>\d+<\/xdr:row>/, '<xdr:row>2000000000</xdr:row>'));
      }),
    },
    {
      name: "row number 4294967294 in single quotes", kind: 'unreadable', message: /sheet "Assumptions" has a row numbered 4294967294/,
      bytes: edit(good, assumptions, (x) => x.replace('</sheetData>', "<row r='4294967294'><c r='A1'><v>1</v></c></row></sheetData>")),
    },
    {
      name: 'cell address written with an entity', kind: 'unreadable', message: /sheet "Assumptions" has a cell in row 1048577/,
      bytes: edit(good, assumptions, (x) => x.replace('</sheetData>', '<row r="5"><c r="A&#49;048577"><v>1</v></c></row></sheetData>')),
    },
    {
      name: 'validation range in single quotes with entities', kind: 'unreadable', message: /sheet "Assumptions" has data validation over 17,179,869,184 cells/,
      bytes: edit(good, assumptions, (x) => x.replace(/<dataValidation /, "<dataValidation type='whole' sqref='&#65;1:XFD1048576'/><dataValidation ")),
    },
    {
      name: 'merge over a whole sheet in single quotes', kind: 'unreadable', message: /sheet "Assumptions" merges 17,179,8\d\d,\d{3} cells/,
      bytes: edit(good, assumptions, (x) => x.replace('<mergeCell ref="A3:E3"/>', "<mergeCell ref='A3:E3'/><mergeCell ref = 'A4:XFD1048576' />")),
    },
    {
      name: 'defined name over a whole sheet', kind: 'unreadable', message: /the workbook's defined names cover 17,179,869,\d{3} cells/,
      bytes: edit(good, 'xl/workbook.xml', (x) => x.replace('<definedNames>', '<definedNames><definedName name="everything">Assumptions!$A$1:$XFD$1048576</definedName>')),
    },
    {
      name: 'column definition past the last column', kind: 'unreadable', message: /declares column 4294967294/,
      bytes: edit(good, assumptions, (x) => x.replace(/<col /, '<col min="1" max="4294967294" width="9"/><col ')),
    },
    {
      name: 'entity expansion (billion laughs)', kind: 'unreadable', message: /sharedStrings\.xml declares a document type or entities/,
      bytes: edit(good, 'xl/sharedStrings.xml', (x) => x.replace('?>', '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')),
    },
    {
      name: 'an entity nobody defined', kind: 'unreadable', message: /uses the entity "&lol;"/,
      bytes: edit(good, 'xl/sharedStrings.xml', (x) => x.replace('</t>', '&lol;</t>')),
    },
    {
      name: 'a sheet entry named with a leading /', kind: 'unreadable', message: /sheet "Assumptions" has a row numbered 4294967294/,
      bytes: editWorkbook(good, (f) => {
        f[`/${assumptions}`] = strToU8(strFromU8(f[assumptions]!).replace('</sheetData>', "<row r='4294967294'/></sheetData>"));
        delete f[assumptions];
      }),
    },
    {
      name: 'a part twice, once with a leading /', kind: 'unreadable', message: /the zip holds xl\/workbook\.xml twice/,
      bytes: editWorkbook(good, (f) => { f['/xl/workbook.xml'] = f['xl/workbook.xml']!; }),
    },
    {
      name: 'a tag the scan cannot read', kind: 'unreadable', message: /sheet "Assumptions" is not well-formed XML/,
      bytes: edit(good, assumptions, (x) => x.replace('</sheetData>', '<row r="4294967294"/ ></sheetData>')),
    },
    {
      name: 'missing Assumptions sheet', kind: 'unreadable', message: /not a Bowtie workbook: it has no "Assumptions" sheet/,
      bytes: edit(good, 'xl/workbook.xml', (x) => x.replace('name="Assumptions"', 'name="Inputs"')),
    },
    {
      name: 'newer file format', kind: 'unreadable', message: /saved by a newer Bowtie .* file format 2; this version reads format 1/,
      bytes: editWorkbook(good, (f) => replaceCell(f, 'Bowtie Metadata', 'B1', '<c r="B1"><v>2</v></c>')),
    },
    {
      name: 'text in a money cell', kind: 'invalid', message: /^acquisition\.acv: must be a number, got "lots"$/, where: new RegExp(`^Assumptions!${acv.address}$`),
      bytes: setNamedText(good, 'acquisition_acv', 'lots'),
    },
    {
      name: 'a key-column index of 4294967294', kind: 'invalid', message: /^acquisition\.newCustomersByYear\[4294967294\]: is past the last year a model can have \(10 years of new logos\)$/, where: /^Assumptions!B\d+$/,
      bytes: editWorkbook(good, (f) => {
        const rows = [...strFromU8(f[assumptions]!).matchAll(/<c r="E(\d+)"[^>]*t="s"[^>]*><v>(\d+)<\/v><\/c>/g)];
        const sst = [...strFromU8(f['xl/sharedStrings.xml']!).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
        const last = rows.filter((m) => /^acquisition\.newCustomersByYear\[\d+\]$/.test(sst[Number(m[2])]!)).pop()!;
        replaceCell(f, 'Assumptions', `E${last[1]}`, `<c r="E${last[1]}" t="inlineStr"><is><t>acquisition.newCustomersByYear[4294967294]</t></is></c>`);
      }),
    },
    {
      name: 'a rate of 150%', kind: 'invalid', message: /^journey\.renewal\.rate: must be between 0% and 100%, got 150%$/, where: /^Assumptions!B\d+$/,
      bytes: setNamedNumber(good, 'journey_renewal_rate', 1.5),
    },
  ];
}
