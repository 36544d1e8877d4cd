// Everything the sheets cache beside their formulas, taken from the core: the
// model result, one customer's journey over the Journey sheet's 120 ages, the same
// journey for a customer of each path alone (the sheet's per-path columns),
// and the company roll-ups the NRR working columns show, and the Calendar
// sheet's cohort-by-cohort figures for a model that needs it.
import { computeExact, computeSensitivity, defaultTwoWay, JOURNEY_PATHS, needsCalendar, sameTwoWaySpec, twoWayBase, type Dec, type ModelInputs, type ModelResult, type JourneyPath, type Sensitivity, type TwoWaySpec } from '../index';
import type { KnownSensitivity } from './types';
import { acquisitionBlocks, AgeSeries, calendarSheet, computeJourney, journeySeries, rollUp, type Block, type CalendarSheet, type Journey, type JourneySeries } from '../core/workbook-api';

/** The Journey sheet always has the longest LTV window's ages (10 years), so the LTV window stays a live input. */
export const JOURNEY_AGES = 120;

/** Stage rates that make every customer fall into one path (probability exactly 1). */
const PURE: Record<JourneyPath, [number, number, number]> = {
  failedOnboarding: [0, 0, 0],
  failedFirstValue: [1, 0, 0],
  failedAdoption: [1, 1, 0],
  adopter: [1, 1, 1],
};

function purePath(m: ModelInputs, s: JourneyPath): ModelInputs {
  const [on, fv, ad] = PURE[s];
  return {
    ...m,
    journey: {
      ...m.journey,
      onboarding: { ...m.journey.onboarding, rate: on },
      firstValue: { ...m.journey.firstValue, rate: fv },
      adoption: { ...m.journey.adoption, rate: ad },
    },
  };
}

/** One model's figures without the Sensitivity sheet's (a segment's). */
export type ModelFigures = Omit<Figures, 'sensitivity'>;

export interface Figures {
  result: ModelResult<Dec>;
  journey: Journey;
  /** per path: the journey of a customer known to be in it */
  unit: Record<JourneyPath, Journey>;
  pre: JourneySeries;
  cumArr: AgeSeries;
  blocks: Block[];
  /** Σ over cohorts closed by cMax of newCustomers × f(t − c) */
  roll: (p: AgeSeries, t: number, cMax?: number) => Dec;
  /** the screen's numbers when they were current (KnownSensitivity), else the core's decimals */
  sensitivity: Sensitivity<Dec> | Sensitivity<number>;
  /** a model that changes by year or has an installed base: the Calendar sheet's figures, cohort by cohort */
  calendar: CalendarSheet | null;
}

/** The screen's Sensitivity figures when they are for this table, else null (the writer computes them). */
function knownSensitivity(m: ModelInputs, spec: TwoWaySpec, known?: KnownSensitivity): Sensitivity<number> | null {
  if (!known || !sameTwoWaySpec(known.spec, spec) || known.tornado.figure !== spec.figure) return null;
  const base = twoWayBase(m, spec);
  return {
    twoWay: { ...spec, cells: known.cells, problems: known.problems, base, baseValue: base ? known.cells[base.row]?.[base.col] ?? null : null },
    tornado: { ...known.tornado, figure: known.tornado.figure },
    drag: known.drag,
  };
}

/** `spec`: the two-way table the user chose (the core's default when absent); `known`: the screen's figures for it. */
export function workbookFigures(m: ModelInputs, spec?: TwoWaySpec, known?: KnownSensitivity): Figures {
  return { ...modelFigures(m), sensitivity: knownSensitivity(m, spec ?? defaultTwoWay(m), known) ?? computeSensitivity(m, spec) };
}

/** A segment's figures (spec §2.3: its own model): always on a Calendar, so every segment's Bridge is laid out alike. */
export const segmentFigures = (segment: ModelInputs): Omit<Figures, 'sensitivity'> => modelFigures(segment, true);

function modelFigures(m: ModelInputs, calendarAlways = false): Omit<Figures, 'sensitivity'> {
  // With segments the company has no Calendar of its own: its sheets sum the segments' (segment-sheets.ts).
  const calendar = calendarAlways || (needsCalendar(m) && !m.segments?.length) ? calendarSheet(m) : null;
  const result = computeExact(m, calendar ? { run: calendar.run } : {});
  const journey = computeJourney(m, JOURNEY_AGES);
  const unit = {} as Record<JourneyPath, Journey>;
  for (const s of JOURNEY_PATHS) unit[s] = computeJourney(purePath(m, s), JOURNEY_AGES);
  const blocks = acquisitionBlocks(m);
  return {
    result,
    journey,
    unit,
    pre: journeySeries(journey),
    cumArr: new AgeSeries(journey.arr),
    blocks,
    roll: (p, t, cMax = t) => rollUp(p, blocks, t, cMax),
    calendar,
  };
}
