// The Actuals sheet (issue 14): a billing export in, what really happened out:
// data quality, the monthly actual bridge (table and chart), trailing-12
// retention, the cohort heat map; then the plan started from today's book,
// calibrated, and compared month by month with what happened. The import runs
// in a worker (actuals/import-actuals.ts); figures are the core's (spec §9).
import { useCallback } from 'react';
import { bridgeHover, cohortChartHeight, cohortHover, cohortMark, monthMark, retentionHover, type ActualsChartName } from '@shared/report/index';
import type { ActualsSheet as Figures } from '@shared/workbook/index';
import { chartClient } from '../../workers/worker-clients';
import { DrawnChart } from '../../charts/DrawnChart';
import { HeatMapCanvas } from '../../charts/HeatMapCanvas';
import { useActuals } from '../../actuals/actuals-store';
import { Section } from '../../components/Section';
import { useStaged } from '../../components/use-staged';
import { useDocument } from '../../store/document-store';
import { ActualBridgeTable, BRIDGE_ROW_BATCHES, BRIDGE_TABLE_HEIGHT } from './ActualTables';
import { Calibrate } from './Calibrate';
import { CustomerDrill } from './CustomerDrill';
import { ImportBar } from './ImportBar';
import { QualityPanel } from './QualityPanel';
import { StartPlan } from './StartPlan';
import { Variance } from './Variance';
import './actuals.css';

const STAGES = { heatMap: 1, table: 2, startPlan: 2 + BRIDGE_ROW_BATCHES + 1, calibrate: 2 + BRIDGE_ROW_BATCHES + 2, variance: 2 + BRIDGE_ROW_BATCHES + 3 };

/** One of the sheet's charts, drawn in the chart worker; the pointer reads out the month or cohort under it. */
function ActualsChart({ chart, sheet, currency, height, label }: { chart: ActualsChartName; sheet: Figures; currency: string; height: number; label: string }) {
  const draw = useCallback((width: number, h: number) => chartClient().call('actuals', { chart, sheet, currency, width, height: h }), [chart, sheet, currency]);
  const hover = useCallback((x: number, y: number, w: number, h: number) => {
    const lines = chart === 'bridge' ? bridgeHover(sheet, currency, x, y, w, h) : retentionHover(sheet, x, y, w, h);
    return lines ? { lines, mark: monthMark(sheet, chart, x, y, w, h) } : null;
  }, [chart, sheet, currency]);
  return <DrawnChart draw={draw} height={height} label={label} dataKey={`actuals.chart.${chart}`} hover={hover} />;
}

export function ActualsSheet() {
  const sheet = useDocument((s) => s.actuals);
  const currency = useDocument((s) => s.inputs.general.currency);
  const storedLive = useActuals((s) => s.live);
  // The session's book belongs to these figures only (a reopened or other document has none).
  const live = storedLive && storedLive.sheet === sheet ? storedLive : null;
  const cohortHeight = sheet ? cohortChartHeight(sheet) : 160;
  // Drawn a part per task after the figures arrive (use-staged.ts), so the window
  // never freezes: the heat map, the bridge table's empty grid, its rows a few at
  // a time, then the sections below. The two charts draw in the chart worker.
  const stage = useStaged(sheet, STAGES.variance);

  return (
    <div className="sheet actuals-sheet" data-state={sheet ? (live ? 'live' : 'saved') : 'empty'}>
      <Section title="Actuals" note="what already happened, from a billing export (spec §9)">
        <ImportBar hasActuals={sheet !== null} />
        {sheet ? <QualityPanel sheet={sheet} live={live} /> : <p className="actuals-note">No actuals yet. Import a billing export to see the real ARR bridge and retention, start the plan from today's book and calibrate it.</p>}
      </Section>
      {sheet ? (
        <>
          {stage >= STAGES.startPlan ? <CustomerDrill available={live !== null} /> : null}
          <Section title="Monthly actual ARR bridge" note="opening + new + reactivation + expansion − contraction − churn = closing, every month">
            <ActualsChart chart="bridge" sheet={sheet} currency={currency} height={260} label="Monthly actual ARR bridge: flows as bars, closing ARR as a line" />
            {stage >= STAGES.table ? <ActualBridgeTable sheet={sheet} rowBatches={stage - STAGES.table} /> : <div style={{ height: BRIDGE_TABLE_HEIGHT }} />}
          </Section>
          <div className="actuals-two">
            <Section title="Trailing-12 retention" note="from the 13th month on: NRR, GRR and logo retention of the customers billing 12 months before">
              <ActualsChart chart="retention" sheet={sheet} currency={currency} height={260} label="Trailing-12 NRR, GRR and logo retention" />
            </Section>
            <Section title="Cohorts" note="ARR by months since start, as a share of each cohort's starting ARR">
              {stage >= STAGES.heatMap ? (
                <HeatMapCanvas sheet={sheet} height={cohortHeight} label="Cohort heat map: ARR by months since start as a share of starting ARR" dataKey="actuals.chart.cohorts"
                  hover={(x, y, w, h) => { const lines = cohortHover(sheet, x, y, w, h); return lines ? { lines, mark: cohortMark(sheet, x, y, w, h) } : null; }} />
              ) : <div style={{ height: cohortHeight }} />}
            </Section>
          </div>
          {stage >= STAGES.startPlan ? <StartPlan seed={live?.seed ?? null} /> : null}
          {stage >= STAGES.calibrate ? <Calibrate initial={live?.calibration ?? null} calibratedFor={live?.calibratedFor ?? null} /> : null}
          {stage >= STAGES.variance ? <Variance sheet={sheet} /> : null}
        </>
      ) : null}
    </div>
  );
}
