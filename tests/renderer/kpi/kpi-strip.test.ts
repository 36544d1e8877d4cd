// The KPI strip's figures (issue 11 §11): every "—" has a reason, a long model
// shows its last year, computed by the core.
import { describe, expect, it } from 'vitest';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { headlineKpis } from '../../../renderer/src/kpi/KpiStrip';

const kpis = (m: ReturnType<typeof defaultInputs>) => new Map(headlineKpis(computeModel(m)).map((k) => [k.key, k]));

describe('headline figures', () => {
  it('a 12-month model has no year 2: NRR, its band and GRR say they need 24 months', () => {
    const k = kpis(setInput(defaultInputs(), 'general.horizonMonths', 12));
    for (const key of ['kpi.nrr.y2', 'kpi.nrrBand', 'kpi.grr.y2']) {
      expect(k.get(key)!.value).toBeNull();
      expect(k.get(key)!.why).toBe('needs 24 months (the model has 12)');
    }
  });
  it('no new logos in year 1: no customers at the start of year 2', () => {
    const k = kpis(setInput(defaultInputs(), 'acquisition.newCustomersByYear[0]', 0));
    expect(k.get('kpi.nrr.y2')!.why).toBe('no customers at the start of year 2 (no new logos in year 1)');
  });
  it('CAC 0: LTV:CAC says why it is blank; figures that exist carry no reason', () => {
    const k = kpis(setInput(defaultInputs(), 'acquisition.cacPerCustomer', 0));
    expect(k.get('kpi.ltvToCac')!.why).toContain('CAC per new logo is 0');
    expect(k.get('kpi.nrr.y2')!.why).toBeUndefined();
  });
  it('a 120-month model shows years 1–4 and its last year, not year 5', () => {
    const m = setInput(defaultInputs(), 'general.horizonMonths', 120);
    const keys = [...kpis(m).keys()].filter((x) => x.startsWith('kpi.arr.'));
    expect(keys).toEqual(['kpi.arr.y1', 'kpi.arr.y2', 'kpi.arr.y3', 'kpi.arr.y4', 'kpi.arr.y10']);
    expect([...kpis(defaultInputs()).keys()].filter((x) => x.startsWith('kpi.arr.'))).toEqual(['kpi.arr.y1', 'kpi.arr.y2', 'kpi.arr.y3']);
  });
});
