// The board report and scenario comparison for the current document, computed by
// the analysis worker whenever the inputs or the scenarios change while a sheet
// that shows them is open. Results for superseded requests are dropped.
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { InputProblem } from '../../../shared/index';
import type { BoardReport, ChartSpec, Comparison } from '../../../shared/report/index';
import { documentStore } from './document-store';
import type { AnalysisMessage, AnalysisRequest } from '../workers/analysis-protocol';

export interface ReportState {
  report: BoardReport | null;
  charts: ChartSpec[];
  comparison: Comparison | null;
  /** problems of the active scenario (its report is not computed) */
  problems: InputProblem[];
  error: string | null;
  pending: boolean;
}

export const reportStore = createStore<ReportState>()(() => ({ report: null, charts: [], comparison: null, problems: [], error: null, pending: false }));
export const useReport = <T,>(selector: (s: ReportState) => T): T => useStore(reportStore, selector);

let worker: Worker | null = null;
let seq = 0;
let users = 0;
let unsubscribe: (() => void) | null = null;

function request() {
  const { inputs, scenarios } = documentStore.getState();
  const req: AnalysisRequest = { seq: ++seq, kind: 'report', base: inputs, scenarios };
  reportStore.setState({ pending: true });
  worker!.postMessage(req);
}

function start() {
  worker = new Worker(new URL('../workers/analysis-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-report' });
  worker.onmessage = (e: MessageEvent<AnalysisMessage>) => {
    const m = e.data;
    if (m.seq !== seq) return; // stale
    if (m.kind === 'report') reportStore.setState({ report: m.report, charts: m.charts, comparison: m.comparison, problems: m.problems, error: null, pending: false });
    else if (m.kind === 'error') reportStore.setState({ error: m.error, pending: false });
  };
  request();
  unsubscribe = documentStore.subscribe((s, prev) => {
    if (s.inputs !== prev.inputs || s.scenarios !== prev.scenarios) request();
  });
}

/** Keep the report fresh while the calling sheet is mounted. */
export function useReportWorker(): void {
  useEffect(() => {
    if (users++ === 0) start();
    return () => {
      if (--users === 0) { unsubscribe?.(); worker?.terminate(); worker = null; }
    };
  }, []);
}
