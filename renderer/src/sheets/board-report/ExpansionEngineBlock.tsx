// The board report's "Expansion engine" (issue 25.5): ready accounts and their
// whitespace, at-risk ARR, next quarter's coverage and verdict, and the gap,
// from the Accounts and Pipeline sheets' imports under the model's weights.
import { useMemo } from 'react';
import { defaultSignals, fastTotals, fromMicro, scoreColumns } from '@shared/accounts/screen';
import { expansionEngineBlock, type AccountFigures } from '@shared/report/index';
import { useAccounts } from '../../accounts/accounts-store';
import { useDocument } from '../../store/document-store';
import { useModel } from '../../store/model-store';

export function ExpansionEngineBlock() {
  const accounts = useAccounts((s) => s.accounts);
  const pipeline = useAccounts((s) => s.pipeline);
  const inputs = useDocument((s) => s.inputs);
  const result = useModel((s) => s.result);
  const figures = useMemo((): AccountFigures | null => {
    if (!accounts) return null;
    const t = fastTotals(accounts.columns, scoreColumns(accounts.columns, inputs.signals ?? defaultSignals()));
    const n = (m: bigint) => fromMicro(m).toNumber();
    return { accounts: t.accounts, readyAccounts: t.readyAccounts, readyWhitespace: n(t.readyWhitespaceMicro), atRiskAccounts: t.atRiskAccounts, atRiskArr: n(t.atRiskArrMicro) };
  }, [accounts, inputs.signals]);
  const next = pipeline?.figures.periods[0] ?? null;
  const block = result ? expansionEngineBlock(result.months, figures, next, inputs.general.currency) : null;
  if (!block) return null;
  return (
    <section className="board-expansion" aria-label="Expansion engine" data-key="board.expansion">
      <h3>{block.title}</h3>
      <dl>
        {block.lines.map((l) => <div key={l.label}><dt>{l.label}</dt><dd>{l.value}</dd></div>)}
      </dl>
      {block.sentences.map((s) => <p key={s}>{s}</p>)}
    </section>
  );
}
