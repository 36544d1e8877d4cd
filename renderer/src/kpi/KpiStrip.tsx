// The headline strip above every sheet: which figures it shows, with their
// figure keys (issue 4 §6: kpi.nrr.y2, kpi.grr.y2, kpi.arr.y1…, kpi.ltvToCac,
// kpi.nrrBand), the words and tone of each, and the strip itself. While the
// worker recomputes the previous figures stay (no flicker); they are never from
// stale inputs for long.
import { bandReason, FIGURE_LABELS, FIGURE_NOTES, formatFigure, type FigureFormat, type ModelResult } from '@shared/index';
import { useDocument } from '../store/document-store';
import { useModel } from '../store/model-store';
import './kpi-book.css';

export interface Kpi {
  key: string;
  label: string;
  /** accessible name */
  name: string;
  value: number | string | null;
  format: FigureFormat;
  /** a hint under the figure */
  detail?: string;
  /** why the figure is "—" (issue 11 §11): shown on hover and under it */
  why?: string;
  tone?: 'good' | 'warn' | 'bad';
}

/** Up to this many year-end ARR figures fit in the strip; a longer model shows its first years and its last. */
const ARR_YEARS = 5;

/** The year-end ARR figures the strip has room for: all of a short model, else years 1–4 and the last year. */
export function arrYearsShown<T extends { year: number }>(annual: readonly T[]): T[] {
  return annual.length <= ARR_YEARS ? [...annual] : [...annual.slice(0, ARR_YEARS - 1), annual[annual.length - 1]!];
}

/** Why year 2's NRR / GRR cannot be measured, in the user's words; null when it can. */
function whyNoYear2(r: ModelResult<number>): string | null {
  const y2 = r.annual[1];
  if (!y2) return `needs 24 months (the model has ${r.months.length})`;
  if (y2.nrr === null) return 'no customers at the start of year 2 (no new logos in year 1)';
  return null;
}

function bandTone(nrr: number | null): Kpi['tone'] {
  if (nrr === null) return undefined;
  return nrr >= 1 ? 'good' : nrr >= 0.9 ? 'warn' : 'bad';
}

export function headlineKpis(r: ModelResult<number>): Kpi[] {
  const y2 = r.annual[1];
  const nrr = y2?.nrr ?? null;
  const why2 = whyNoYear2(r) ?? undefined;
  const y1 = r.annual[0];
  // With customers on the books, year 1's NRR is today's book over the next 12 months (spec §4).
  const book: Kpi[] = r.openingArr > 0 && y1 ? [
    { key: 'kpi.nrr.y1', label: 'NRR, next 12 months (today’s book)', name: 'Net revenue retention of today’s book over the next 12 months', value: y1.nrr, format: 'percent', tone: bandTone(y1.nrr) },
    { key: 'kpi.grr.y1', label: 'GRR, next 12 months', name: 'Gross revenue retention of today’s book over the next 12 months', value: y1.grr, format: 'percent' },
  ] : [];
  const out: Kpi[] = [
    ...book,
    { key: 'kpi.nrr.y2', label: 'NRR Y2', name: 'Net revenue retention, year 2', value: nrr, format: 'percent', tone: bandTone(nrr), why: why2 },
    { key: 'kpi.nrrBand', label: 'NRR band', name: 'NRR band, year 2', value: r.nrrBand, format: 'text', tone: bandTone(nrr), why: why2 },
    { key: 'kpi.grr.y2', label: 'GRR Y2', name: 'Gross revenue retention, year 2', value: y2?.grr ?? null, format: 'percent', why: why2 },
  ];
  arrYearsShown(r.annual).forEach((y) =>
    out.push({ key: `kpi.arr.y${y.year}`, label: `ARR Y${y.year} end`, name: `ARR at the end of year ${y.year}`, value: y.closing, format: 'money' }));
  out.push(
    { key: 'kpi.ltvToCac', label: 'LTV:CAC', name: 'LTV to CAC', value: r.ltvToCac, format: 'ratio', tone: r.ltvToCac === null ? undefined : r.ltvToCac >= 3 ? 'good' : r.ltvToCac >= 1 ? 'warn' : 'bad', why: r.ltvToCac === null ? 'CAC per new logo is 0, so there is nothing to divide by' : undefined },
    { key: 'kpi.cacPayback', label: 'CAC payback', name: 'CAC payback in months', value: r.cacPaybackMonths, format: 'months', why: r.cacPaybackMonths === null ? 'new-logo ACV × gross margin is 0: CAC is never paid back' : undefined },
    { key: 'kpi.fullJourneyRetention', label: FIGURE_LABELS.renewedAllCustomers, name: `${FIGURE_LABELS.renewedAllCustomers} (${FIGURE_NOTES.renewedAllCustomers})`, value: r.journey.fullJourneyRetention, format: 'percent', why: r.journey.fullJourneyRetention === null ? 'no customers close in the model' : undefined },
  );
  // Only a "—" needs a reason.
  return out.map((k) => (k.value === null ? { ...k, why: k.why ?? 'not defined for this model' } : { ...k, why: undefined }));
}

export const kpiText = (k: Kpi, currency: string): string => formatFigure(k.value, k.format, currency);

export function KpiStrip() {
  const result = useModel((s) => s.result);
  const error = useModel((s) => s.error);
  const currency = useDocument((s) => s.inputs.general.currency);
  const scenario = useModel((s) => s.scenario);
  const scenarioProblems = useModel((s) => s.scenarioProblems);
  if (error) return <div className="kpi-strip kpi-error" role="alert">The model could not be computed: {error}</div>;
  if (!result) return <div className="kpi-strip" aria-busy="true">Computing…</div>;
  const reason = bandReason(result);
  return (
    <dl className="kpi-strip" aria-label="Headline figures">
      {scenario ? (
        <div className={`kpi kpi-scenario ${scenarioProblems.length ? 'kpi-bad' : ''}`} title={scenarioProblems.join('\n') || undefined}>
          <dt>Scenario</dt>
          <dd data-key="kpi.scenario">{scenario}{scenarioProblems.length ? ' (invalid)' : ''}</dd>
        </div>
      ) : null}
      {headlineKpis(result).map((k) => (
        <div key={k.key} className={`kpi ${k.tone ? `kpi-${k.tone}` : ''}`} title={k.why ? `${k.name}: ${k.why}` : k.name}>
          <dt>{k.label}</dt>
          <dd data-key={k.key} aria-label={k.why ? `${k.name}: not available, ${k.why}` : k.name} aria-describedby={k.why ? `${k.key}-why` : undefined}>{kpiText(k, currency)}</dd>
          {k.why ? <span className="kpi-why" id={`${k.key}-why`} data-why-for={k.key}>{k.why}</span> : null}
        </div>
      ))}
      {/* a band below Healthy says why, with the journey's figures, where it is shown (issue 23) */}
      {reason ? <div className="kpi kpi-reason"><dt>Why</dt><dd data-testid="band-reason">{reason}</dd></div> : null}
    </dl>
  );
}
