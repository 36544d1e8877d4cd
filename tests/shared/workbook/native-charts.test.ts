// The Board Report's native charts (issue 22): chart parts whose series refer to
// the sheet's live formula cells and cache the core's figures, so they redraw
// when an input changes. Read back from the XML, and through LibreOffice after
// an edit of the renewal rate: every chart's cached series moves to the edited
// model's figures and its printed page changes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, type ModelInputs, type ModelResult } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import type { Cell } from 'exceljs';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { chartSpaceXml } from '@shared/workbook/charts/chart-xml';
import { convertWithLibreOffice, sofficeOrSkip } from '../../support/libreoffice';
import { tenLanes } from '../../support/board-models';
import { setNamedNumber } from './xlsx-edit';

interface Series { name: string; catRef: string; cats: (string | null)[]; valRef: string; vals: (number | null)[] }
interface Chart { title: string; series: Series[] }

function points(xml: string, tag: 'c:strCache' | 'c:numCache'): (string | null)[] {
  const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
  if (body === undefined) return [];
  const out: (string | null)[] = Array.from({ length: Number(/<c:ptCount val="(\d+)"/.exec(body)![1]) }, () => null);
  for (const m of body.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(m[1])] = m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&quot;/g, '"');
  return out;
}

/** Every chart part of a package, by its title, as Bowtie or LibreOffice wrote it. */
function chartsOf(bytes: Uint8Array): Map<string, Chart> {
  const files = unzipSync(bytes);
  const out = new Map<string, Chart>();
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/charts\/chart\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, s]) => {
      const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(s!)![1]!, val = /<c:val>([\s\S]*?)<\/c:val>/.exec(s!)![1]!;
      return {
        name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s!)?.[1] ?? '',
        catRef: /<c:f>([^<]*)<\/c:f>/.exec(cat)![1]!.replace(/&apos;|&#39;/g, "'"), cats: points(cat, 'c:strCache'),
        valRef: /<c:f>([^<]*)<\/c:f>/.exec(val)![1]!.replace(/&apos;|&#39;/g, "'"), vals: points(val, 'c:numCache').map((v) => (v === null ? null : Number(v))),
      };
    });
    out.set(title, { title, series });
  }
  return out;
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
const seriesOf = (c: Chart, name: string) => c.series.find((s) => s.name === name)!;
/** A waterfall's steps: the amount each shows, whichever of its stacked series carries it. */
const steps = (c: Chart) => seriesOf(c, 'Total').vals.map((t, i) => (t ?? 0) + (seriesOf(c, 'Increase').vals[i] ?? 0) + (seriesOf(c, 'Decrease').vals[i] ?? 0));

/** What each chart must show, from the core. */
function expected(m: ModelInputs, r: ModelResult<number>) {
  const y = r.annual[1]!, d = y.decomposition!;
  return new Map<string, { cats: string[]; values: number[] }>([
    ['ARR at year end', { cats: r.annual.map((_, i) => `Year ${i + 1}`), values: r.annual.map((a) => a.closing) }],
    ['Year-2 ARR bridge', {
      cats: ['Opening ARR', 'Churn', 'Contraction', ...m.lanes.map((l) => l.name), 'Seat / tier growth', 'Price increase', 'New logos', 'Closing ARR'],
      values: [y.opening, y.churn, y.contraction, ...y.lanes, y.seat, y.price, y.newLogo, y.closing],
    }],
    ['Year-2 NRR, decomposed', {
      cats: ['Opening ARR', 'Churn', 'Contraction', ...m.lanes.map((l) => l.name), 'Seat / tier growth', 'Price increase', 'NRR'],
      values: [1, d.churn, d.contraction, ...d.lanes, d.seat, d.price, y.nrr!],
    }],
    ['Net and gross revenue retention by year', { cats: r.annual.slice(1).map((_, i) => `Year ${i + 2}`), values: r.annual.slice(1).map((a) => a.nrr!) }],
    [`Expansion lanes: ARR at the end of year ${r.years}`, { cats: r.lanes.map((l) => l.name), values: r.lanes.map((l) => l.arrEnd) }],
  ]);
}

/** The values a chart shows, in the order of its categories. */
const shown = (c: Chart) => (c.series.some((s) => s.name === 'Total') ? steps(c) : c.series[0]!.vals);

