// The figures of §12 as the CLI prints them: decimals become JSON numbers
// (the nearest double), months their YYYY-MM.
import { monthLabel, toNumbers, type DeepNumber } from '../core/compute';
import type { ModelInputs } from '../model/inputs';
import type { AccountTotals, ScoredAccount } from './accounts';
import type { PipelineFigures } from './pipeline';

export interface AccountsJson { accounts: DeepNumber<ScoredAccount>[]; totals: DeepNumber<AccountTotals>; notes: string[] }

export function accountsJson(scored: { accounts: ScoredAccount[]; totals: AccountTotals }, notes: string[]): AccountsJson {
  return { accounts: scored.accounts.map((a) => toNumbers(a)), totals: toNumbers(scored.totals), notes };
}

export type PipelineJson = Omit<DeepNumber<PipelineFigures>, 'periods'> & { periods: (DeepNumber<PipelineFigures>['periods'][number] & { from: string; to: string })[] };

export function pipelineJson(p: PipelineFigures, model: ModelInputs): PipelineJson {
  const n = toNumbers(p);
  return { ...n, periods: n.periods.map((x) => ({ from: monthLabel(model.general.startMonth, x.firstMonth), to: monthLabel(model.general.startMonth, x.lastMonth), ...x })) };
}
