// A fingerprint of every figure the core computes and of the workbooks it writes,
// so a refactor can prove it moved nothing (issue 18: "every figure and every
// workbook is unchanged"). scripts/capture-core-fingerprint.ts writes it to
// tests/fixtures/core-fingerprint.json; tests/shared/core/fingerprint.test.ts and
// tests/shared/workbook/fingerprint.test.ts recompute and compare.
//
// Per model: a SHA-256 of the canonical serialisation (every Decimal as its
// `toString()`, keys sorted), and a few headline figures in clear so a failure says
// roughly what moved. Per workbook and sheet: a SHA-256 of every cell's address and
// formula (or literal), one of every cached value, and per block of 12 columns
// the count and Σ asinh of the numbers (asinh: a change in a 0.9 survival share
// counts as much as one in a $9M ARR, and a last-digit rounding counts as nothing).
import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import {
  computeExact, computeSensitivity, defaultInputs, LANE_ANCHORS, validateInputs,
  type BaseCohort, type Lane, type ModelInputs,
} from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { mulberry32 } from '@shared/index';
import { applyScenario } from '@shared/model/scenarios';
import { expansionOutrunsChurn, oneYear, shrinking, tenLanes, threeScenarios } from './board-models';
import { g1, g4, g5, largeModel, rampedModel } from './models';

// --- the models -------------------------------------------------------------------

/** The spec's mulberry32 (§11), the core's own: the random models change only if the spec's generator does. */
const prng = mulberry32;

/**
 * One random valid model, 12–120 months (every tenth 120), 0–10 lanes; a third are
 * plain (no ramp, no base), the rest ramp about half their rampable inputs and
 * have 0–3 installed-base cohorts.
 */
function randomModel(rand: () => number, i: number): ModelInputs {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const plain = rand() < 1 / 3;
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const rate = () => int(0, 200) / 200;
  const money = () => int(0, 400) * 500;
  /** the constant, or (half the time) a list of 1–10 yearly values */
  const ramp = (gen: () => number): number | number[] => (plain || rand() < 0.5 ? gen() : Array.from({ length: int(1, 10) }, gen));
  const m = defaultInputs();
  m.general.name = `Random ${i}`;
  m.general.horizonMonths = i % 10 === 9 ? 120 : int(12, 120);
  m.general.discountRateAnnual = int(0, 30) / 100;
  m.general.ltvYears = int(1, 10);
  m.general.subscriptionGrossMargin = rate();
  m.acquisition.newCustomersByYear = Array.from({ length: int(1, 10) }, () => int(0, 300));
  m.acquisition.timing = pick(['yearStart', 'even'] as const);
  m.acquisition.acv = ramp(money);
  m.acquisition.contractMonths = pick([1, 3, 6, 12, 12, 12, 18, 24, 36]);
  m.acquisition.cacPerCustomer = ramp(money);
  const months = [int(0, 12), int(0, 12), int(0, 12)].sort((x, y) => x - y);
  m.journey.onboarding = { rate: ramp(rate), month: months[0]! };
  m.journey.firstValue = { rate: ramp(rate), month: months[1]!, targetDays: 60 };
  m.journey.adoption = { rate: ramp(rate), month: months[2]! };
  m.journey.renewal = { rate: ramp(rate), nonAdopterRate: ramp(rate) };
  m.journey.contractionRate = ramp(() => int(0, 20) / 100);
  m.journey.priceIncrease = ramp(() => int(0, 10) / 100);
  m.journey.seatExpansion = ramp(() => int(0, 30) / 100);
  m.lanes = Array.from({ length: int(0, 10) }, (_, k): Lane => {
    const windowStart = int(0, 14);
    return {
      id: `l${k}`, name: `Lane ${k}`, anchor: pick(LANE_ANCHORS), windowStart, windowEnd: windowStart + int(0, 8),
      attachRate: ramp(rate), acv: ramp(money), grossMargin: rate(),
    };
  });
  const cohorts: BaseCohort[] = plain || rand() < 0.5 ? [] : Array.from({ length: int(1, 3) }, () => {
    const customers = int(0, 300), ageMonths = int(1, 60);
    return { name: `Cohort aged ${ageMonths}`, customers, arr: customers * money(), ageMonths, adopterShare: rand() < 0.5 ? null : rate() };
  });
  m.base = { cohorts };
  return m;
}

/** 150 random valid models from a fixed seed (an invalid draw is skipped). */
export function randomModels(count = 150, seed = 18): [string, ModelInputs][] {
  const rand = prng(seed);
  const out: [string, ModelInputs][] = [];
  for (let i = 0; out.length < count; i++) {
    const m = randomModel(rand, i);
    if (validateInputs(m).length === 0) out.push([`random ${out.length}`, m]);
  }
  return out;
}