describe('native charts on the Board Report', () => {
  const m = defaultInputs();
  let bytes: Uint8Array;
  beforeAll(async () => { bytes = await writeWorkbook({ inputs: m, appVersion: 'test' }); });

  it('every series refers to the sheet’s formula cells, and caches what those cells cache: the core’s figures', async () => {
    const charts = chartsOf(bytes);
    const want = expected(m, computeModel(m));
    expect([...charts.keys()].sort()).toEqual([...want.keys()].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells = (ref: string) => {
      const [, sheet, a, b] = /^'?(.+?)'?!\$?([A-Z]+\$?\d+)(?::\$?([A-Z]+\$?\d+))?$/.exec(ref)!;
      const ws = wb.getWorksheet(sheet!.replace(/''/g, "'"))!;
      const from = ws.getCell(a!.replace(/\$/g, '')), to = ws.getCell((b ?? a!).replace(/\$/g, ''));
      const out: Cell[] = [];
      for (let r = Number(from.row); r <= Number(to.row); r++) for (let c = Number(from.col); c <= Number(to.col); c++) out.push(ws.getCell(r, c));
      return out;
    };
    for (const [title, chart] of charts) {
      for (const s of chart.series) {
        const vals = cells(s.valRef);
        expect(vals.length, `${title} · ${s.name}`).toBe(s.vals.length);
        vals.forEach((cell, i) => {
          const v = cell.value as { formula?: string; result?: unknown } | number;
          // a live figure, or a waterfall's constant zero in a column the step does not use
          if (typeof v === 'number') expect(v, `${title} · ${s.name} · ${cell.address}`).toBe(0);
          else expect(v.formula, `${title} · ${s.name} · ${cell.address}`).toBeTruthy();
          const result = typeof v === 'number' ? v : v.result;
          expect(s.vals[i], `${title} · ${s.name} · ${cell.address}`).toBe(typeof result === 'number' ? result : null);
        });
        expect(cells(s.catRef).map((c) => c.text)).toEqual(s.cats);
      }
      const w = want.get(title)!;
      expect(chart.series[0]!.cats, title).toEqual(w.cats);
      const got = shown(chart);
      expect(got.every((v, i) => close(v, w.values[i]!)), `${title}: ${got.join(', ')} against ${w.values.join(', ')}`).toBe(true);
    }
    // the retention chart draws GRR beside NRR
    const retention = charts.get('Net and gross revenue retention by year')!;
    expect(seriesOf(retention, 'GRR').vals).toEqual(computeModel(m).annual.slice(1).map((a) => a.grr));
  });

  it('writes one picture only where no native chart draws the same: the bowtie and the LTV curve', async () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files).filter((f) => f.startsWith('xl/media/'))).toEqual([]);
    // without pictures the Board Report gets a drawing of its own for the charts, with content types and relationships
    const types = strFromU8(files['[Content_Types].xml']!);
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(5);
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheet)![1]!;
    expect(strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels']!)).toMatch(new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"`));
    expect(strFromU8(files['xl/drawings/_rels/drawing1.xml.rels']!).match(/relationships\/chart"/g)).toHaveLength(5);
  });

  it('escapes names in the chart XML (a lane named with <, & and quotes)', () => {
    const xml = chartSpaceXml({ kind: 'bar', title: 'A & <B> "c"', axisFormat: '0', categories: { ref: "'Board Report'!$A$1:$A$1", cache: ['x & y'] }, series: [{ name: '<s>', values: { ref: "'Board Report'!$B$1:$B$1", cache: [1] }, color: '000000' }] });
    expect(xml).toContain('<a:t>A &amp; &lt;B&gt; &quot;c&quot;</a:t>');
    expect(xml).toContain('<c:v>x &amp; y</c:v>');
    expect(xml).not.toMatch(/<s>/);
  });
});

const soffice = sofficeOrSkip('native charts through LibreOffice');
const poppler = ['pdftotext', 'pdftoppm'].every((t) => existsSync(`/usr/bin/${t}`));

describe.skipIf(!soffice || !poppler)('native charts follow an edit through LibreOffice', () => {
  const m = tenLanes();
  const edited = structuredClone(m);
  edited.journey.renewal.rate = 0.6;
  let before: Uint8Array, after: Uint8Array, resaved: Uint8Array;
  let pdfs: Uint8Array[];
  beforeAll(async () => {
    before = await writeWorkbook({ inputs: m, appVersion: 'test' });
    after = setNamedNumber(before, 'journey_renewal_rate', 0.6);
    resaved = (await convertWithLibreOffice(soffice!, [{ name: 'after.xlsx', bytes: after }], 'xlsx'))[0]!;
    pdfs = await convertWithLibreOffice(soffice!, [{ name: 'before.xlsx', bytes: before }, { name: 'after.xlsx', bytes: after }], 'pdf');
  }, 300_000);

  it('every chart’s cached series changes, to the edited model’s figures', () => {
    const saved = chartsOf(before), recalculated = chartsOf(resaved);
    const want = expected(edited, computeModel(edited));
    expect([...recalculated.keys()].sort()).toEqual([...saved.keys()].sort());
    for (const [title, chart] of recalculated) {
      const was = shown(saved.get(title)!), now = shown(chart);
      expect(now.some((v, i) => !close(v, was[i]!)), `${title} did not move: ${now.join(', ')}`).toBe(true);
      const w = want.get(title)!;
      expect(now.every((v, i) => close(v, w.values[i]!)), `${title}: ${now.join(', ')} against ${w.values.join(', ')}`).toBe(true);
    }
  });

  it('the printed chart pages change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bowtie-charts-'));
    const titles = [...expected(m, computeModel(m)).keys()];
    const render = (pdf: Uint8Array, stem: string) => {
      const file = join(dir, `${stem}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('/usr/bin/pdftotext', ['-l', '12', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
      execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '12', file, join(dir, stem)]);
      const png = (p: number) => readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(`${stem}-`) && Number(/-(\d+)\.pgm$/.exec(f)?.[1]) === p)!));
      return { text, png };
    };
    const a = render(pdfs[0]!, 'before'), b = render(pdfs[1]!, 'after');
    // the charts start on a fresh page after the lane table, whose labels repeat some of their titles
    const first = a.text.findIndex((t) => t.includes('Margin floor')) + 1;
    expect(first).toBeGreaterThan(0);
    const pageOf = (text: string[], title: string) => text.findIndex((t, i) => i >= first && t.includes(title)) + 1;
    for (const title of titles) {
      const page = pageOf(a.text, title);
      expect(page, title).toBeGreaterThan(0);
      expect(pageOf(b.text, title), title).toBe(page);
      expect(Buffer.compare(a.png(page), b.png(page)), `${title}: page ${page} unchanged`).not.toBe(0);
    }
  });
});
