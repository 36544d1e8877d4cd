// The Actuals sheet (issue 14): a billing export in, what really happened out:
// data quality, the monthly actual bridge (table and chart), trailing-12
// retention, the cohort heat map; then the plan started from today's book,
// calibrated, and compared month by month with what happened. The import runs
// in a worker (actuals/import-actuals.ts); figures are the core's (spec §9).
import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import { useActuals } from '../../actuals/actuals-store';
import { Section } from '../../components/Section';
import { useDocument } from '../../store/document-store';
import { ActualBridgeTable } from './ActualTables';
import { Calibrate } from './Calibrate';
import { ImportBar } from './ImportBar';
import { QualityPanel } from './QualityPanel';
import { StartPlan } from './StartPlan';
import { Variance } from './Variance';
import { bridgeChart, cohortHeatMap, retentionChart } from './actual-charts';
import './actuals.css';

/**
 * Sections drawn one per task after the figures arrive (grids and charts of a
 * 3-million-row import are not small), so no single main-thread task holds the
 * window for all of them at once.
 */
function useStaged(key: unknown, stages: number): number {
  const [state, setState] = useState({ key, shown: 0 });
  // New figures start again from nothing in the very render that shows them (an effect would be one render late).
  const shown = state.key === key ? state.shown : 0;
  useEffect(() => {
    if (shown >= stages) return;
    const t = setTimeout(() => setState((s) => ({ key, shown: (s.key === key ? s.shown : 0) + 1 })), 0);
    return () => clearTimeout(t);
  }, [key, shown, stages]);
  return shown;
}

export function ActualsSheet() {
  const sheet = useDocument((s) => s.actuals);
  const currency = useDocument((s) => s.inputs.general.currency);
  const storedLive = useActuals((s) => s.live);
  // The session's book belongs to these figures only (a reopened or other document has none).
  const live = storedLive && storedLive.sheet === sheet ? storedLive : null;
  const bridge = useMemo(() => (sheet ? bridgeChart(sheet, currency) : null), [sheet, currency]);
  const retention = useMemo(() => (sheet ? retentionChart(sheet) : null), [sheet]);
  const heat = useMemo(() => (sheet ? cohortHeatMap(sheet) : null), [sheet]);
  const cohortHeight = Math.min(520, Math.max(160, 46 + (sheet?.cohorts.length ?? 0) * 12));
  const stage = useStaged(sheet, 8);

  return (
    <div className="sheet actuals-sheet" data-state={sheet ? (live ? 'live' : 'saved') : 'empty'}>
      <Section title="Actuals" note="what already happened, from a billing export (spec §9)">
        <ImportBar hasActuals={sheet !== null} />
        {sheet ? <QualityPanel sheet={sheet} live={live} /> : <p className="actuals-note">No actuals yet. Import a billing export to see the real ARR bridge and retention, start the plan from today's book and calibrate it.</p>}
      </Section>
      {sheet && bridge && retention && heat ? (
        <>
          <Section title="Monthly actual ARR bridge" note="opening + new + reactivation + expansion − contraction − churn = closing, every month">
            {stage >= 1 ? <EChart option={bridge} width="100%" height={260} label="Monthly actual ARR bridge: flows as bars, closing ARR as a line" dataKey="actuals.chart.bridge" /> : <div style={{ height: 260 }} />}
            {stage >= 2 ? <ActualBridgeTable sheet={sheet} /> : null}
          </Section>
          <div className="actuals-two">
            <Section title="Trailing-12 retention" note="from the 13th month on: NRR, GRR and logo retention of the customers billing 12 months before">
              {stage >= 3 ? <EChart option={retention} width="100%" height={260} label="Trailing-12 NRR, GRR and logo retention" dataKey="actuals.chart.retention" /> : <div style={{ height: 260 }} />}
            </Section>
            <Section title="Cohorts" note="ARR by months since start, as a share of each cohort's starting ARR">
              {stage >= 4 ? <EChart option={heat} width="100%" height={cohortHeight} label="Cohort heat map: ARR by months since start as a share of starting ARR" dataKey="actuals.chart.cohorts" renderer="canvas" /> : <div style={{ height: cohortHeight }} />}
            </Section>
          </div>
          {stage >= 5 ? <StartPlan seed={live?.seed ?? null} /> : null}
          {stage >= 6 ? <Calibrate initial={live?.calibration ?? null} calibratedFor={live?.calibratedFor ?? null} /> : null}
          {stage >= 7 ? <Variance sheet={sheet} /> : null}
        </>
      ) : null}
    </div>
  );
}
