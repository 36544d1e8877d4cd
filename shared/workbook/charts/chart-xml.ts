// One native chart as DrawingML (a `c:chartSpace` part, ECMA-376 Part 1 §21.2),
// written by Bowtie because ExcelJS writes no charts. Only what Excel 2010 and
// LibreOffice 7.4 both draw: a bar, column, line or area chart, clustered or
// stacked, on one category axis and one value axis. Every series refers to a
// range of the workbook's cells (`c:f`) and caches the values those cells cache
// (`c:numCache`, `c:strCache`), so a viewer that never recalculates draws the
// core's figures and one that does redraws from the formulas.

/** A range of cells as a chart refers to it: `'Board Report'!$B$5:$K$5`, with the values its cells cache, in order. */
export interface ChartRange<T extends number | string> {
  ref: string;
  /** one entry per cell of the range; null: a blank or text cell, drawn as a gap */
  cache: readonly (T | null)[];
}

export interface ChartSeries {
  name: string;
  values: ChartRange<number>;
  /** fill (bars, areas) or line colour as RRGGBB; null: no fill and no line (a waterfall's invisible base) */
  color: string | null;
  /** the value printed on each bar or point, in this Excel format (a zero section left empty hides zeros) */
  labels?: string;
  /** the labels' colour as RRGGBB (white inside a dark stacked bar); default ink */
  labelColor?: string;
}

export type ChartKind = 'column' | 'bar' | 'line' | 'area';

export interface ChartDefinition {
  kind: ChartKind;
  /** stacked bars or areas (a waterfall: an invisible base under the visible step) */
  stacked?: boolean;
  title: string;
  categories: ChartRange<string>;
  series: ChartSeries[];
  /** the value axis's Excel number format */
  axisFormat: string;
  /** a legend below the plot; off for a single series or a waterfall, whose colours the title explains */
  legend?: boolean;
  /** bars read top to bottom in the order of their cells (a horizontal bar chart's default is bottom up) */
  topDown?: boolean;
}

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CAT_AX = 111;
const VAL_AX = 222;

export const xmlText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const font = (sz: number, bold = false, rgb = '1D2733') => `<a:defRPr sz="${sz}" b="${bold ? 1 : 0}">${solid(rgb)}<a:latin typeface="Calibri"/></a:defRPr>`;
const txPr = (sz: number, bold = false, rgb?: string) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(sz, bold, rgb)}</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

function strRef(r: ChartRange<string>): string {
  const pts = r.cache.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${xmlText(r.ref)}</c:f><c:strCache><c:ptCount val="${r.cache.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(r: ChartRange<number>, format: string): string {
  // a number is cached as its shortest round-trip decimal: the double the cell caches
  const pts = r.cache.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`)).join('');
  return `<c:numRef><c:f>${xmlText(r.ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${r.cache.length}"/>${pts}</c:numCache></c:numRef>`;
}

function seriesXml(def: ChartDefinition, s: ChartSeries, i: number): string {
  const line = def.kind === 'line';
  const sp = s.color === null
    ? '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
    : line ? `<c:spPr><a:ln w="28575" cap="rnd">${solid(s.color)}<a:round/></a:ln></c:spPr>` : `<c:spPr>${solid(s.color)}<a:ln><a:noFill/></a:ln></c:spPr>`;
  const marker = line ? (s.color === null ? '<c:marker><c:symbol val="none"/></c:marker>' : `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(s.color)}<a:ln><a:noFill/></a:ln></c:spPr></c:marker>`) : '';
  // a stacked bar's label may not sit outside its end (Excel repairs `outEnd` there)
  const pos = def.stacked ? '' : line ? '<c:dLblPos val="t"/>' : (def.kind === 'column' || def.kind === 'bar') ? '<c:dLblPos val="outEnd"/>' : '';
  const labels = s.labels === undefined ? '' : `<c:dLbls><c:numFmt formatCode="${xmlText(s.labels)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(800, true, s.labelColor)}${pos}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const bar = def.kind === 'column' || def.kind === 'bar';
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>${sp}${bar ? '<c:invertIfNegative val="0"/>' : ''}${marker}${labels}`
    + `<c:cat>${strRef(def.categories)}</c:cat><c:val>${numRef(s.values, def.axisFormat)}</c:val>${line ? '<c:smooth val="0"/>' : ''}</c:ser>`;
}

function plotXml(def: ChartDefinition): string {
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const series = def.series.map((s, i) => seriesXml(def, s, i)).join('');
  const grouping = def.stacked ? 'stacked' : def.kind === 'column' || def.kind === 'bar' ? 'clustered' : 'standard';
  switch (def.kind) {
    case 'column':
    case 'bar':
      return `<c:barChart><c:barDir val="${def.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}`
        + `<c:gapWidth val="${def.stacked ? 40 : 80}"/>${def.stacked ? '<c:overlap val="100"/>' : ''}${axIds}</c:barChart>`;
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
    case 'area':
      return `<c:areaChart><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}${axIds}</c:areaChart>`;
  }
}

function axesXml(def: ChartDefinition): string {
  const horizontal = def.kind === 'bar';
  const noTicks = '<c:majorTickMark val="none"/><c:minorTickMark val="none"/>';
  const axisLine = '<c:spPr><a:ln w="9525">' + solid('BFC5CE') + '</a:ln></c:spPr>';
  const cat = `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal && def.topDown ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>${noTicks}<c:tickLblPos val="low"/>${axisLine}${txPr(800)}`
    + `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val = `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? (def.topDown ? 't' : 'b') : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid('E3E7EE')}</a:ln></c:spPr></c:majorGridlines>`
    + `<c:numFmt formatCode="${xmlText(def.axisFormat)}" sourceLinked="0"/>${noTicks}<c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${txPr(800, false, '5B6675')}`
    + `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** The chart part's XML. */
export function chartSpaceXml(def: ChartDefinition): string {
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(1200, true, '1F3A5F')}</a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1">${solid('1F3A5F')}</a:rPr><a:t>${xmlText(def.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend = def.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(800)}</c:legend>` : '';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${plotXml(def)}${axesXml(def)}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + `<c:spPr>${solid('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>${txPr(900)}</c:chartSpace>`;
}
