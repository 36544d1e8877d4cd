// The board report and scenario comparison for the current document, computed by
// the analysis worker (shared with the Sensitivity sheet and saves) whenever the
// inputs or the scenarios change while a sheet that shows them is open (and once
// at start, warmReport). Results for superseded requests are dropped.
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { InputProblem, ModelInputs, ScenarioSet } from '@shared/index';
import type { BoardReport, Comparison } from '@shared/report/index';
import type { DrawnChartSvg } from '@shared/report/draw';
import { documentStore } from './document-store';
import type { LatestLane } from '../workers/core-client';
import type { AnalysisCalls } from '../workers/core-calls';
import { analysisClient } from '../workers/worker-clients';

export interface ReportState {
  report: BoardReport | null;
  /** drawn in the worker (SVG) */
  charts: DrawnChartSvg[];
  comparison: Comparison | null;
  /** problems of the active scenario (its report is not computed) */
  problems: InputProblem[];
  error: string | null;
  pending: boolean;
}

export const reportStore = createStore<ReportState>()(() => ({ report: null, charts: [], comparison: null, problems: [], error: null, pending: false }));
export const useReport = <T,>(selector: (s: ReportState) => T): T => useStore(reportStore, selector);

let lane: LatestLane<AnalysisCalls, 'report'> | null = null;
let users = 0;
let unsubscribe: (() => void) | null = null;
/** the document (inputs and scenarios) the report in the store was computed for */
let shown: { inputs: unknown; scenarios: unknown } | null = null;
/** the document of the newest request: a tab opened while the start-up report computes waits for it, not for a second one */
let asked: { inputs: unknown; scenarios: unknown } | null = null;

function request() {
  const { inputs, scenarios } = documentStore.getState();
  asked = { inputs, scenarios };
  reportStore.setState({ pending: true });
  lane!.request({ base: inputs, scenarios }, (e) => {
    if (e.kind === 'result') {
      shown = { inputs, scenarios };
      reportStore.setState({ report: e.result.report, charts: e.result.charts, comparison: e.result.comparison, problems: e.result.problems, error: null, pending: false });
    } else if (e.kind === 'error') reportStore.setState({ error: e.error, pending: false });
  });
}

function ensureClient() {
  lane ??= analysisClient().latest('report', 'cancel');
}

/** The comparison on screen when it was computed for exactly these inputs and scenarios (a save reuses it), else null. */
export function comparisonFor(inputs: ModelInputs, scenarios: ScenarioSet): Comparison | null {
  return shown !== null && shown.inputs === inputs && shown.scenarios === scenarios ? reportStore.getState().comparison : null;
}

const isFor = (d: { inputs: unknown; scenarios: unknown } | null) => {
  const { inputs, scenarios } = documentStore.getState();
  return d !== null && d.inputs === inputs && d.scenarios === scenarios;
};
const isCurrent = () => isFor(shown);
/** the report on screen, or the one in flight, is for the document as it is */
const isCurrentOrComing = () => isCurrent() || (reportStore.getState().pending && isFor(asked));

/**
 * Once the app is idle after start: load the worker and compute the report for the
 * document on screen, so the Board Report and Scenarios tabs open on a finished
 * page. Later edits are computed only while one of them is open.
 */
export function warmReport(): void {
  if (users > 0 || isCurrentOrComing()) return;
  ensureClient();
  request();
}

/** Keep the report fresh while the calling sheet is mounted. */
export function useReportWorker(): void {
  useEffect(() => {
    if (users++ === 0) {
      ensureClient();
      if (!isCurrentOrComing() || reportStore.getState().error) request();
      unsubscribe = documentStore.subscribe((s, prev) => {
        if (s.inputs !== prev.inputs || s.scenarios !== prev.scenarios) request();
      });
    }
    return () => {
      // the worker stays loaded (the next open is instant); only its updates stop
      if (--users === 0) { unsubscribe?.(); unsubscribe = null; }
    };
  }, []);
}
