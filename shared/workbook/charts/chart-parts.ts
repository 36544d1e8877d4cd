// Native charts into the package ExcelJS wrote (it writes pictures, never charts):
// each chart becomes `xl/charts/chartN.xml`, anchored on its sheet's drawing by a
// `xdr:graphicFrame`; the drawing is ExcelJS's when the sheet has pictures,
// else a new one the sheet points at. Content types and relationships follow.
import { strFromU8, strToU8 } from 'fflate';
import { chartSpaceXml, xmlText, type ChartDefinition } from './chart-xml';

/** Where a chart sits: from the top-left corner of cell (col, row) to that of (toCol, toRow); 0-based, as DrawingML counts. */
export interface ChartAnchor { col: number; row: number; toCol: number; toRow: number }

export interface PlacedChart { sheet: string; anchor: ChartAnchor; chart: ChartDefinition }

type Parts = Record<string, Uint8Array>;

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_REL = `${REL_NS}/chart`;
const DRAWING_REL = `${REL_NS}/drawing`;
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
const EMPTY_DRAWING = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>';
/** What follows `<drawing>` in a worksheet (CT_Worksheet's order): a new drawing goes before the first of them. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const text = (parts: Parts, name: string): string | null => (parts[name] ? strFromU8(parts[name]) : null);
const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** A relationship's target, relative to the part's folder, as a package path. */
function resolvePath(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') path.pop();
    else if (seg !== '.') path.push(seg);
  }
  return path.join('/');
}

/** A part's relationship targets by id. */
function relations(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({ id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' }));
}

function addRelation(parts: Parts, part: string, type: string, target: string): string {
  const name = relsOf(part);
  const xml = text(parts, name) ?? EMPTY_RELS;
  const taken = new Set(relations(xml).map((r) => r.id));
  let n = 1;
  while (taken.has(`rIdChart${n}`)) n++;
  const id = `rIdChart${n}`;
  parts[name] = strToU8(xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

/** `xl/worksheets/sheet3.xml` for the sheet named `sheet`. */
function sheetPart(parts: Parts, sheet: string): string {
  const wb = text(parts, 'xl/workbook.xml') ?? '';
  const tag = [...wb.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => m[0]).find((t) => attr(t, 'name') === xmlText(sheet));
  const rid = tag ? attr(tag, 'r:id') : null;
  const target = rid ? relations(text(parts, 'xl/_rels/workbook.xml.rels') ?? '').find((r) => r.id === rid)?.target : undefined;
  if (!target) throw new Error(`cannot add a chart: the workbook has no sheet "${sheet}"`);
  return resolvePath('xl/workbook.xml', target);
}

/** The sheet's drawing part, made (and pointed at) when the sheet has none. */
function drawingOf(parts: Parts, sheet: string): string {
  const part = sheetPart(parts, sheet);
  const xml = text(parts, part)!;
  const rid = /<drawing\b[^>]*r:id="([^"]+)"/.exec(xml)?.[1];
  if (rid) {
    const target = relations(text(parts, relsOf(part)) ?? '').find((r) => r.id === rid)!.target;
    return resolvePath(part, target);
  }
  let n = 1;
  while (parts[`xl/drawings/drawing${n}.xml`]) n++;
  const drawing = `xl/drawings/drawing${n}.xml`;
  parts[drawing] = strToU8(EMPTY_DRAWING);
  addContentType(parts, `/${drawing}`, DRAWING_TYPE);
  const id = addRelation(parts, part, DRAWING_REL, `../drawings/drawing${n}.xml`);
  const at = AFTER_DRAWING.map((t) => xml.indexOf(`<${t}`)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? xml.lastIndexOf('</worksheet>');
  const withNs = /xmlns:r=/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet')))) ? xml : xml.replace('<worksheet', `<worksheet xmlns:r="${REL_NS}"`);
  const shift = withNs.length - xml.length;
  parts[part] = strToU8(`${withNs.slice(0, at + shift)}<drawing r:id="${id}"/>${withNs.slice(at + shift)}`);
  return drawing;
}

function addContentType(parts: Parts, partName: string, type: string): void {
  const xml = text(parts, '[Content_Types].xml')!;
  if (xml.includes(`PartName="${partName}"`)) return;
  parts['[Content_Types].xml'] = strToU8(xml.replace('</Types>', `<Override PartName="${partName}" ContentType="${type}"/></Types>`));
}

function frameXml(id: number, name: string, rid: string, a: ChartAnchor): string {
  const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(a.col, a.row)}</xdr:from><xdr:to>${at(a.toCol, a.toRow)}</xdr:to>`
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlText(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL_NS}" r:id="${rid}"/></a:graphicData></a:graphic>`
    + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
}

/** Adds each chart's part, its frame on its sheet's drawing, their relationships and content types, in place. */
export function addChartParts(parts: Parts, charts: readonly PlacedChart[]): void {
  let n = 0;
  for (const placed of charts) {
    while (parts[`xl/charts/chart${n + 1}.xml`]) n++;
    const part = `xl/charts/chart${++n}.xml`;
    parts[part] = strToU8(chartSpaceXml(placed.chart));
    addContentType(parts, `/${part}`, CHART_TYPE);
    const drawing = drawingOf(parts, placed.sheet);
    const rid = addRelation(parts, drawing, CHART_REL, `../charts/chart${n}.xml`);
    const xml = text(parts, drawing)!;
    // shape ids are unique within a drawing: after ExcelJS's pictures
    const ids = [...xml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(1, ...ids) + 1;
    parts[drawing] = strToU8(xml.replace('</xdr:wsDr>', `${frameXml(id, placed.chart.title, rid, placed.anchor)}</xdr:wsDr>`));
  }
}
