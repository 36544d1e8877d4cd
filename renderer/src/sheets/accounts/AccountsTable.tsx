// The accounts table (AG Grid): one row per account of the filter, in the
// sort chosen. The grid's rows are positions 0…m−1 and each cell reads the
// account at that position from the current scores, so a weight edit redraws
// only the rows on screen, never 100,000 row objects.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, ValueGetterParams } from 'ag-grid-community';
import { flagsOf, fromMicro, RISK_FLAG_LABELS, SIGNAL_IDS, SIGNAL_LABELS, type AccountColumns, type FastScores } from '@shared/accounts/screen';
import { moneyExact } from '@shared/report/index';
import { gridTheme } from '../../grid/grid-theme';

export interface AccountFilter { ready: boolean; atRisk: boolean; lane: string; segment: string }
type SortKey = 'ers' | 'arr' | 'whitespace' | 'account';
const SORTS: { id: SortKey; label: string }[] = [{ id: 'ers', label: 'ERS, highest first' }, { id: 'whitespace', label: 'Whitespace, largest first' }, { id: 'arr', label: 'ARR, largest first' }, { id: 'account', label: 'Account, A to Z' }];

/** Account indices of the filter, in the sort. */
export function visibleAccounts(c: AccountColumns, f: FastScores, filter: AccountFilter, sort: SortKey): Int32Array {
  const out: number[] = [];
  const lane = filter.lane === '' ? -2 : c.categoryLane.indexOf(filter.lane);
  for (let i = 0; i < c.count; i++) {
    if (filter.ready && !f.ready[i]) continue;
    if (filter.atRisk && !f.atRisk[i]) continue;
    if (lane !== -2 && f.nextLane[i] !== lane) continue;
    out.push(i);
  }
  const idx = Int32Array.from(out);
  const name = (a: number, b: number) => (c.names[a]! < c.names[b]! ? -1 : c.names[a]! > c.names[b]! ? 1 : 0);
  const big = (x: BigInt64Array) => (a: number, b: number) => (x[b]! > x[a]! ? 1 : x[b]! < x[a]! ? -1 : name(a, b));
  if (sort === 'account') return idx.sort(name);
  if (sort === 'arr') return idx.sort(big(c.arrMicro));
  if (sort === 'whitespace') return idx.sort(big(c.whitespaceMicro));
  const e = f.ers;
  return idx.sort((a, b) => { const x = e[a]!, y = e[b]!; if (x !== x || y !== y) return x !== x && y !== y ? name(a, b) : x !== x ? 1 : -1; return y !== x ? y - x : name(a, b); });
}

interface Props { columns: AccountColumns; scores: FastScores; filter: AccountFilter; laneName: (id: string | null) => string; currency: string; onOpen: (i: number) => void }

export function AccountsTable({ columns: c, scores, filter, laneName, currency, onOpen }: Props) {
  const [sort, setSort] = useState<SortKey>('ers');
  const order = useMemo(() => visibleAccounts(c, scores, filter, sort), [c, scores, filter, sort]);
  const live = useRef({ c, scores, order });
  live.current = { c, scores, order };
  const api = useRef<GridApi | null>(null);
  const rowData = useMemo(() => Array.from({ length: order.length }, (_, p) => ({ p })), [order.length]);
  useEffect(() => { api.current?.refreshCells({ force: true }); }, [order, scores]);

  const cols = useMemo<ColDef<{ p: number }>[]>(() => {
    const at = (g: ValueGetterParams<{ p: number }>) => live.current.order[g.data!.p]!;
    const money = (x: bigint) => moneyExact(fromMicro(x).toNumber(), currency);
    const score = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
    return [
      { headerName: 'Account', pinned: 'left', width: 170, valueGetter: (g) => live.current.c.names[at(g)] },
      { headerName: 'ARR', width: 120, type: 'rightAligned', valueGetter: (g) => money(live.current.c.arrMicro[at(g)]!) },
      { headerName: 'ERS', width: 70, type: 'rightAligned', valueGetter: (g) => score(live.current.scores.ers[at(g)]!) },
      { headerName: 'Signals', width: 90, valueGetter: (g) => `${live.current.scores.signals[at(g)]} of 7` },
      ...SIGNAL_IDS.map((id, k): ColDef<{ p: number }> => ({ headerName: SIGNAL_LABELS[id], headerTooltip: `${SIGNAL_LABELS[id]} score, 0–100`, width: 96, type: 'rightAligned', valueGetter: (g) => score(live.current.scores.scores[at(g) * 7 + k]!) })),
      { headerName: 'Risk flags', width: 190, tooltipValueGetter: (g) => flagsOf(live.current.c.flags[live.current.order[g.data!.p]!]!).map((f) => RISK_FLAG_LABELS[f]).join(', '), valueGetter: (g) => flagsOf(live.current.c.flags[at(g)]!).map((f) => RISK_FLAG_LABELS[f]).join(', ') || '—' },
      { headerName: 'Ready', width: 80, valueGetter: (g) => (live.current.scores.ready[at(g)] ? 'ready' : live.current.scores.atRisk[at(g)] ? 'at risk' : '—') },
      { headerName: 'Next lane', width: 140, valueGetter: (g) => { const n = live.current.scores.nextLane[at(g)]!; return n < 0 ? '—' : laneName(live.current.c.categoryLane[n]!); } },
      { headerName: 'Whitespace', width: 120, type: 'rightAligned', valueGetter: (g) => money(live.current.c.whitespaceMicro[at(g)]!) },
    ];
  }, [currency, laneName]);

  return (
    <div className="accounts-table">
      <div className="accounts-table-bar">
        <span data-testid="accounts-shown">{order.length.toLocaleString('en-US')} of {c.count.toLocaleString('en-US')} accounts</span>
        <label>Sort by <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>{SORTS.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}</select></label>
        <span className="accounts-muted">Enter or double-click opens an account.</span>
      </div>
      <div className="accounts-grid" role="region" aria-label="Accounts">
        <AgGridReact<{ p: number }>
          theme={gridTheme}
          rowData={rowData}
          columnDefs={cols}
          getRowId={(r) => String(r.data.p)}
          onGridReady={(e) => { api.current = e.api; }}
          onRowDoubleClicked={(e) => { if (e.data) onOpen(live.current.order[e.data.p]!); }}
          onCellKeyDown={(e) => { const k = (e.event as KeyboardEvent | undefined)?.key; if (k === 'Enter' && e.data) onOpen(live.current.order[e.data.p]!); }}
          suppressMovableColumns
        />
      </div>
    </div>
  );
}