/** Every model the core and workbook tests use by name, and the spec's golden cases. */
export function namedModels(): [string, ModelInputs][] {
  const g2 = defaultInputs();
  g2.journey.renewal.nonAdopterRate = 0;
  const upside = (): ModelInputs[] => threeScenarios().scenarios.map((s) => applyScenario(defaultInputs(), s).inputs);
  return [
    ['default', defaultInputs()],
    ['G1', g1()], ['G2', g2], ['G4', g4()], ['G5', g5()],
    ['large', largeModel()],
    ['default ramped+base', rampedModel(defaultInputs())],
    ['large ramped+base', rampedModel(largeModel())],
    ['expansion outruns churn', expansionOutrunsChurn()],
    ['ten lanes', tenLanes()],
    ['shrinking', shrinking()],
    ['one year', oneYear()],
    ...upside().map((m, i): [string, ModelInputs] => [`scenario ${i + 1} of three`, m]),
  ];
}

/** The workbooks: plain, ramped, base, ramped + base, and 120 months plain and ramped + base. */
export function workbookModels(): [string, ModelInputs][] {
  const ramped = defaultInputs();
  ramped.journey.renewal.rate = [0.85, 0.88, 0.9];
  ramped.acquisition.acv = [65000, 70000];
  ramped.lanes[0]!.attachRate = [0.35, 0.4];
  const base = defaultInputs();
  base.base = structuredClone(rampedModel(defaultInputs()).base);
  return [
    ['default', defaultInputs()],
    ['ramped', ramped],
    ['base', base],
    ['default ramped+base', rampedModel(defaultInputs())],
    ['large', largeModel()],
    ['large ramped+base', rampedModel(largeModel())],
  ];
}

// --- the core ---------------------------------------------------------------------

/** JSON with sorted keys and every Decimal as its toString(). */
export function canonical(x: unknown): string {
  if (x === null || x === undefined) return 'null';
  if (Decimal.isDecimal(x)) return `"${(x).toString()}"`;
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(x);
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface CoreEntry {
  /** SHA-256 of the model's inputs: a change here means the generator changed, not the core */
  inputs: string;
  result: string;
  /** the two-way table, tornado and biggest drag (named models only) */
  sensitivity?: string;
  headline: Record<string, string | null>;
}

export function coreEntry(m: ModelInputs, withSensitivity: boolean): CoreEntry {
  const r = computeExact(m);
  const last = r.annual[r.annual.length - 1];
  return {
    inputs: sha256(canonical(m)),
    result: sha256(canonical(r)),
    ...(withSensitivity ? { sensitivity: sha256(canonical(computeSensitivity(m))) } : {}),
    headline: {
      years: String(r.years),
      openingArr: r.openingArr.toString(),
      lastClosing: r.months[r.months.length - 1]!.closing.toString(),
      lastYearNrr: last?.nrr?.toString() ?? null,
      ltvRevenue: r.ltv.revenue.toString(),
    },
  };
}

// --- the workbooks ----------------------------------------------------------------

export const SAVED_AT = new Date('2026-01-01T00:00:00.000Z');

export interface SheetEntry {
  cells: number;
  formulas: string;
  values: string;
  /** per block of 12 columns: [numbers, Σ asinh(number)] */
  numbers: [number, number][];
}

const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v) ?? 'undefined');

export async function workbookEntry(m: ModelInputs): Promise<Record<string, SheetEntry>> {
  const bytes = await writeWorkbook({ inputs: m, appVersion: 'fingerprint', savedAt: SAVED_AT });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, SheetEntry> = {};
  wb.eachSheet((ws) => {
    const formulas: string[] = [], values: string[] = [];
    const numbers: [number, number][] = [];
    let cells = 0;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      cells++;
      const v = c.value as unknown;
      const isFormula = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
      const cached = isFormula ? (v as { result?: unknown }).result : v;
      formulas.push(`${c.address}\t${isFormula ? `=${(v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula: string }).sharedFormula}` : text(v)}`);
      values.push(`${c.address}\t${text(cached)}`);
      if (typeof cached === 'number') {
        const b = Math.floor((Number(c.col) - 1) / 12);
        while (numbers.length <= b) numbers.push([0, 0]);
        numbers[b]![0]++;
        numbers[b]![1] += Math.asinh(cached);
      }
    }));
    out[ws.name] = { cells, formulas: sha256(formulas.join('\n')), values: sha256(values.join('\n')), numbers };
  });
  return out;
}

export interface Fingerprint {
  /** how it was made, for the next engineer */
  note: string;
  core: Record<string, CoreEntry>;
  workbooks: Record<string, Record<string, SheetEntry>>;
}

export const FINGERPRINT_PATH = 'tests/fixtures/core-fingerprint.json';
