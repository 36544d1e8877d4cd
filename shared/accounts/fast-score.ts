// The accounts as columns of numbers, re-scored in doubles (spec §12): what a
// weight edit on screen re-runs for 100,000 accounts in a few milliseconds.
// The rows are read once, exactly (readAccounts); what does not depend on the
// weights is fixed here in exact micro-units (ARR, whitespace) or flags. The
// ERS is a score, not money: in doubles it is within 1e-9 points of the
// decimal core (tests/shared/accounts/fast-score.test.ts), so "ready" can only
// differ from the core for an ERS within 1e-9 of `readyAbove`. Money totals
// are summed as BigInt micro-units, so they are exact to the cent.
import { D, type Dec } from '../core/decimal';
import type { ModelInputs } from '../model/inputs';
import { firstYear } from '../model/ramps';
import type { AccountRow } from './accounts';
import { RISK_FLAGS, categoryLanes, type RiskFlag } from './vocabulary';
import { SCALED_SIGNAL_IDS, SIGNAL_IDS, type SignalSettings } from './signals';

/** Seven signals per account, in SIGNAL_IDS order; the last (champion) holds 100, 0 or NaN. */
export const SIGNALS = SIGNAL_IDS.length;
const CATEGORIES = ['usage', 'data', 'capacity'] as const;
const CATEGORY_OF: readonly number[] = [0, 0, 0, 1, -1, 2, -1]; // SIGNAL_IDS → category (success and champion: none)

/** Structured-clone friendly: crosses the worker boundary as typed arrays. */
export interface AccountColumns {
  count: number;
  names: string[];
  lines: Int32Array;
  /** ARR in millionths of the currency unit */
  arrMicro: BigInt64Array;
  whitespaceMicro: BigInt64Array;
  /** count × 7: the measured value of each scaled signal (NaN: not given), the champion's score in the 7th */
  values: Float64Array;
  /** bit i: RISK_FLAGS[i] */
  flags: Uint8Array;
  /** how many flags (at risk is flagCount ≥ riskFlags) */
  flagCount: Uint8Array;
  /** bit c: the category's lane is open to the account (sold and not owned) */
  open: Uint8Array;
  /** the lane id each category points at (null: none in the model) */
  categoryLane: (string | null)[];
  /** the lanes each account owns, joined by ';' (the drill-down) */
  owns: string[];
  /** each account's place by name in UTF-16 order (ties in any ranking, compared as numbers) */
  nameRank: Int32Array;
}

const MICRO = new D(1_000_000);
const micro = (d: Dec) => BigInt(d.mul(MICRO).toFixed(0));
export const fromMicro = (m: bigint): Dec => new D(m.toString()).div(MICRO);

/** Reads the rows' fixed parts into columns (once per import). */
export function accountColumns(rows: readonly AccountRow[], model: ModelInputs): AccountColumns {
  const n = rows.length;
  const sold = model.lanes.filter((l) => firstYear(l.attachRate) !== 0);
  const acv = sold.map((l) => ({ id: l.id, micro: micro(new D(firstYear(l.acv))) }));
  const pointers = categoryLanes(model.lanes);
  const categoryLane = CATEGORIES.map((c) => pointers[c]?.id ?? null);
  const soldIds = new Set(sold.map((l) => l.id));
  const cols: AccountColumns = {
    count: n, names: new Array<string>(n), lines: new Int32Array(n), arrMicro: new BigInt64Array(n), whitespaceMicro: new BigInt64Array(n),
    values: new Float64Array(n * SIGNALS).fill(NaN), flags: new Uint8Array(n), flagCount: new Uint8Array(n), open: new Uint8Array(n), categoryLane, owns: new Array<string>(n), nameRank: new Int32Array(n),
  };
  rows.forEach((r, i) => {
    cols.names[i] = r.account;
    cols.lines[i] = r.line;
    cols.arrMicro[i] = micro(r.arr);
    let ws = 0n;
    for (const l of acv) if (!r.owns.includes(l.id)) ws += l.micro;
    cols.whitespaceMicro[i] = ws;
    SCALED_SIGNAL_IDS.forEach((id, k) => { const v = r.values[id]; if (v) cols.values[i * SIGNALS + k] = v.toNumber(); });
    if (r.champion !== null) cols.values[i * SIGNALS + 6] = r.champion === 'promoted' || r.champion === 'newRole' ? 100 : 0;
    let bits = 0;
    for (const f of r.flags) bits |= 1 << RISK_FLAGS.indexOf(f);
    cols.flags[i] = bits;
    cols.flagCount[i] = r.flags.length;
    let open = 0;
    categoryLane.forEach((id, c) => { if (id !== null && soldIds.has(id) && !r.owns.includes(id)) open |= 1 << c; });
    cols.open[i] = open;
    cols.owns[i] = r.owns.join(';');
  });
  const byName = Array.from({ length: n }, (_, i) => i).sort((a, b) => (cols.names[a]! < cols.names[b]! ? -1 : cols.names[a]! > cols.names[b]! ? 1 : 0));
  byName.forEach((i, k) => { cols.nameRank[i] = k; });
  return cols;
}

export const flagsOf = (bits: number): RiskFlag[] => RISK_FLAGS.filter((_, i) => (bits & (1 << i)) !== 0);

export interface FastScores {
  /** NaN: no ERS */
  ers: Float64Array;
  /** count × 7 signal scores (NaN: not given) */
  scores: Float64Array;
  /** signals the row has, of seven */
  signals: Uint8Array;
  ready: Uint8Array;
  atRisk: Uint8Array;
  /** index into categoryLane, −1: none */
  nextLane: Int8Array;
}

