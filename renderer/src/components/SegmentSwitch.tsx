// Company or one segment (spec §2.3, issue 24): beside the sheet tabs, the choice
// of whose figures the ARR Bridge, Cohorts and Metrics sheets show. Shown only
// when the model has segments.
import { useDocument } from '../store/document-store';
import { showSegment, useUi } from '../store/ui-store';

export function SegmentSwitch() {
  const segments = useDocument((s) => s.inputs.segments);
  const chosen = useUi((s) => s.segmentView);
  if (!segments || segments.length === 0) return null;
  const value = chosen !== null && segments.some((s) => s.id === chosen) ? chosen : '';
  return (
    <label className="segment-switch" title="whose figures the ARR Bridge, Cohorts and Metrics sheets show">
      <span>Figures of</span>
      <select aria-label="Figures of" data-key="segment-switch" value={value} onChange={(e) => showSegment(e.target.value === '' ? null : e.target.value)}>
        <option value="">Company</option>
        {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
    </label>
  );
}
