// `npm run bench`: medians over repeated runs after warm-up, printed as a table
// and written to bench-results.json ({name: medianMs}). Speed is measured here,
// never asserted in the test suite (2 shared, noisy cores).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { computeModel, computeSensitivity, defaultInputs, defaultTwoWay, toNumbers, type ModelInputs, type Segment } from '@shared/index';
import type { KnownSensitivity, WorkbookDocument } from '@shared/workbook/index';
import { largeModel, rampedModel, segmentedModel } from '../tests/support/models';
import { findSoffice, libreOfficeRecalcTimes } from './bench-libreoffice';

interface Row { name: string; target: number; median: number; runs: number; p90?: number; note?: string }

async function time(name: string, target: number, fn: () => unknown, runs = 20, warmup = 3): Promise<Row> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { name, target, median, runs };
}

/** The Sensitivity sheet's figures as the analysis worker hands them to the page (numbers). */
function screenSensitivity(m: ModelInputs): KnownSensitivity {
  const spec = defaultTwoWay(m);
  const s = computeSensitivity(m, spec);
  return {
    spec,
    cells: s.twoWay.cells.map((row) => row.map((c) => (c === null ? null : c.toNumber()))),
    problems: s.twoWay.problems,
    tornado: { figure: s.tornado.figure, base: s.tornado.base === null ? null : s.tornado.base.toNumber(), bars: toNumbers(s.tornado.bars) },
    drag: toNumbers(s.drag),
  };
}

const models: [string, ModelInputs][] = [['default', defaultInputs()], ['large', largeModel()]];
// Issue 13: every rampable input ramped over ten years and three installed-base cohorts.
const rampedModels: [string, ModelInputs][] = models.map(([label, m]) => [`${label} ramped+base`, rampedModel(m)]);
const rows: Row[] = [];

/** SMB, mid-market and enterprise: 60/30/10 of the logos, differing in ACV, term, renewal and a lane. */
function threeSegments(m: ModelInputs): Segment[] {
  const lane = m.lanes[0] ? { [`lanes.${m.lanes[0].id}.attachRate`]: 0.5 } : {};
  return [
    { id: 'smb', name: 'SMB', logoShare: 0.6, overrides: { 'acquisition.acv': 12000, 'acquisition.cacPerCustomer': 9000, 'journey.renewal.rate': 0.78 } },
    { id: 'mid', name: 'Mid-market', logoShare: 0.3, overrides: {} },
    { id: 'ent', name: 'Enterprise', logoShare: 0.1, overrides: { 'acquisition.acv': 150000, 'acquisition.contractMonths': 24, 'journey.renewal.rate': [0.9, 0.92], ...lane } },
  ];
}
for (const [label, m] of models) {
  const big = label === 'large';
  rows.push(await time(`${label} model: full recompute`, big ? 100 : 10, () => computeModel(m)));
  const [rLabel, r] = rampedModels.find(([l]) => l.startsWith(label))!;
  rows.push(await time(`${rLabel} model: full recompute`, big ? 300 : 20, () => computeModel(r)));
  rows.push(await time(`${label} model: full sensitivity (two-way 6×5, tornado, biggest drag)`, big ? 1000 : 100, () => computeSensitivity(m)));
  rows.push(await time(`${rLabel} model: full sensitivity (two-way 6×5, tornado, biggest drag)`, big ? 3000 : 300, () => computeSensitivity(r), big ? 5 : 20, 1));
}

// Segments (issue 24): three segments (SMB, mid-market, enterprise, each with
// overrides of its own) against the same model as one segment; target ≤ 3×.
const ratiosSegments: string[] = [];
for (const [label, m] of [...models, ...rampedModels]) {
  const one = threeSegments(m).slice(0, 1).map((s) => ({ ...s, logoShare: 1 }));
  const single = { ...m, segments: one, base: { cohorts: m.base.cohorts.map((c) => ({ ...c, segment: 'smb' })) } };
  const three = { ...m, segments: threeSegments(m), base: { cohorts: m.base.cohorts.map((c, i) => ({ ...c, segment: ['smb', 'mid', 'ent'][i % 3]! })) } };
  const big = label.startsWith('large');
  const a = await time(`${label} model, one segment: full recompute`, Number.NaN, () => computeModel(single), big ? 10 : 20, 1);
  const b = await time(`${label} model, three segments: full recompute`, Number((3 * a.median).toFixed(2)), () => computeModel(three), big ? 10 : 20, 1);
  b.note = `target 3 × one segment (${(b.median / a.median).toFixed(2)}×)`;
  rows.push(a, b);
  ratiosSegments.push(`${label}: ${(b.median / a.median).toFixed(2)}×`);
}

