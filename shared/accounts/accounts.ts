// Accounts (spec §12): one row per account read from a CRM or CS-platform
// export, its expansion readiness score (ERS, seed 004), its contraction-risk
// flags (seed 001), whether it is ready, its whitespace and its next lane
// (seed 000 ties each signal category to a lane), and the totals.
//
// Reading and scoring are apart: the values and flags of a row do not depend
// on the weights, so an edited weight re-scores without reading the file again.
import { D, ZERO, type Dec } from '../core/decimal';
import type { Lane, ModelInputs } from '../model/inputs';
import { firstYear } from '../model/ramps';
import { decimalCell, wordCell, type Cell } from './cells';
import { columnIndex, readTable, type TableProblem } from '../tables/read-table';
import { ACCOUNT_COLUMNS, CHAMPION_STATES, categoryLanes, type Category, type ChampionState, type RiskFlag } from './vocabulary';
import { SCALED_SIGNAL_IDS, SIGNAL_IDS, defaultSignals, scorer, type ScaledSignalId, type SignalId, type SignalSettings } from './signals';



/** One account as read: what the scores are computed from. */
export interface AccountRow {
  line: number;
  account: string;
  arr: Dec;
  /** the measured value of each scaled signal the row has (a ratio, a growth or a count) */
  values: Partial<Record<ScaledSignalId, Dec>>;
  champion: ChampionState | null;
  /** ids of the model's lanes the account owns */
  owns: string[];
  flags: RiskFlag[];
}

export type AccountsRead =
  | { ok: true; rows: AccountRow[]; notes: string[] }
  | { ok: false; kind: 'invalid'; problems: TableProblem[] }
  | { ok: false; kind: 'unreadable'; error: string };

const ONE = new D(1);
const lower = (s: string) => s.trim().toLowerCase();

/** A model lane named by id or name (any case). */
export function findLane(lanes: readonly Lane[], text: string): Lane | undefined {
  const k = lower(text);
  return lanes.find((l) => l.id.toLowerCase() === k) ?? lanes.find((l) => lower(l.name) === k);
}

