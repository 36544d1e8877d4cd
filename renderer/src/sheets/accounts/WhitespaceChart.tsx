// Cumulative whitespace by ERS rank (issue 25.2): do the top 20% of accounts
// hold 80% of the opportunity (seed 004)? The diagonal is an even spread.
import { useMemo } from 'react';
import { percent, type SheetChartRequest } from '@shared/report/index';
import { SheetChart } from '../../charts/SheetChart';

export function WhitespaceChart({ curve, top20 }: { curve: { accountShare: number; whitespaceShare: number }[]; top20: number | null }) {
  const request = useMemo((): SheetChartRequest => ({ chart: 'whitespace', args: { curve } }), [curve]);
  return (
    <section className="accounts-chart" aria-label="Cumulative whitespace by ERS rank">
      <SheetChart request={request} height={230} label={`Cumulative whitespace by ERS rank: the top 20% of accounts hold ${top20 === null ? 'no whitespace' : percent(top20)}`} />
      <p className="accounts-muted">{top20 === null ? 'No account has whitespace.' : `The top 20% by ERS hold ${percent(top20)} of the whitespace${top20 >= 0.8 ? ' — the 20/80 holds.' : '; seed 004 expects 80%.'}`}</p>
    </section>
  );
}