// Goal seek and ranges (issue 21): scripts/bench-what-if.ts.
{
  const { benchWhatIf } = await import('./bench-what-if');
  rows.push(...benchWhatIf());
}

// Accounts and pipeline (issue 25): scripts/bench-accounts.ts.
{
  const { benchAccounts } = await import('./bench-accounts');
  rows.push(...benchAccounts());
}

// Workbook save and open (issue #3), timed through the same API the app uses.
const workbookApi = 'shared/workbook/index.ts';
if (existsSync(workbookApi)) {
  const modulePath = '../shared/workbook/index';
  const wb = (await import(modulePath)) as {
    writeWorkbook: (doc: WorkbookDocument) => Promise<Uint8Array>;
    readWorkbook: (bytes: Uint8Array) => Promise<{ ok: boolean }>;
  };
  for (const [label, m] of [...models, ...rampedModels]) {
    const big = label.startsWith('large');
    const bytes = await wb.writeWorkbook({ inputs: m, appVersion: 'bench' });
    rows.push(await time(`${label} model: save .xlsx`, big ? 2000 : 300, () => wb.writeWorkbook({ inputs: m, appVersion: 'bench' }), big ? 10 : 20, 1));
    // The app's save when the Sensitivity sheet's figures on screen are current (files/screen-figures.ts).
    const known = screenSensitivity(m);
    rows.push(await time(`${label} model: save .xlsx with the screen's Sensitivity figures`, big ? 2000 : 300, () => wb.writeWorkbook({ inputs: m, appVersion: 'bench', known: { sensitivity: known } }), big ? 10 : 20, 1));
    rows.push(await time(`${label} model: open .xlsx`, big ? 2000 : 300, async () => {
      const r = await wb.readWorkbook(bytes);
      if (!r.ok) throw new Error('bench workbook did not open');
    }, big ? 10 : 20, 1));
  }
}

// Segments (issue 24): the save of a 3-segment model (tests/support/models.ts segmentedModel),
// each segment with its own Bridge, Journey and Calendar and the company summing them.
// Timed as the app saves, with the screen's Sensitivity figures current (computing the
// company's sensitivity is the core's cost, in its own rows). Target: ≤ 5 s for the large ramped.
if (existsSync(workbookApi)) {
  const { writeWorkbook } = await import('@shared/workbook/index');
  for (const [label, m, target] of [['default 3 segments', segmentedModel(defaultInputs()), 900], ['large ramped+base 3 segments', segmentedModel(rampedModel(largeModel())), 5000]] as const) {
    const known = screenSensitivity(m);
    rows.push(await time(`${label} model: save .xlsx with the screen's Sensitivity figures`, target, () => writeWorkbook({ inputs: m, appVersion: 'bench', known: { sensitivity: known } }), 5, 1));
  }
}

// Side by side with a spreadsheet engine (issue 13): LibreOffice's hard recalculation
// of the same exported workbooks, the document already loaded, against the core's
// full recompute of the same model, plain and ramped+base (whose workbook follows
// every cohort on its Calendar sheet, docs/workbook.md).
const soffice = findSoffice();
const ratios: string[] = [];
if (soffice && existsSync(workbookApi)) {
  const wbApi = (await import('@shared/workbook/index')) as { writeWorkbook: (doc: { inputs: ModelInputs; appVersion: string }) => Promise<Uint8Array> };
  const all = [...models, ...rampedModels];
  const files = await Promise.all(all.map(async ([label, m]) => ({ name: label, bytes: await wbApi.writeWorkbook({ inputs: m, appVersion: 'bench' }) })));
  const times = await libreOfficeRecalcTimes(soffice, files);
  for (const [label] of all) {
    const samples = [...(times.get(label) ?? [])].sort((a, b) => a - b);
    if (!samples.length) continue;
    const median = samples[samples.length >> 1]!;
    const name = `${label} model: LibreOffice hard recalc (calculateAll, loaded)`;
    rows.push({ name, target: Number.NaN, median, runs: samples.length });
    const core = rows.find((r) => r.name === `${label} model: full recompute`)!.median;
    ratios.push(`${label}: LibreOffice ${median.toFixed(1)} ms ÷ core ${core.toFixed(1)} ms = ${(median / core).toFixed(2)} (above 1: the core is faster)`);
  }
} else console.error('LibreOffice recalculation: not measured (soffice is not installed)');