/** Reads an accounts CSV against the model's lanes (§12's rules; every problem by line and column). */
export function readAccounts(text: string, model: ModelInputs): AccountsRead {
  const read = readTable(text, ACCOUNT_COLUMNS.required);
  if (!read.ok) return { ok: false, kind: 'unreadable', error: read.error };
  const { header, rows } = read.table;
  const col = columnIndex(header);
  const problems: TableProblem[] = [...read.problems];
  const seen = new Map<string, number>();
  const out: AccountRow[] = [];
  const nameOf = (key: string) => header[col.get(key.toLowerCase())!]!;
  const has = (key: string) => col.has(key.toLowerCase());

  for (const { line, cells } of rows) {
    const cell = (key: string): string => {
      const i = col.get(key.toLowerCase());
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const bad = (key: string, message: string) => problems.push({ line, column: nameOf(key), message });
    const take = <T>(key: string, c: Cell<T>): T | null => {
      if (c.ok) return c.value;
      bad(key, c.message);
      return null;
    };
    /** An optional number ≥ 0: null when not given. */
    const optional = (key: string): Dec | null => (cell(key) === '' ? null : take(key, decimalCell(cell(key), key)));

    const account = cell('account');
    if (account === '') bad('account', 'the account is empty');
    else if (seen.has(account)) bad('account', `${JSON.stringify(account)} is already on line ${seen.get(account)}; each account has one row`);
    else seen.set(account, line);
    const arr = cell('arr') === '' ? (bad('arr', 'the arr is empty; write 0 for an account without ARR'), null) : take('arr', decimalCell(cell('arr'), 'arr'));

    const n = Object.fromEntries(ACCOUNT_COLUMNS.signals.filter((k) => k !== 'champion').map((k) => [k, optional(k)])) as Record<string, Dec | null>;
    const npsPrev = optional('npsPrev'), nps = optional('nps');
    for (const [k, v] of [['npsPrev', npsPrev], ['nps', nps]] as const) if (v && v.gt(10)) bad(k, `${v.toString()} is not an NPS answer; write 0 to 10`);
    const champion = cell('champion') === '' ? null : take('champion', wordCell(cell('champion'), CHAMPION_STATES, 'champion state'));
    const competitor = cell('competitorMention') === '' ? null : take('competitorMention', wordCell(cell('competitorMention'), ['yes', 'no'] as const, 'yes or no'));
    const owns: string[] = [];
    for (const part of cell('lanes').split(';').map((s) => s.trim()).filter(Boolean)) {
      const lane = findLane(model.lanes, part);
      if (!lane) bad('lanes', `${JSON.stringify(part)} is not a lane of the model (its lanes: ${model.lanes.map((l) => l.id).join(', ') || 'none'})`);
      else if (!owns.includes(lane.id)) owns.push(lane.id);
    }
    // Without segments in the model the column must be empty (§12).
    if (cell('segment') !== '') bad('segment', `${JSON.stringify(cell('segment'))}: the model has no segments, so the segment column must be empty`);
    if (account === '' || arr === null) continue;

    const values: Partial<Record<ScaledSignalId, Dec>> = {};
    const ratio = (num: Dec | null | undefined, den: Dec | null | undefined) => (num && den && !den.isZero() ? num.div(den) : null);
    const seat = ratio(n.seatsActive, n.seatsLicensed);
    const usageGrowth = ratio(n.usage, n.usagePrev)?.sub(ONE) ?? null;
    const ticketGrowth = ratio(n.tickets, n.ticketsPrev)?.sub(ONE) ?? null;
    if (seat) values.seatUtilisation = seat;
    if (usageGrowth) values.usageGrowth = usageGrowth;
    if (n.teams) values.breadth = n.teams;
    if (n.dataRequests) values.dataRequests = n.dataRequests;
    if (n.milestones) values.success = n.milestones;
    if (ticketGrowth) values.capacity = ticketGrowth;

    const flags: RiskFlag[] = [];
    if (usageGrowth?.lt(-0.2)) flags.push('usageDrop');
    if (ticketGrowth?.gt(0.5)) flags.push('ticketSurge');
    if (champion === 'left' || champion === 'roleOutOfDomain') flags.push('championLost');
    if (npsPrev && nps && npsPrev.gte(7) && nps.lte(6)) flags.push('npsDrop');
    if (competitor === 'yes') flags.push('competitorMention');
    out.push({ line, account, arr, values, champion, owns, flags });
  }
  if (problems.length) return { ok: false, kind: 'invalid', problems: problems.sort((a, b) => a.line - b.line) };
  if (out.length === 0) return { ok: false, kind: 'unreadable', error: 'the file has a header but no account rows' };
  const notes = ACCOUNT_COLUMNS.signals.some(has) ? [] : ['the file has no signal columns, so no expansion readiness score can be computed'];
  return { ok: true, rows: out, notes };
}

/** One account's figures under the model's signal settings. */
export interface ScoredAccount {
  account: string;
  arr: Dec;
  /** 0–100; null when the row has no signal with a weight above 0 */
  ers: Dec | null;
  /** how many of the seven signals the row has */
  signals: number;
  scores: Record<SignalId, Dec | null>;
  flags: RiskFlag[];
  atRisk: boolean;
  ready: boolean;
  whitespace: Dec;
  /** the lane to offer a ready account (null when not ready or none is left) */
  nextLane: string | null;
}

export interface AccountTotals {
  accounts: number;
  arr: Dec;
  whitespace: Dec;
  readyAccounts: number;
  readyArr: Dec;
  readyWhitespace: Dec;
  atRiskAccounts: number;
  atRiskArr: Dec;
  /** share of all whitespace held by the top 20% of accounts by ERS (null with no whitespace) */
  top20WhitespaceShare: Dec | null;
}

const CATEGORY_SIGNALS: Readonly<Record<Category, readonly ScaledSignalId[]>> = {
  usage: ['seatUtilisation', 'usageGrowth', 'breadth'],
  data: ['dataRequests'],
  capacity: ['capacity'],
};

/** The lane each signal category points at (§12), before the account's own lanes are taken out. */

const byAccount = (a: { account: string }, b: { account: string }) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);