export interface FastTotals {
  accounts: number;
  arrMicro: bigint;
  whitespaceMicro: bigint;
  readyAccounts: number;
  readyArrMicro: bigint;
  readyWhitespaceMicro: bigint;
  atRiskAccounts: number;
  atRiskArrMicro: bigint;
  /** null with no whitespace */
  top20WhitespaceShare: number | null;
  /** account indices, highest ERS first, no ERS last, ties by name (UTF-16) */
  ranked: Int32Array;
}

/** §12's ERS, ready, at risk and next lane for every account under `s`, in doubles. */
export function scoreColumns(c: AccountColumns, s: SignalSettings): FastScores {
  const n = c.count;
  const out: FastScores = { ers: new Float64Array(n), scores: new Float64Array(n * SIGNALS), signals: new Uint8Array(n), ready: new Uint8Array(n), atRisk: new Uint8Array(n), nextLane: new Int8Array(n) };
  const zero = SCALED_SIGNAL_IDS.map((id) => s[id].zeroAt);
  const span = SCALED_SIGNAL_IDS.map((id) => s[id].fullAt - s[id].zeroAt);
  const weight = SIGNAL_IDS.map((id) => s[id].weight);
  const { scores } = out;
  const { values } = c;
  for (let i = 0; i < n; i++) {
    const base = i * SIGNALS;
    let wsum = 0, wtot = 0, count = 0;
    const best = [NaN, NaN, NaN];
    for (let k = 0; k < SIGNALS; k++) {
      const v = values[base + k]!;
      if (v !== v) { scores[base + k] = NaN; continue; }
      let sc = k === 6 ? v : ((v - zero[k]!) * 100) / span[k]!;
      if (sc < 0) sc = 0; else if (sc > 100) sc = 100;
      scores[base + k] = sc;
      count++;
      const w = weight[k]!;
      if (w > 0) { wsum += sc * w; wtot += w; }
      const cat = CATEGORY_OF[k]!;
      if (cat >= 0 && !(best[cat]! >= sc)) best[cat] = sc;
    }
    const ers = wtot === 0 ? NaN : wsum / wtot;
    out.ers[i] = ers;
    out.signals[i] = count;
    const atRisk = c.flagCount[i]! >= s.riskFlags;
    out.atRisk[i] = atRisk ? 1 : 0;
    const ready = ers > s.readyAbove && !atRisk;
    out.ready[i] = ready ? 1 : 0;
    let lane = -1;
    if (ready) {
      let top = -1;
      const open = c.open[i]!;
      for (let cat = 0; cat < 3; cat++) if ((open & (1 << cat)) !== 0 && best[cat]! > top) { top = best[cat]!; lane = cat; }
    }
    out.nextLane[i] = lane;
  }
  return out;
}

/** The totals of §12 from the scores; money exact (BigInt micro-units). */
export function fastTotals(c: AccountColumns, f: FastScores): FastTotals {
  const n = c.count;
  const t: FastTotals = { accounts: n, arrMicro: 0n, whitespaceMicro: 0n, readyAccounts: 0, readyArrMicro: 0n, readyWhitespaceMicro: 0n, atRiskAccounts: 0, atRiskArrMicro: 0n, top20WhitespaceShare: null, ranked: rankIndices(c, f) };
  for (let i = 0; i < n; i++) {
    const arr = c.arrMicro[i]!, ws = c.whitespaceMicro[i]!;
    t.arrMicro += arr;
    t.whitespaceMicro += ws;
    if (f.ready[i]) { t.readyAccounts++; t.readyArrMicro += arr; t.readyWhitespaceMicro += ws; }
    if (f.atRisk[i]) { t.atRiskAccounts++; t.atRiskArrMicro += arr; }
  }
  if (t.whitespaceMicro > 0n) {
    let top = 0n;
    const k = Math.ceil(n / 5);
    for (let j = 0; j < k; j++) top += c.whitespaceMicro[t.ranked[j]!]!;
    t.top20WhitespaceShare = Number((top * 1_000_000_000n) / t.whitespaceMicro) / 1e9;
  }
  return t;
}

function rankIndices(c: AccountColumns, f: FastScores): Int32Array {
  const n = c.count;
  const idx = new Int32Array(n);
  const { ers } = f, rank = c.nameRank;
  // Descending ERS with NaN last as one number, ties by name rank: a comparator on numbers only.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) { idx[i] = i; const e = ers[i]!; key[i] = e !== e ? Infinity : -e; }
  return idx.sort((a, b) => key[a]! - key[b]! || rank[a]! - rank[b]!);
}

/** Cumulative share of whitespace (0–1) by ERS rank, at `points` evenly spaced ranks: the 20/80 chart. */
export function whitespaceCurve(c: AccountColumns, t: FastTotals, points = 50): { accountShare: number; whitespaceShare: number }[] {
  const n = c.count;
  if (n === 0 || t.whitespaceMicro === 0n) return [];
  const out: { accountShare: number; whitespaceShare: number }[] = [];
  let cum = 0n, next = 1;
  const total = Number(t.whitespaceMicro);
  for (let j = 0; j < n; j++) {
    cum += c.whitespaceMicro[t.ranked[j]!]!;
    if ((j + 1) * points >= next * n) { out.push({ accountShare: (j + 1) / n, whitespaceShare: Number(cum) / total }); while (next * n <= (j + 1) * points) next++; }
  }
  return out;
}
