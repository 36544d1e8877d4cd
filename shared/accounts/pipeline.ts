// The expansion pipeline (spec §12, seed 003): a CRM export of expansion
// opportunities, weighted by stage, set against the plan's lane purchases per
// period of whole plan months (a quarter by default), with coverage and its verdict.
import { ZERO, type Dec } from '../core/decimal';
import type { ModelInputs, ModelResult } from '../index';
import { decimalCell, monthCell, type Cell } from './cells';
import { findLane } from './accounts';
import { COVERAGE_BAND, PIPELINE_COLUMNS, STAGES, STAGE_WEIGHTS, type CoverageVerdict, type Stage, type StageMap } from './vocabulary';
import { columnIndex, readTable, type TableProblem } from '../tables/read-table';



export interface Opportunity { line: number; account: string; amount: Dec; stage: Stage; /** year × 12 + month − 1 */ close: number; lane: string | null }

export type PipelineRead =
  | { ok: true; opportunities: Opportunity[] }
  | { ok: false; kind: 'invalid'; problems: TableProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

/** A CRM's own stage names mapped onto seed 003's (`{"Negotiation": "Committed"}`); problems by path. */


function stageCell(text: string, map: StageMap): Cell<Stage> {
  const k = text.trim().toLowerCase();
  const stage = STAGES.find((s) => s.toLowerCase() === k) ?? map[k];
  if (stage) return { ok: true, value: stage };
  return { ok: false, message: k === '' ? 'the stage is empty' : `${JSON.stringify(text.trim())} is not a stage; map it onto one of ${STAGES.join(', ')}` };
}

export function readPipeline(text: string, model: ModelInputs, stages: StageMap = {}): PipelineRead {
  const read = readTable(text, PIPELINE_COLUMNS.required);
  if (!read.ok) return { ok: false, kind: 'unreadable', error: read.error };
  const { header, rows } = read.table;
  const col = columnIndex(header);
  const problems: TableProblem[] = [...read.problems];
  const out: Opportunity[] = [];
  for (const { line, cells } of rows) {
    const cell = (key: string) => { const i = col.get(key.toLowerCase()); return i === undefined ? '' : (cells[i] ?? ''); };
    const take = <T>(key: string, c: Cell<T>): T | null => {
      if (c.ok) return c.value;
      problems.push({ line, column: header[col.get(key.toLowerCase())!]!, message: c.message });
      return null;
    };
    const account = cell('account') === '' ? take<string>('account', { ok: false, message: 'the account is empty' }) : cell('account');
    let amount = take('amount', decimalCell(cell('amount'), 'amount'));
    if (amount && amount.isZero()) amount = take('amount', { ok: false, message: 'the amount is 0; an opportunity adds ARR above 0' });
    const stage = take('stage', stageCell(cell('stage'), stages));
    const close = take('close', monthCell(cell('close')));
    let lane: string | null = null;
    if (cell('lane') !== '') {
      const found = findLane(model.lanes, cell('lane'));
      if (found) lane = found.id;
      else take('lane', { ok: false, message: `${JSON.stringify(cell('lane'))} is not a lane of the model (its lanes: ${model.lanes.map((l) => l.id).join(', ') || 'none'})` });
    }
    if (account !== null && amount !== null && stage !== null && close !== null) out.push({ line, account, amount, stage, close, lane });
  }
  if (problems.length) return { ok: false, kind: 'invalid', problems: problems.sort((a, b) => a.line - b.line) };
  if (out.length === 0) return { ok: false, kind: 'unreadable', error: 'the file has a header but no opportunity rows' };
  return { ok: true, opportunities: out };
}

export interface Coverage {
  plan: Dec;
  won: Dec;
  open: Dec;
  weighted: Dec;
  remaining: Dec;
  /** open ÷ remaining; null when the plan is met */
  coverage: Dec | null;
  verdict: CoverageVerdict;
  gap: Dec;
}

export interface PipelinePeriod extends Coverage {
  /** plan months (0-based) the period holds */
  firstMonth: number;
  lastMonth: number;
  /** per lane of the model, in its order: opportunities with that lane against that lane's purchases */
  lanes: ({ lane: string } & Coverage)[];
}

export interface PipelineFigures {
  periods: PipelinePeriod[];
  opportunities: number;
  /** opportunities closing before month 0 or after the horizon: counted, left out */
  outsidePlan: number;
}

export function verdictOf(coverage: Dec | null): CoverageVerdict {
  if (coverage === null) return 'plan met';
  return coverage.lt(COVERAGE_BAND.low) ? 'under-covered' : coverage.gt(COVERAGE_BAND.high) ? 'over-covered' : 'covered';
}

function coverageOf(plan: Dec, opps: readonly Opportunity[]): Coverage {
  let won = ZERO, open = ZERO, weighted = ZERO;
  for (const o of opps) {
    if (o.stage === 'Closed Won') won = won.add(o.amount);
    else if (o.stage !== 'Closed Lost') { open = open.add(o.amount); weighted = weighted.add(o.amount.mul(STAGE_WEIGHTS[o.stage])); }
  }
  weighted = weighted.add(won);
  const remaining = plan.gt(won) ? plan.sub(won) : ZERO;
  const coverage = remaining.isZero() ? null : open.div(remaining);
  return { plan, won, open, weighted, remaining, coverage, verdict: verdictOf(coverage), gap: plan.sub(weighted) };
}

const monthIndexOf = (yyyymm: string) => Number(yyyymm.slice(0, 4)) * 12 + Number(yyyymm.slice(5, 7)) - 1;

/**
 * Coverage per period of `periodMonths` plan months (the last period holds the
 * months that remain), against the core's bridge: `plan` = Σ of the months'
 * lane purchase flows (gross: no lane growth, seat or price).
 */
export function pipelineCoverage(opps: readonly Opportunity[], model: ModelInputs, result: ModelResult<Dec>, periodMonths = 3): PipelineFigures {
  const start = monthIndexOf(model.general.startMonth);
  const horizon = result.months.length;
  const inPlan = opps.filter((o) => o.close >= start && o.close < start + horizon);
  const periods: PipelinePeriod[] = [];
  for (let first = 0; first < horizon; first += periodMonths) {
    const last = Math.min(first + periodMonths, horizon) - 1;
    const months = result.months.slice(first, last + 1);
    const here = inPlan.filter((o) => o.close - start >= first && o.close - start <= last);
    const lanePlan = model.lanes.map((_, i) => months.reduce((s, m) => s.add(m.lanes[i]!), ZERO));
    const plan = lanePlan.reduce((s, x) => s.add(x), ZERO);
    periods.push({
      firstMonth: first,
      lastMonth: last,
      ...coverageOf(plan, here),
      lanes: model.lanes.map((l, i) => ({ lane: l.id, ...coverageOf(lanePlan[i]!, here.filter((o) => o.lane === l.id)) })),
    });
  }
  return { periods, opportunities: opps.length, outsidePlan: opps.length - inPlan.length };
}


export { COVERAGE_BAND, PIPELINE_COLUMNS, STAGES, STAGE_WEIGHTS, parseStageMap, type CoverageVerdict, type Stage, type StageMap } from './vocabulary';
