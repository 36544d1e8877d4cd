// Billing exports for the Actuals specs: one row per customer per billed month
// (customer, month, mrr), from a seeded generator so a failure reproduces. The
// book has every movement of spec §9: new, expansion, contraction, churn and
// reactivation, on annual terms (changes at each customer's anniversary).
export interface BillingOptions {
  customers: number;
  /** YYYY-MM of the file's first month */
  firstMonth: string;
  months: number;
  seed?: number;
  /** share of customers already billing in the first month */
  installed?: number;
}

const monthText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export function billingRows({ customers, firstMonth, months, seed = 7, installed = 0.4 }: BillingOptions): string[] {
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  const [y, m] = firstMonth.split('-').map(Number) as [number, number];
  const m0 = y * 12 + m - 1;
  const rows: string[] = [];
  for (let c = 0; c < customers; c++) {
    const name = `C${String(c).padStart(6, '0')}`;
    const already = rand() < installed;
    let t = already ? 0 : Math.floor(rand() * months);
    let mrr = Math.round((100 + rand() * 1900) * 100) / 100;
    // Customers billing before the file renew on their own anniversaries, not all in its first month.
    let start = already ? -Math.floor(rand() * 12) : t;
    while (t < months) {
      rows.push(`${name},${monthText(m0 + t)},${mrr.toFixed(2)}`);
      t++;
      // Mid-term expansion now and then; at each anniversary, churn, contraction or growth.
      if (rand() < 0.01) mrr = Math.round(mrr * 1.1 * 100) / 100;
      if ((t - start) % 12 === 0) {
        const r = rand();
        if (r < 0.12) {
          // Churned; a few come back some months later (reactivation).
          if (rand() < 0.25) { t += 2 + Math.floor(rand() * 6); start = t; } else break;
        } else if (r < 0.25) mrr = Math.round(mrr * 0.85 * 100) / 100;
        else if (r < 0.5) mrr = Math.round(mrr * 1.08 * 100) / 100;
      }
    }
  }
  return rows;
}

export const billingCsv = (o: BillingOptions): string => `customer,month,mrr\n${billingRows(o).join('\n')}\n`;
