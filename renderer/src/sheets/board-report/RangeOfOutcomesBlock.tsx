// The board page's "Range of outcomes" (issue 21): when the document has ranges,
// P10–P90 of ARR and NRR and the chance of the plan, from the same run the
// Ranges view shows (started here when that view has not run it). Until its
// figures are in, the block is not printed: a PDF never says "sampling…".
import { useEffect } from 'react';
import { rangeOfOutcomes } from '@shared/report/index';
import { useRangesArgs } from '../../store/ranges-args';
import { ensureRanges, isCurrent, useRanges } from '../../store/ranges-store';

export function RangeOfOutcomesBlock() {
  const args = useRangesArgs();
  useEffect(() => { if (args && args.ranges.length) ensureRanges(args); }, [args]);
  const current = useRanges((s) => (args ? isCurrent(s, args) : false));
  const outcome = useRanges((s) => s.outcome);
  const status = useRanges((s) => s.status);
  const done = useRanges((s) => s.done);
  const total = useRanges((s) => s.total);
  if (!args || args.ranges.length === 0) return null;
  const block = current && outcome ? rangeOfOutcomes(args.inputs, outcome.report, outcome.planArr, args.ranges.length) : null;
  return (
    <section className={block ? 'board-ranges' : 'board-ranges no-print'} aria-label="Range of outcomes" data-key="board.ranges">
      <h3>Range of outcomes</h3>
      {block ? (
        <>
          <dl className="board-ranges-figures">
            <div><dt>{block.arrLabel}</dt><dd data-key="board.ranges.arr">{block.arr}</dd></div>
            <div><dt>{block.nrrLabel}</dt><dd data-key="board.ranges.nrr">{block.nrr}</dd></div>
          </dl>
          <p data-key="board.ranges.plan">{block.plan}</p>
          <p className="board-footnote">{block.basis}. Every other figure on this page is the base case, exact.</p>
        </>
      ) : status === 'error' ? <p className="muted">The ranges cannot run: see the Ranges sheet.</p>
        : status === 'cancelled' ? <p className="muted">The ranges' run was cancelled: run it on the Ranges sheet.</p>
          : <p className="muted" aria-busy="true">Sampling the ranges: {done.toLocaleString('en-US')} of {total.toLocaleString('en-US')}…</p>}
    </section>
  );
}