// Hostile and broken workbooks (issue 9): how long a refusal takes is measured
// here, not asserted in tests/shared/workbook/hostile.test.ts. Target: well
// inside the CLI's 15 s limit, so a refusal is never mistaken for the deadline.
{
  const { hostileCases } = await import('../tests/shared/workbook/hostile-files');
  const { readWorkbook } = await import('@shared/workbook/index');
  for (const c of await hostileCases()) rows.push(await time(`hostile workbook refused: ${c.name}`, 1000, () => readWorkbook(c.bytes), 5, 1));
  const { parseWorkbookInChild } = await import('../cli/load-workbook');
  const { writeWorkbook } = await import('@shared/workbook/index');
  const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'bench' });
  rows.push(await time('CLI: default .xlsx read in its child process (start included)', 3000, () => parseWorkbookInChild(bytes), 5, 1));
}
// Actuals import at issue #14's size (3 million rows): fresh processes, peak memory, CPU time.
if (existsSync('scripts/bench-actuals.ts') && process.env.BENCH_SKIP_ACTUALS !== '1') {
  const { benchActuals } = await import('./bench-actuals');
  rows.push(...(await benchActuals()));
}
// Billing exports in their own shape (issue 20): 3 million Stripe-style lines, app path and CLI.
if (existsSync('scripts/bench-billing.ts') && process.env.BENCH_SKIP_BILLING !== '1') {
  const { benchBilling } = await import('./bench-billing');
  rows.push(...(await benchBilling()));
}

const results: Record<string, number> = {};
for (const r of rows) results[r.name] = Number(r.median.toFixed(3));

// The app's figures on the production build (cold start, edit-to-screen, the
// Sensitivity and Board Report tabs, the main thread during a save and a recovery
// copy) run in Chromium through their own script, which prints its rows as JSON.
if (existsSync('scripts/bench-latency.ts')) {
  await writeFile('bench-results.json', JSON.stringify(results, null, 2) + '\n');
  const run = spawnSync('npx', ['tsx', 'scripts/bench-latency.ts'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status === 0 && line.startsWith('{')) {
    const app = JSON.parse(line) as { rows: Row[] };
    rows.push(...app.rows);
    const merged = JSON.parse(await readFile('bench-results.json', 'utf8')) as Record<string, number>;
    for (const [k, v] of Object.entries(merged)) if (!(k in results)) results[k] = v;
  } else console.error(`app figures in Chromium: not measured (${line || 'script failed'})`);
}

const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(w)}  ${'median ms'.padStart(10)}  ${'p90 ms'.padStart(8)}  ${'target ms'.padStart(9)}  runs`);
console.log(`${'-'.repeat(w)}  ${'-'.repeat(10)}  ${'-'.repeat(8)}  ${'-'.repeat(9)}  ----  ----`);
for (const r of rows) {
  // Edit-to-screen's target is on its p90; the others' on the median (or the worst run, for long tasks).
  const judged = r.p90 ?? r.median;
  const p90 = r.p90 === undefined ? '' : r.p90.toFixed(2);
  const target = Number.isNaN(r.target) ? '—' : String(r.target);
  const verdict = Number.isNaN(r.target) ? '    ' : judged <= r.target ? 'ok  ' : 'SLOW';
  console.log(`${r.name.padEnd(w)}  ${r.median.toFixed(2).padStart(10)}  ${p90.padStart(8)}  ${target.padStart(9)}  ${String(r.runs).padStart(4)}  ${verdict}${r.note ? `  ${r.note}` : ''}`);
}
if (ratiosSegments.length) console.log(`\nThree segments vs one, same model (target ≤ 3×):\n  ${ratiosSegments.join('\n  ')}`);
if (ratios.length) console.log(`\nSpreadsheet engine vs core, same model:\n  ${ratios.join('\n  ')}`);
await writeFile('bench-results.json', JSON.stringify(results, null, 2) + '\n');
