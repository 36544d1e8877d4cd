// Presets (spec §9.1): the usual header names of billing exports for each field,
// and the options a vendor's export needs. A preset is a suggestion the user
// sees and can change; where each list comes from is in docs/actuals.md.
import type { ConvertOptions, Shape } from './mapping';

export const PRESETS = ['stripe', 'chargebee', 'recurly', 'chartmogul', 'zuora', 'baremetrics'] as const;
export type Preset = (typeof PRESETS)[number];

/** Options a preset sets (rule 1: Zuora's period ends are inclusive; rule 3: ChartMogul's amounts include tax). */
export const PRESET_OPTIONS: Readonly<Record<Preset, Partial<ConvertOptions>>> = {
  stripe: {}, chargebee: {}, recurly: {}, baremetrics: {},
  chartmogul: { amountIncludesTax: true },
  zuora: { endInclusive: true },
};

/** Header names (any case, spaces, `_` and `.` ignored) that suggest each field, the field's own name first. */
export const FIELD_HEADERS: Readonly<Record<string, readonly string[]>> = {
  customer: ['customer', 'customer id', 'customer_id', 'customer external id', 'customer_external_id', 'account', 'account code', 'account number', 'customer.id'],
  month: ['month'],
  periodStart: ['periodStart', 'period start', 'period_start', 'period.start', 'date from', 'service start date', 'service_period_start', 'charge start date'],
  periodEnd: ['periodEnd', 'period end', 'period_end', 'period.end', 'date to', 'service end date', 'service_period_end', 'charge end date'],
  amount: ['amount', 'line amount', 'charge amount', 'plan amount', 'mrr', 'price'],
  discount: ['discount', 'discount amount', 'discount_amount', 'discounts'],
  tax: ['tax', 'tax amount', 'tax_amount', 'vat'],
  currency: ['currency', 'currency code', 'currency_code'],
  interval: ['interval', 'billing period', 'billing_period', 'plan interval', 'plan.interval', 'price.recurring.interval', 'period unit', 'period_unit'],
  intervalCount: ['intervalCount', 'interval count', 'interval_count', 'plan.interval_count', 'price.recurring.interval_count', 'billing period count'],
  kind: ['kind', 'type', 'line type', 'item type', 'charge type'],
  subscription: ['subscription', 'subscription id', 'subscription_id', 'subscription uuid', 'subscription_external_id'],
  invoice: ['invoice', 'invoice id', 'invoice_id', 'invoice number', 'invoice_number', 'invoice_external_id'],
  invoiceDate: ['invoiceDate', 'invoice date', 'invoice_date', 'date', 'created', 'posted date'],
  invoiceStatus: ['invoiceStatus', 'invoice status', 'invoice_status', 'status'],
  refunded: ['refunded', 'amount refunded', 'amount_refunded', 'refunded amount'],
  amountPaid: ['amountPaid', 'amount paid', 'amount_paid'],
  cancelledAt: ['cancelledAt', 'cancelled at', 'canceled at', 'canceled_at', 'cancellation date', 'ended at', 'ended_at'],
  start: ['start', 'start date', 'start_date', 'started at', 'activated at', 'current_period_start', 'subscription start date'],
  end: ['end', 'end date', 'end_date', 'expires at', 'term end'],
};

export const normalHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_.]+/g, '');

/** The header of `header` that suggests `field`, if any (the first of its names found). */
export function suggestHeader(header: readonly string[], field: string): string | undefined {
  const byNormal = new Map(header.map((h) => [normalHeader(h), h]));
  for (const name of FIELD_HEADERS[field] ?? [field]) {
    const h = byNormal.get(normalHeader(name));
    if (h !== undefined) return h;
  }
  return undefined;
}

/** Which shape the fields found suggest: lines have a period, subscriptions a start and an interval. */
export function suggestShape(found: (field: string) => boolean, monthColumns: number): Shape | null {
  if (found('customer') && found('month') && found('amount')) return 'long';
  if (found('customer') && found('amount') && found('periodStart') && found('periodEnd')) return 'lines';
  if (found('customer') && found('amount') && found('start') && found('interval')) return 'subscriptions';
  if (found('customer') && monthColumns > 0) return 'wide';
  return null;
}
