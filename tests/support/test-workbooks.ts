// The exported workbooks the package checks run over (issue 22): every shape a
// saved file takes — the example with its five chart pictures, ten long-named
// lanes with three scenarios, a shrinking base, one year, the large model, ramps
// and an installed base (the Calendar sheet), the large ramped model, today's
// book alone, imported actuals with ranges (the Ranges sheet and the board's
// Range of outcomes), and three segments (each with its own Bridge, Journey and
// Calendar). Built once per test file.
import { completeYears, computeModel, defaultInputs, runRanges, type ModelInputs } from '@shared/index';
import { writeWorkbook, type ActualsSheet, type WorkbookDocument, type WorkbookRanges } from '@shared/workbook/index';
import { boardImages } from '@shared/report/draw';
import { comparisonForWorkbook } from '@shared/report/index';
import { figuresOf, readActualsCsv } from '@shared/actuals/index';
import { rasterizePng } from '../../cli/rasterize-png';
import { oneYear, shrinking, tenLanes, threeScenarios } from './board-models';
import { g4, largeModel, rampedModel, segmentedModel } from './models';
import { randomBook, writeCsv } from './actuals-files';

export interface TestWorkbook { name: string; doc: WorkbookDocument; bytes: Uint8Array }

function actualsSheet(): ActualsSheet {
  const r = figuresOf(readActualsCsv(writeCsv(randomBook(31, { customers: 30, months: 26 }))));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const { cohorts, ...monthly } = r.figures;
  return { source: { fileName: 'billing.csv', rows: r.quality.rows, sha256: 'ab'.repeat(32) }, ...monthly, cohorts: cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

const savedAt = new Date('2026-03-04T05:06:00Z');

/** Three ranges (one a lane's, one a ramp year's) with a target, run as the app saves them. */
function rangesOf(m: ModelInputs): WorkbookRanges {
  const ranges = [
    { key: 'journey.renewal.rate', low: 0.8, mode: 0.85, high: 0.92 },
    { key: `lanes.${m.lanes[0]!.id}.attachRate`, low: 0.1, high: 0.5 },
    { key: 'acquisition.newCustomersByYear[1]', low: 60, high: 120 },
  ];
  const simulation = { samples: 200, seed: 5, targets: [{ output: 'nrrByYear[1]', value: 1.1 }] };
  const last = completeYears(m.general.horizonMonths) - 1;
  const planArr = computeModel(m).annual[last]!.closing;
  const report = runRanges(m, ranges, { ...simulation, targets: [...simulation.targets, { output: `arrByYearEnd[${last}]`, value: planArr }] });
  return { ranges, simulation, outcome: { report, planArr } };
}

/** Every name at its longest (model 120 characters with ampersands, lanes and stages 60, cohorts), ten lanes, a base. */
export function longNames(): ModelInputs {
  const m = rampedModel(tenLanes());
  const long = (stem: string, n: number) => `${stem} `.repeat(n).slice(0, n).trimEnd().padEnd(n, 'x');
  m.general.name = long('R&D & Ops &', 120);
  m.lanes = m.lanes.map((l, i) => ({ ...l, name: long(`Lane ${i + 1} with a very long descriptive name`, 60) }));
  m.acquisition.funnel = m.acquisition.funnel.map((s, i) => ({ ...s, name: long(`Stage ${i + 1} of the funnel, described at length`, 60) }));
  m.base.cohorts = m.base.cohorts.map((k, i) => ({ ...k, name: long(`Cohort ${i + 1} of customers signed before the model starts`, 60) }));
  return m;
}

/** `withPictures`: the Board Report's chart images, as the CLI's export draws them (slower). */
export async function testWorkbookDocs(opts: { withPictures?: boolean } = {}): Promise<{ name: string; doc: WorkbookDocument }[]> {
  const pictures = async (m: ModelInputs) => (opts.withPictures ? { boardImages: await boardImages(m, rasterizePng, computeModel(m)) } : {});
  const plain = (name: string, inputs: ModelInputs, more: Partial<WorkbookDocument> = {}) => ({ name, doc: { inputs, appVersion: 'test', savedAt, ...more } });
  const example = defaultInputs();
  const ten = tenLanes();
  return [
    plain('example', example, await pictures(example)),
    plain('ten-lanes', ten, { scenarioComparison: comparisonForWorkbook(ten, threeScenarios()), ...(await pictures(ten)) }),
    plain('shrinking', shrinking()),
    plain('one-year', oneYear()),
    plain('large', largeModel()),
    plain('ramped', rampedModel(defaultInputs())),
    plain('large-ramped', rampedModel(largeModel())),
    plain('base', g4()),
    plain('actuals', defaultInputs(), { actuals: actualsSheet(), ranges: rangesOf(defaultInputs()) }),
    plain('long-names', longNames()),
    plain('segments', segmentedModel(rampedModel(defaultInputs()))),
  ];
}

export async function testWorkbooks(opts: { withPictures?: boolean } = {}): Promise<TestWorkbook[]> {
  const out: TestWorkbook[] = [];
  for (const { name, doc } of await testWorkbookDocs(opts)) out.push({ name, doc, bytes: await writeWorkbook(doc) });
  return out;
}
