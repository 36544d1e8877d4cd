// The headline figures of the strip above every sheet, with their figure keys
// (issue 4 §6: kpi.nrr.y2, kpi.grr.y2, kpi.arr.y1…, kpi.ltvToCac, kpi.nrrBand).
import type { ModelResult } from '../../../shared/index';
import { formatFigure, type FigureFormat } from '../../../shared/index';

export interface Kpi {
  key: string;
  label: string;
  /** accessible name */
  name: string;
  value: number | string | null;
  format: FigureFormat;
  /** a hint under the figure */
  detail?: string;
  tone?: 'good' | 'warn' | 'bad';
}

/** Up to this many year-end ARR figures fit in the strip. */
const ARR_YEARS = 5;

function bandTone(nrr: number | null): Kpi['tone'] {
  if (nrr === null) return undefined;
  return nrr >= 1 ? 'good' : nrr >= 0.9 ? 'warn' : 'bad';
}

export function headlineKpis(r: ModelResult<number>): Kpi[] {
  const y2 = r.annual[1];
  const nrr = y2?.nrr ?? null;
  const y1 = r.annual[0];
  // With customers on the books, year 1's NRR is today's book over the next 12 months (spec §4).
  const book: Kpi[] = r.openingArr > 0 && y1 ? [
    { key: 'kpi.nrr.y1', label: 'NRR, next 12 months (today’s book)', name: 'Net revenue retention of today’s book over the next 12 months', value: y1.nrr, format: 'percent', tone: bandTone(y1.nrr) },
    { key: 'kpi.grr.y1', label: 'GRR, next 12 months', name: 'Gross revenue retention of today’s book over the next 12 months', value: y1.grr, format: 'percent' },
  ] : [];
  const out: Kpi[] = [
    ...book,
    { key: 'kpi.nrr.y2', label: 'NRR Y2', name: 'Net revenue retention, year 2', value: nrr, format: 'percent', tone: bandTone(nrr) },
    { key: 'kpi.nrrBand', label: 'NRR band', name: 'NRR band, year 2', value: r.nrrBand, format: 'text', tone: bandTone(nrr) },
    { key: 'kpi.grr.y2', label: 'GRR Y2', name: 'Gross revenue retention, year 2', value: y2?.grr ?? null, format: 'percent' },
  ];
  r.annual.slice(0, ARR_YEARS).forEach((y) =>
    out.push({ key: `kpi.arr.y${y.year}`, label: `ARR Y${y.year} end`, name: `ARR at the end of year ${y.year}`, value: y.closing, format: 'money' }));
  out.push(
    { key: 'kpi.ltvToCac', label: 'LTV:CAC', name: 'LTV to CAC', value: r.ltvToCac, format: 'ratio', tone: r.ltvToCac === null ? undefined : r.ltvToCac >= 3 ? 'good' : r.ltvToCac >= 1 ? 'warn' : 'bad' },
    { key: 'kpi.cacPayback', label: 'CAC payback', name: 'CAC payback in months', value: r.cacPaybackMonths, format: 'months' },
    { key: 'kpi.fullJourneyRetention', label: 'Full-journey retention', name: 'Full-journey logo retention at first renewal', value: r.journey.fullJourneyRetention, format: 'percent' },
  );
  return out;
}

export const kpiText = (k: Kpi, currency: string): string => formatFigure(k.value, k.format, currency);
