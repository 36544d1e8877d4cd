// The mapping step for a billing export in its own shape (issue 20, spec §9.1),
// on the generic MappingStep (renderer/src/mapping): the shape and preset the
// file suggests, each field's column, the options and FX rates, value maps for
// the file's own words (a line's kind, its interval), the first rows, and the
// monthly MRR of three customers as the import will give them (computed in the
// worker holding the file, again after each change). Import keeps the mapping
// in the document, so next month's export imports in one step.
import { useCallback, useMemo, useRef, useState } from 'react';
import { defaultOptions, FIELD_HEADERS, INTERVALS, LINE_KINDS, PRESETS, SHAPE_FIELDS, SHAPES, type ConvertOptions, type Mapping, type Preset, type Shape } from '@shared/actuals/mapping-vocabulary';
import { actualsStore, type ImportState } from '../../actuals/actuals-store';
import { cancelMapping, importMapped, previewMapping } from '../../actuals/import-actuals';
import { MappingStep } from '../../mapping/MappingStep';
import { ValueMap, type ValueChoice } from '../../mapping/ValueMap';
import { suggestColumns, type ColumnChoice, type MappingField, type MappingProblem } from '../../mapping/mapping-model';

type MappingState = Extract<ImportState, { phase: 'mapping' }>;

const SHAPE_LABELS: Record<Shape, string> = { lines: 'Invoice line items', subscriptions: 'Subscription list', wide: 'Month-by-customer table', long: 'One row per customer and month' };
const PRESET_LABELS: Record<Preset, string> = { stripe: 'Stripe', chargebee: 'Chargebee', recurly: 'Recurly', chartmogul: 'ChartMogul', zuora: 'Zuora', baremetrics: 'Baremetrics' };

const FIELDS: Record<string, { label: string; hint?: string }> = {
  customer: { label: 'Customer', hint: 'the id the customer is billed under' },
  month: { label: 'Month', hint: 'YYYY-MM' },
  amount: { label: 'Amount', hint: 'in currency units, credits negative (not cents)' },
  periodStart: { label: 'Period start', hint: 'the service period the line pays for' },
  periodEnd: { label: 'Period end' },
  discount: { label: 'Discount' },
  tax: { label: 'Tax' },
  currency: { label: 'Currency', hint: 'ISO code; blank: the file’s one currency' },
  interval: { label: 'Interval', hint: 'day, week, month, quarter, year' },
  intervalCount: { label: 'Interval count' },
  kind: { label: 'Line kind', hint: 'recurring, one-time, usage or tax' },
  subscription: { label: 'Subscription' },
  invoice: { label: 'Invoice' },
  invoiceDate: { label: 'Invoice date', hint: 'the latest one is the last month' },
  invoiceStatus: { label: 'Invoice status', hint: 'void and draft lines are left out' },
  refunded: { label: 'Amount refunded' },
  amountPaid: { label: 'Amount paid' },
  cancelledAt: { label: 'Cancelled at' },
  start: { label: 'Start', hint: 'the subscription’s start date' },
  end: { label: 'End' },
};

function fieldsOf(shape: Shape): MappingField[] {
  const f = SHAPE_FIELDS[shape];
  return [...f.required.map((id) => ({ id, required: true })), ...f.optional.map((id) => ({ id, required: false }))].map(({ id, required }) => ({
    id, required, label: FIELDS[id]?.label ?? id, ...(FIELDS[id]?.hint ? { hint: FIELDS[id].hint } : {}), names: FIELD_HEADERS[id] ?? [],
  }));
}

const fieldsFrom = (choice: ColumnChoice) => Object.fromEntries(Object.entries(choice).filter((e): e is [string, string] => e[1] !== null));
/** A word §9.1 reads as it is (any case), as the converter does. */
const known = (words: readonly string[], v: string) => words.some((w) => w.toLowerCase() === v.trim().toLowerCase());

