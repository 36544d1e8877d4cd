// Spec §9.1's property: a random subscription history (monthly and annual
// terms, upgrades and downgrades at renewals and mid-term with prorations,
// credits, two currencies) written as invoice line items, then converted,
// gives back its MRR month by month to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertExport } from '@shared/actuals/shapes/convert';
import { parseMapping } from '@shared/actuals/shapes/mapping';
import { addMonths, DAY_MS, monthOf, monthStart, withinOneDay } from '@shared/actuals/shapes/dates';
import { monthText } from '@shared/actuals/values';
import { D } from '@shared/index';

const FX = { USD: '1', EUR: '1.25' } as const;
type Currency = keyof typeof FX;
interface Term { price: number; change?: { dayOffset: number; price: number } }
interface History { customer: string; currency: Currency; annual: boolean; startMonth: number; startDay: number; terms: Term[] }

// A change at least two days into a term: one day in, the credit's period is a full month "to within one day" (rule 5) and is not prorated.
const term = fc.record({ price: fc.integer({ min: 1, max: 5000 }), change: fc.option(fc.record({ dayOffset: fc.integer({ min: 2, max: 300 }), price: fc.integer({ min: 1, max: 5000 }) }), { nil: undefined }) });
const history = (i: number) => fc.record({
  customer: fc.constant(`c${i}`),
  currency: fc.constantFrom<Currency>('USD', 'EUR'),
  annual: fc.boolean(),
  startMonth: fc.integer({ min: 2023 * 12, max: 2023 * 12 + 23 }),
  startDay: fc.integer({ min: 1, max: 28 }),
  terms: fc.array(term, { minLength: 1, maxLength: 6 }),
});
const histories = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => history(i))));

const iso = (t: number) => new Date(t).toISOString();
/** An amount written with at most 6 decimals, as a billing system's export would not round a proration finer. */
const amount = (x: InstanceType<typeof D>) => x.toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed();

/** The line items of a history, and the MRR it has at each month's end snapshot. */
function write(h: History, lines: string[], expected: Map<string, InstanceType<typeof D>>) {
  const n = h.annual ? 12 : 1;
  // Prices in whole currency units a month (an annual price is 12 of them), so every MRR is whole cents
  // and a proration written to 6 decimals cannot tip a half cent.
  const priceOf = (p: number) => p * n;
  let start = Date.UTC(Math.floor(h.startMonth / 12), h.startMonth % 12, h.startDay);
  const periods: { s: number; e: number; price: number; change?: { at: number; price: number } }[] = [];
  h.terms.forEach((t, k) => {
    const e = addMonths(start, n);
    let at = t.change ? start + Math.min(t.change.dayOffset * DAY_MS, e - start - DAY_MS) : undefined;
    // A credit whose own length is a whole term to within one day is a full period (rule 5: 30 January
    // to 28 February is "one month"), not a proration: such a change is not written.
    if (at !== undefined && withinOneDay(addMonths(at, n), e)) at = undefined;
    const sub = `${h.customer}-s`;
    lines.push([h.customer, iso(start), iso(e), String(priceOf(t.price)), h.currency, h.annual ? 'year' : 'month', sub, `${h.customer}-i${k}`].join(','));
    if (t.change && at !== undefined && at > start) {
      // The credit for the unused time of the old price, and the charge for the rest at the new one.
      const share = new D(e - at).div(e - start);
      lines.push([h.customer, iso(at), iso(e), amount(new D(priceOf(t.price)).mul(share).neg()), h.currency, '', sub, `${h.customer}-p${k}`].join(','));
      lines.push([h.customer, iso(at), iso(e), amount(new D(priceOf(t.change.price)).mul(share)), h.currency, '', sub, `${h.customer}-p${k}`].join(','));
      periods.push({ s: start, e, price: t.price, change: { at, price: t.change.price } });
    } else periods.push({ s: start, e, price: t.price });
    start = e;
  });
  // §9.1 rule 8: in force at month M when start < F ≤ end, F the first instant of the next month.
  for (let m = monthOf(periods[0]!.s); m <= monthOf(periods.at(-1)!.e); m++) {
    const f = monthStart(m + 1);
    const p = periods.find((x) => x.s < f && f <= x.e);
    const price = !p ? 0 : p.change && p.change.at < f ? p.change.price : p.price;
    expected.set(`${h.customer} ${monthText(m)}`, new D(price).mul(FX[h.currency]));
  }
}

describe('§9.1 property: line items give back the MRR they were written from', () => {
  it('to the cent, every customer and month', () => {
    fc.assert(fc.property(histories, (hs) => {
      const lines = ['customer,periodStart,periodEnd,amount,currency,interval,subscription,invoice'];
      const expected = new Map<string, InstanceType<typeof D>>();
      for (const h of hs) write(h, lines, expected);
      const through = Math.max(...[...expected.keys()].map((k) => { const [y, mo] = k.split(' ')[1]!.split('-').map(Number); return y! * 12 + mo! - 1; }));
      const mapping = parseMapping({ shape: 'lines', fields: {}, options: { through: monthText(through), fx: { EUR: FX.EUR } } });
      if (!mapping.ok) throw new Error(mapping.problems.join('; '));
      const r = convertExport(lines.join('\n'), mapping.mapping);
      if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 500));
      const got = new Map(r.converted.rows.map((x) => [`${x.customer} ${monthText(x.month)}`, x.mrr.toFixed(2)]));
      for (const [k, v] of expected) {
        const cents = v.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);
        // Months before a customer's first MRR above 0 have no row; every other month has one.
        if (got.has(k) || cents !== '0.00') expect(got.get(k) ?? 'no row', k).toBe(cents);
      }
    }), { numRuns: 150 });
  });
});