export function scoreAccounts(rows: readonly AccountRow[], model: ModelInputs, settings: SignalSettings = model.signals ?? defaultSignals()): { accounts: ScoredAccount[]; totals: AccountTotals } {
  const sold = model.lanes.filter((l) => firstYear(l.attachRate) !== 0);
  const acv = new Map(sold.map((l) => [l.id, new D(firstYear(l.acv))]));
  const pointers = categoryLanes(model.lanes);
  const hundred = new D(100);
  const score = Object.fromEntries(SCALED_SIGNAL_IDS.map((id) => [id, scorer(settings[id])])) as Record<ScaledSignalId, (v: Dec) => Dec>;
  const accounts = rows.map((r): ScoredAccount => {
    const scores = {} as Record<SignalId, Dec | null>;
    let weighted = ZERO, weights = ZERO, count = 0;
    for (const id of SIGNAL_IDS) {
      const s = id === 'champion'
        ? (r.champion === null ? null : r.champion === 'promoted' || r.champion === 'newRole' ? hundred : ZERO)
        : (r.values[id] ? score[id](r.values[id]) : null);
      scores[id] = s;
      if (s === null) continue;
      count++;
      const w = settings[id].weight;
      if (w > 0) { weighted = weighted.add(s.mul(w)); weights = weights.add(w); }
    }
    const ers = weights.isZero() ? null : weighted.div(weights);
    const atRisk = r.flags.length >= settings.riskFlags;
    const ready = ers !== null && ers.gt(settings.readyAbove) && !atRisk;
    let whitespace = ZERO;
    for (const [id, v] of acv) if (!r.owns.includes(id)) whitespace = whitespace.add(v);
    let nextLane: string | null = null;
    if (ready) {
      let best: Dec | null = null;
      for (const cat of ['usage', 'data', 'capacity'] as const) {
        const lane = pointers[cat];
        if (!lane || r.owns.includes(lane.id) || !acv.has(lane.id)) continue;
        let score: Dec | null = null;
        for (const id of CATEGORY_SIGNALS[cat]) { const s = scores[id]; if (s && (!score || s.gt(score))) score = s; }
        if (score && (!best || score.gt(best))) { best = score; nextLane = lane.id; }
      }
    }
    return { account: r.account, arr: r.arr, ers, signals: count, scores, flags: r.flags, atRisk, ready, whitespace, nextLane };
  });
  return { accounts, totals: totalsOf(accounts) };
}

function totalsOf(accounts: readonly ScoredAccount[]): AccountTotals {
  const t: AccountTotals = { accounts: accounts.length, arr: ZERO, whitespace: ZERO, readyAccounts: 0, readyArr: ZERO, readyWhitespace: ZERO, atRiskAccounts: 0, atRiskArr: ZERO, top20WhitespaceShare: null };
  for (const a of accounts) {
    t.arr = t.arr.add(a.arr);
    t.whitespace = t.whitespace.add(a.whitespace);
    if (a.ready) { t.readyAccounts++; t.readyArr = t.readyArr.add(a.arr); t.readyWhitespace = t.readyWhitespace.add(a.whitespace); }
    if (a.atRisk) { t.atRiskAccounts++; t.atRiskArr = t.atRiskArr.add(a.arr); }
  }
  if (!t.whitespace.isZero()) {
    const ranked = rankByErs(accounts);
    let top = ZERO;
    for (const a of ranked.slice(0, Math.ceil(accounts.length / 5))) top = top.add(a.whitespace);
    t.top20WhitespaceShare = top.div(t.whitespace);
  }
  return t;
}

/** Highest ERS first, accounts without one last, ties by account (UTF-16 order). */
export function rankByErs<T extends { account: string; ers: Dec | null }>(accounts: readonly T[]): T[] {
  return [...accounts].sort((a, b) => {
    if (a.ers === null || b.ers === null) return a.ers === b.ers ? byAccount(a, b) : a.ers === null ? 1 : -1;
    const c = b.ers.cmp(a.ers);
    return c !== 0 ? c : byAccount(a, b);
  });
}


export { ACCOUNT_COLUMNS, CHAMPION_STATES, RISK_FLAGS, RISK_FLAG_LABELS, categoryLanes, type ChampionState, type RiskFlag } from './vocabulary';
