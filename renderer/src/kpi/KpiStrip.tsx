// Headline figures, visible on every sheet. While the worker recomputes the
// previous figures stay (no flicker); they are never from stale inputs for long.
import { useDocument } from '../store/document-store';
import { useModel } from '../store/model-store';
import { bandReason } from '@shared/index';
import { headlineKpis, kpiText } from './kpi-figures';
import './kpi-book.css';

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