export function BillingMapping({ state }: { state: MappingState }) {
  const { preview } = state;
  const start = state.mapping ?? preview.mapping;
  const [shape, setShape] = useState<Shape>(start?.shape ?? 'lines');
  const [preset, setPreset] = useState<Preset | null>(preview.preset);
  const [options, setOptions] = useState<ConvertOptions>(() => start?.options ?? defaultOptions());
  /** a preset's suggestion arrived: the step starts again from it */
  const [round, setRound] = useState(0);
  const choice = useRef<ColumnChoice>(start ? { ...start.fields } : {});
  const fields = useMemo(() => fieldsOf(shape), [shape]);
  const suggested = start?.shape === shape ? start.fields : {};
  const suggest = useCallback((f: MappingField) => suggested[f.id], [suggested]);

  const mappingOf = (c: ColumnChoice, o: ConvertOptions = options): Mapping => ({ shape, fields: fieldsFrom(c), options: o });
  const refresh = (c: ColumnChoice, o: ConvertOptions = options) => void previewMapping(mappingOf(c, o), preset);
  const setOption = <K extends keyof ConvertOptions>(k: K, v: ConvertOptions[K]) => {
    const o = { ...options, [k]: v };
    if (v === undefined) delete o[k];
    setOptions(o);
    refresh(choice.current, o);
  };

  const currencies = (preview.values.currency ?? []).map((c) => c.value.toUpperCase()).filter((c, i, all) => c !== options.currency && all.indexOf(c) === i);
  const rateOf = (c: string) => { const r = (options.fx as Record<string, unknown>)[c]; return typeof r === 'string' || typeof r === 'number' ? String(r) : ''; };
  // Three currencies with one rate: refused before the import, naming each currency without one.
  const check = (): MappingProblem[] => currencies.filter((c) => !/^\d+(\.\d+)?$/.test(rateOf(c))).map((c) => ({ field: 'currency', message: `${c}: give its rate into ${options.currency} (1 ${c} = ? ${options.currency}); the file has lines in ${c}` }));
  const unknownWords = (field: 'kind' | 'interval', words: readonly string[]) => (preview.values[field] ?? []).filter((v) => !known(words, v.value));
  const valueMap = (field: 'kind' | 'interval'): ValueChoice => Object.fromEntries(unknownWords(field, field === 'kind' ? LINE_KINDS : INTERVALS).map((v) => [v.value, options.values?.[field]?.[v.value] ?? null]));
  const setValueMap = (field: 'kind' | 'interval', map: ValueChoice) => {
    const chosen = Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => e[1] !== null));
    setOption('values', { ...options.values, [field]: chosen });
  };

  const lines = shape === 'lines' || shape === 'subscriptions';
  return (
    <div className="billing-mapping" data-testid="billing-mapping">
      <div className="billing-mapping-head">
        <label>Shape <select aria-label="Shape of the export" value={shape} onChange={(e) => {
          const s = e.target.value as Shape;
          setShape(s);
          choice.current = suggestColumns(preview.header, fieldsOf(s));
          void previewMapping({ shape: s, fields: fieldsFrom(choice.current), options }, preset);
        }}>
          {SHAPES.map((s) => <option key={s} value={s}>{SHAPE_LABELS[s]}</option>)}
        </select></label>
        <label>Preset <select aria-label="Preset" value={preset ?? ''} onChange={(e) => {
          const p = (e.target.value || null) as Preset | null;
          setPreset(p);
          void previewMapping(null, p).then(() => {
            const m = actualsStore.getState().import;
            if (m.phase === 'mapping' && m.mapping) { setShape(m.mapping.shape); setOptions(m.mapping.options); choice.current = { ...m.mapping.fields }; }
            setRound((r) => r + 1);
          });
        }}>
          <option value="">none</option>
          {PRESETS.map((p) => <option key={p} value={p}>{PRESET_LABELS[p]}</option>)}
        </select></label>
        <span className="actuals-note">{preview.preset ? `Looks like a ${PRESET_LABELS[preview.preset]} export; ` : ''}a preset is a suggestion: check each field.</span>
      </div>
      {preview.missing && !start ? <p className="actuals-note" role="status" data-testid="mapping-missing">No shape fits these headers by their names ({preview.header.filter(Boolean).join(', ')}): choose the shape and each field’s column below.</p> : null}
      <MappingStep
        key={`${shape}:${round}`}
        title={`Map the columns of ${state.name}`}
        headers={preview.header}
        rows={preview.rows}
        totalRows={preview.lines}
        fields={fields}
        initial={start?.shape === shape ? start.fields : {}}
        suggest={suggest}
        check={check}
        busy={state.busy}
        errors={[...(state.error ? [state.error] : []), ...preview.problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`), ...(preview.missing && start ? [preview.missing] : [])]}
        confirmLabel="Import"
        onChange={(c) => { choice.current = c; refresh(c); }}
        onConfirm={(c) => void importMapped(mappingOf(c))}
        onCancel={() => cancelMapping()}
      >
        {() => (
          <div className="billing-options">
            <fieldset className="billing-option-group">
              <legend>Options</legend>
              {lines ? (
                <>
                  <label>Reporting currency <input aria-label="Reporting currency" value={options.currency} maxLength={3} size={4} onChange={(e) => { if (/^[A-Za-z]{3}$/.test(e.target.value)) setOption('currency', e.target.value.toUpperCase()); }} /></label>
                  {currencies.map((c) => (
                    <label key={c}>1 {c} = <input aria-label={`Rate of ${c} in ${options.currency}`} defaultValue={rateOf(c)} size={7} inputMode="decimal" onBlur={(e) => setOption('fx', { ...options.fx, [c]: e.target.value.trim() })} /> {options.currency}</label>
                  ))}
                  <label>MRR at <select value={options.snapshot} onChange={(e) => setOption('snapshot', e.target.value as ConvertOptions['snapshot'])}><option value="end">each month’s end</option><option value="start">each month’s start</option></select></label>
                  <label>Through <input aria-label="Last month" placeholder="from the file" size={8} defaultValue={options.through ?? ''} onBlur={(e) => setOption('through', /^\d{4}-(0[1-9]|1[0-2])$/.test(e.target.value.trim()) ? e.target.value.trim() : undefined)} /></label>
                  <label>Discounts <select value={options.discounts} onChange={(e) => setOption('discounts', e.target.value as ConvertOptions['discounts'])}><option value="net">subtracted</option><option value="gross">ignored</option></select></label>
                  <label>Refunds <select value={options.refunds} onChange={(e) => setOption('refunds', e.target.value as ConvertOptions['refunds'])}><option value="ignore">kept</option><option value="voidFull">a full refund voids</option></select></label>
                  <label>Churn at <select value={options.churnAt} onChange={(e) => setOption('churnAt', e.target.value as ConvertOptions['churnAt'])}><option value="periodEnd">the period’s end</option><option value="cancelDate">the cancel date</option></select></label>
                  {(['paidOnly', 'includeUsage', 'endInclusive', 'amountIncludesTax'] as const).map((k) => (
                    <label key={k}><input type="checkbox" checked={options[k]} onChange={(e) => setOption(k, e.target.checked)} /> {{ paidOnly: 'Paid invoices only', includeUsage: 'Usage counts as MRR', endInclusive: 'Period ends are inclusive', amountIncludesTax: 'Amounts include tax' }[k]}</label>
                  ))}
                </>
              ) : (
                <label>Amounts are <select value={options.amounts} onChange={(e) => setOption('amounts', e.target.value as ConvertOptions['amounts'])}><option value="mrr">MRR</option><option value="arr">ARR (÷ 12)</option></select></label>
              )}
            </fieldset>
            {lines && unknownWords('kind', LINE_KINDS).length ? <ValueMap label="The file’s line kinds" values={unknownWords('kind', LINE_KINDS)} targets={LINE_KINDS} map={valueMap('kind')} onChange={(m) => setValueMap('kind', m)} /> : null}
            {lines && unknownWords('interval', INTERVALS).length ? <ValueMap label="The file’s intervals" values={unknownWords('interval', INTERVALS)} targets={INTERVALS} map={valueMap('interval')} onChange={(m) => setValueMap('interval', m)} /> : null}
            <div className="billing-preview" aria-label="Monthly MRR as it will be imported" role="group" aria-busy={state.busy}>
              <h4>Monthly MRR of three customers as it will be imported{state.busy ? ' (updating…)' : ''}</h4>
              {preview.customers.length === 0 ? <p className="actuals-note">Nothing to show yet: the problems below stop these customers.</p> : null}
              <div className="billing-preview-customers">
                {preview.customers.map((c) => (
                  <table key={c.customer} className="actuals-table" data-testid={`preview.${c.customer}`} aria-label={`MRR of ${c.customer}`}>
                    <caption>{c.customer}</caption>
                    <tbody>{c.months.length ? c.months.map((m) => <tr key={m.month}><td>{m.month}</td><td className="num">{m.mrr}</td></tr>) : <tr><td>no month above 0</td></tr>}</tbody>
                  </table>
                ))}
              </div>
            </div>
          </div>
        )}
      </MappingStep>
    </div>
  );
}
