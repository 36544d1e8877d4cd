// A Stripe-style invoice line-item export for the bench (issue 20): `customers`
// × `months` monthly invoices from 2021-01, one customer in ten billed yearly,
// one in twenty upgrading mid-month once (a credit and a charge prorated to the
// period end) and one in fifty cancelling. Written in chunks, so even 3,000,000
// lines never sit in memory as one string.
import { createWriteStream } from 'node:fs';

export const BILLING_HEADER = 'customer,period_start,period_end,amount,currency,price.recurring.interval,invoice_date';

const iso = (y: number, m0: number, d = 1) => `${y + Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Writes the export; resolves to its number of lines (without the header). */
export async function writeBillingSample(path: string, customers = 50_000, months = 60): Promise<number> {
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(`${BILLING_HEADER}\n`);
  let lines = 0;
  let block = '';
  for (let c = 0; c < customers; c++) {
    const id = `cus_${String(c).padStart(6, '0')}`;
    const price = 50 + (c % 40) * 25;
    const yearly = c % 10 === 0;
    const until = c % 50 === 0 ? months / 2 : months;
    for (let t = 0; t < until; t += yearly ? 12 : 1) {
      const step = yearly ? 12 : 1;
      block += `${id},${iso(2021, t)},${iso(2021, t + step)},${(price * step).toFixed(2)},usd,${yearly ? 'year' : 'month'},${iso(2021, t)}\n`;
      lines++;
      // An upgrade on the 15th: a credit for the old price and a charge for the new, to the period end.
      if (!yearly && c % 20 === 1 && t === 12) {
        block += `${id},${iso(2021, t, 15)},${iso(2021, t + 1)},${(-price * 17 / 31).toFixed(2)},usd,month,${iso(2021, t, 15)}\n`;
        block += `${id},${iso(2021, t, 15)},${iso(2021, t + 1)},${(2 * price * 17 / 31).toFixed(2)},usd,month,${iso(2021, t, 15)}\n`;
        lines += 2;
      }
    }
    if (block.length > 1 << 20) { await write(block); block = ''; }
  }
  await write(block);
  await new Promise<void>((resolve) => out.end(resolve));
  return lines;
}
